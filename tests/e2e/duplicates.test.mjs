// e2e.duplicates: a duplicate request approved in the request-workflow service reaches the
// register as event workflow.duplicate_approved.v1. The approval is written to the workflow
// service's outbox, as that service does (its relay publishes it to the real broker); the
// certificate service consumes it through its inbox, issues the duplicate (new number, link,
// reason, corrected fields), marks the original replaced and hides it from the public, and
// announces the duplicate, which the holder hears of as a "duplicate issued" notice. A repeated
// approval changes nothing; an approval that cannot be carried out changes nothing and comes back
// to the request as certificate.request_refused.v1 (only one naming no request is dead-lettered).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { refusalsOf, writeWorkflowEvent } from './lib/workflow-events.mjs';

const [kNewNameHolder, kLostHolder, kOtherHolder, kAnnulledHolder] = personalCodes(4, 901);

describe('duplicates: an approved request becomes a duplicate in the register', { timeout: 180000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('duplicates', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const asHolder = (personalCode) => identityHeader({ personal_code: personalCode, name: 'Duplikaadi Taotleja' });

  /** Writes the approval to the workflow service's outbox, exactly as that service would. */
  function approve(data, { eventId } = {}) {
    return writeWorkflowEvent(cluster, 'workflow.duplicate_approved.v1',
      { approved_at: new Date().toISOString(), approved_by: kBodyId, ...data }, { eventId });
  }

  async function mine(personalCode) {
    const answer = await fetchChecked(`${gw}/api/v1/me/certificates`, { headers: asHolder(personalCode) });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  async function issue(personalCode, name, overrides = {}) {
    return recordCertificateOk(gw, certificateBody({ holder_personal_code: personalCode, holder_name: name, ...overrides }));
  }

  async function publish(personalCode, number) {
    const answer = await fetchChecked(`${gw}/api/v1/me/certificates/${number}/publication`, {
      method: 'PUT',
      headers: { ...asHolder(personalCode), 'Content-Type': 'application/json' },
      body: JSON.stringify({ published: true }),
    });
    assert.equal(answer.status, 200, answer.text);
  }

  async function duplicateOf(personalCode, number) {
    return waitFor(`the duplicate of ${number}`, async () => {
      const groups = await mine(personalCode);
      return groups.duplicates.find((c) => c.duplicate_of === number);
    }, { timeoutMs: 15000 });
  }

  async function deadLetters() {
    const queues = await cluster.queues();
    return queues['certificate.events.dead']?.ready ?? 0;
  }

  it('a new name: the duplicate carries the name, links to the original, and only it is public', async () => {
    const original = await issue(kNewNameHolder, 'Kati Kask', { specialisation: 'MAG' });
    await publish(kNewNameHolder, original.number);
    await approve({
      request_id: 'req-new-name-1',
      certificate_number: original.number,
      holder_personal_code: kNewNameHolder,
      reason: 'new_name',
      corrected_fields: { holder_name: 'Kati Õunapuu' },
    });
    const duplicate = await duplicateOf(kNewNameHolder, original.number);
    assert.match(duplicate.number, /^K-[0-9]{6,}$/);
    assert.notEqual(duplicate.number, original.number, 'a new number');
    assert.equal(duplicate.holder_name, 'Kati Õunapuu');
    assert.equal(duplicate.duplicate_reason, 'new_name');
    assert.deepEqual(duplicate.corrected_fields, { holder_name: 'Kati Õunapuu' });
    assert.equal(duplicate.origin, 'duplicate');
    assert.equal(duplicate.status, 'valid');
    assert.equal(duplicate.published, true, 'the holder\'s consent carries over');
    for (const field of ['standard_code', 'standard_name', 'level', 'specialisation', 'valid_from', 'valid_until', 'awarding_body_id']) {
      assert.deepEqual(duplicate[field], original[field], field);
    }
    assert.ok(duplicate.actions.includes('stamp'), 'the duplicate is the document in use');

    const groups = await mine(kNewNameHolder);
    const kept = groups.no_longer_valid.find((c) => c.number === original.number);
    assert.ok(kept, 'the original stays in the holder\'s list, as no longer valid');
    assert.equal(kept.replaced_by, duplicate.number);
    assert.equal(kept.published, false);
    assert.deepEqual(kept.actions, ['question'], 'nothing more to do with a replaced original');
    const republish = await fetchChecked(`${gw}/api/v1/me/certificates/${original.number}/publication`, {
      method: 'PUT',
      headers: { ...asHolder(kNewNameHolder), 'Content-Type': 'application/json' },
      body: JSON.stringify({ published: true }),
    });
    assert.equal(republish.status, 409, republish.text);
    assert.ok(republish.body.detail.includes(duplicate.number), republish.body.detail);
    assert.ok(!groups.valid.some((c) => c.number === original.number));

    assert.equal((await fetchChecked(`${gw}/api/v1/public/certificates/${original.number}`)).status, 404);
    const shown = await fetchChecked(`${gw}/api/v1/public/certificates/${duplicate.number}`);
    assert.equal(shown.status, 200, shown.text);
    assert.equal(shown.body.duplicate_of, original.number);
    assert.equal(shown.body.holder_personal_code, undefined);
    const found = await fetchChecked(`${gw}/api/v1/public/certificates?name=${encodeURIComponent('kati oun')}`);
    assert.equal(found.status, 200, found.text);
    assert.ok(found.body.items.some((c) => c.number === duplicate.number), 'found by the new name, folded');
    const byOldName = await fetchChecked(`${gw}/api/v1/public/certificates?name=${encodeURIComponent('Kati Kask')}`);
    assert.ok(!byOldName.body.items.some((c) => c.number === original.number), 'the replaced original is not public');

    const history = await cluster.psql(
      `SELECT change || ':' || coalesce(reason, '') FROM certificate.certificate_history WHERE number = '${original.number}' ORDER BY id`,
    );
    assert.match(history, /replaced:new_name/);

    const notice = await waitFor('the duplicate notice', async () => {
      const page = await listNotices(gw, kNewNameHolder, { language: 'en' });
      return page.body.items.find((n) => n.kind === 'duplicate_issued');
    }, { timeoutMs: 15000 });
    assert.equal(notice.certificate_number, duplicate.number);
    assert.ok(notice.body.includes(original.number), notice.body);
  });

  it('an approval sent again, even as another event, issues no second duplicate', async () => {
    const original = await issue(kLostHolder, 'Priit Paju');
    const approval = {
      request_id: 'req-lost-1',
      certificate_number: original.number,
      holder_personal_code: kLostHolder,
      reason: 'lost',
      corrected_fields: {},
    };
    await approve(approval);
    const duplicate = await duplicateOf(kLostHolder, original.number);
    assert.equal(duplicate.duplicate_reason, 'lost');
    assert.equal(duplicate.holder_name, 'Priit Paju');
    await approve(approval); // the workflow service sends it again with a new event id
    await approve(approval, { eventId: crypto.randomUUID() });
    await waitFor('the repeats consumed', async () => {
      const handled = await cluster.sqlNumber(`SELECT count(*) FROM certificate.inbox WHERE type = 'workflow.duplicate_approved.v1'`);
      return handled >= 3 ? true : undefined;
    }, { timeoutMs: 15000 });
    const count = await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificates WHERE duplicate_of = '${original.number}'`);
    assert.equal(count, 1, 'one request, one duplicate');
  });

  it('approvals that cannot be carried out change nothing and come back as refusals, in both languages', async () => {
    const someoneElses = await issue(kOtherHolder, 'Mart Mets');
    const annulled = await issue(kAnnulledHolder, 'Liis Lepp');
    const annulment = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${annulled.number}/annulment`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Kanti sisse ekslikult' }),
    });
    assert.equal(annulment.status, 200, annulment.text);
    const deadBefore = await deadLetters();
    const refused = [
      // [request, what the approval says, the refusal expected: code, message key]
      ['req-not-yours', { certificate_number: someoneElses.number, holder_personal_code: kAnnulledHolder, reason: 'lost', corrected_fields: {} },
        'not_found', 'duplicate.no_certificate'],
      ['req-annulled', { certificate_number: annulled.number, holder_personal_code: kAnnulledHolder, reason: 'lost', corrected_fields: {} },
        'failed_precondition', 'duplicate.not_in_force'],
      ['req-other-body', { certificate_number: someoneElses.number, holder_personal_code: kOtherHolder, reason: 'lost', corrected_fields: {}, approved_by: '80054321' },
        'permission_denied', 'duplicate.approver_not_entitled'],
      ['req-typed-name', { certificate_number: someoneElses.number, holder_personal_code: kOtherHolder, reason: 'lost', corrected_fields: { holder_name: 'Keegi Teine' } },
        'invalid_argument', 'duplicate.lost_corrects_nothing'],
    ];
    const eventIds = {};
    for (const [requestId, approval] of refused) eventIds[requestId] = await approve({ request_id: requestId, ...approval });
    // One that names no request: there is no one to tell, so it waits for an operator.
    await approve({ certificate_number: someoneElses.number, holder_personal_code: kOtherHolder, reason: 'lost', corrected_fields: {} });

    for (const [requestId, approval, code, key] of refused) {
      const [refusal, ...more] = await waitFor(`the refusal of ${requestId}`, async () => {
        const found = await refusalsOf(cluster, requestId, { personalCodes: [kOtherHolder, kAnnulledHolder] });
        return found.length > 0 ? found : undefined;
      }, { timeoutMs: 20000 });
      assert.equal(more.length, 0, `${requestId}: refused once`);
      assert.equal(refusal.data.request_kind, 'duplicate');
      assert.equal(refusal.data.certificate_number, approval.certificate_number);
      assert.equal(refusal.data.refused_event_id, eventIds[requestId]);
      assert.equal(refusal.data.code, code, `${requestId}: ${JSON.stringify(refusal.data)}`);
      assert.equal(refusal.data.message_key, key);
      assert.ok(refusal.data.message.et.length > 0 && refusal.data.message.en.length > 0);
      assert.notEqual(refusal.data.message.et, refusal.data.message.en, 'the text in each language');
    }
    await waitFor('the approval without a request dead-lettered', async () => ((await deadLetters()) === deadBefore + 1 ? true : undefined), { timeoutMs: 20000 });
    const duplicates = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.certificates WHERE duplicate_of IN ('${someoneElses.number}', '${annulled.number}')`,
    );
    assert.equal(duplicates, 0);
    const replaced = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.certificates WHERE replaced_by IS NOT NULL AND number IN ('${someoneElses.number}', '${annulled.number}')`,
    );
    assert.equal(replaced, 0);
    assert.equal((await cluster.queues())['certificate.events']?.ready ?? 0, 0, 'nothing left waiting');
  });
});
