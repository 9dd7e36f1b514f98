// e2e.duplicates: a duplicate request approved in the request-workflow service reaches the
// register as event workflow.duplicate_approved.v1. The approval is written to the workflow
// service's outbox, as that service does (its relay publishes it to the real broker); the
// certificate service consumes it through its inbox, issues the duplicate (new number, link,
// reason, corrected fields), marks the original replaced and hides it from the public, and
// announces the duplicate, which the holder hears of as a "duplicate issued" notice. A repeated
// approval changes nothing; approvals that cannot be carried out end in the dead-letter queue.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kNewNameHolder, kLostHolder, kOtherHolder, kAnnulledHolder] = personalCodes(4, 901);

describe('duplicates: an approved request becomes a duplicate in the register', { timeout: 180000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('duplicates', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const asHolder = (personalCode) => identityHeader({ personal_code: personalCode, name: 'Duplikaadi Taotleja' });
  const sqlText = (text) => `'${String(text).replace(/'/g, "''")}'`;

  /** Writes the approval to the workflow service's outbox, exactly as that service would. */
  async function approve(data, { eventId = crypto.randomUUID() } = {}) {
    const envelope = {
      specversion: '1.0',
      id: eventId,
      source: '/kutse/workflow',
      type: 'workflow.duplicate_approved.v1',
      subject: data.request_id,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      dataschema: 'https://kutse.ee/proto-docs/events/workflow.duplicate_approved.v1.schema.json',
      correlationid: `e2e-duplicates-${data.request_id}`,
      data: { approved_at: new Date().toISOString(), approved_by: kBodyId, ...data },
    };
    await cluster.psql(
      `INSERT INTO workflow.outbox (id, type, subject, envelope) VALUES ('${eventId}', 'workflow.duplicate_approved.v1', ` +
        `${sqlText(data.request_id)}, ${sqlText(JSON.stringify(envelope))}::jsonb)`,
    );
    return eventId;
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

  it('approvals that cannot be carried out are dead-lettered and change nothing', async () => {
    const someoneElses = await issue(kOtherHolder, 'Mart Mets');
    const annulled = await issue(kAnnulledHolder, 'Liis Lepp');
    const annulment = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${annulled.number}/annulment`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Kanti sisse ekslikult' }),
    });
    assert.equal(annulment.status, 200, annulment.text);
    const before = await deadLetters();
    await approve({
      request_id: 'req-not-yours',
      certificate_number: someoneElses.number,
      holder_personal_code: kAnnulledHolder, // not the holder of that certificate
      reason: 'lost',
      corrected_fields: {},
    });
    await approve({
      request_id: 'req-annulled',
      certificate_number: annulled.number,
      holder_personal_code: kAnnulledHolder,
      reason: 'lost',
      corrected_fields: {},
    });
    await approve({
      request_id: 'req-other-body',
      certificate_number: someoneElses.number,
      holder_personal_code: kOtherHolder,
      reason: 'lost',
      corrected_fields: {},
      approved_by: '80054321', // not the body that issued it
    });
    await approve({
      request_id: 'req-typed-name',
      certificate_number: someoneElses.number,
      holder_personal_code: kOtherHolder,
      reason: 'lost',
      corrected_fields: { holder_name: 'Keegi Teine' }, // a lost certificate corrects nothing
    });
    await waitFor('four dead letters', async () => ((await deadLetters()) >= before + 4 ? true : undefined), { timeoutMs: 20000 });
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
