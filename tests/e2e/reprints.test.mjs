// e2e.reprints: a reprint request carried out in the request-workflow service reaches the register
// as event workflow.reprint_completed.v1, written to the workflow service's outbox as that service
// does (its relay publishes it to the real broker). The certificate service enters the reprint in
// the certificate's print history and its history, once per request however often the news comes;
// what it cannot enter (not the holder's certificate, no longer in use, malformed) changes nothing
// and comes back to the request as certificate.request_refused.v1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificateOk, waitFor } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { refusalsOf, writeWorkflowEvent } from './lib/workflow-events.mjs';

const [kHolder, kOtherHolder] = personalCodes(2, 951);
const kCompletedBy = `EE${kClerk.personal_code}`;

describe('reprints: a carried-out reprint request enters the print history', { timeout: 120000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('reprints', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  function completed(data, options) {
    return writeWorkflowEvent(cluster, 'workflow.reprint_completed.v1', {
      holder_personal_code: kHolder, delivery: 'posted', completed_by: kCompletedBy,
      completed_at: new Date().toISOString(), ...data,
    }, options);
  }

  async function staffView(number) {
    const answer = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${number}`, { headers: identityHeader(kClerk) });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  async function holderView(personalCode, number) {
    const answer = await fetchChecked(`${gw}/api/v1/me/certificates/${number}`, {
      headers: identityHeader({ personal_code: personalCode, name: 'Kordustrüki Taotleja' }),
    });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  async function handled(type, count) {
    await waitFor(`${count} ${type} consumed`, async () =>
      (await cluster.sqlNumber(`SELECT count(*) FROM certificate.inbox WHERE type = '${type}'`)) >= count, { timeoutMs: 20000 });
  }

  it('posted and handed over: each request one reprint entry, by the clerk through the workflow, seen by the holder', async () => {
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolder, holder_name: 'Rein Raud' }));
    await completed({ request_id: 'reprint-posted', certificate_number: certificate.number });
    const view = await waitFor('the reprint in the print history', async () => {
      const found = await staffView(certificate.number);
      return found.prints.length === 1 ? found : undefined;
    }, { timeoutMs: 20000 });
    assert.deepEqual(
      [view.prints[0].reason, view.prints[0].delivery, view.prints[0].printed_by, view.prints[0].note],
      ['reprint', 'post', `workflow:${kCompletedBy}`, 'request reprint-posted'],
    );
    const printed = view.history.filter((entry) => entry.change === 'printed');
    assert.equal(printed.length, 1);
    assert.equal(printed[0].new_value.request_id, 'reprint-posted');
    assert.equal(printed[0].new_value.print_id, view.prints[0].id);

    // The same news again, as another event, and a second request handed over in person.
    await completed({ request_id: 'reprint-posted', certificate_number: certificate.number });
    await completed({ request_id: 'reprint-in-person', certificate_number: certificate.number, delivery: 'handed_over' });
    await handled('workflow.reprint_completed.v1', 3);
    const after = await staffView(certificate.number);
    assert.deepEqual(after.prints.map((p) => [p.note, p.delivery]), [
      ['request reprint-posted', 'post'],
      ['request reprint-in-person', 'in_person'],
    ], 'one entry per request');
    const mine = await holderView(kHolder, certificate.number);
    assert.deepEqual(mine.prints.map((p) => p.delivery), ['post', 'in_person']);
    assert.ok(mine.prints.every((p) => !('printed_by' in p)), 'the holder is not told which clerk');
    assert.deepEqual(await refusalsOf(cluster, 'reprint-posted'), []);
  });

  it('what cannot be entered changes nothing and comes back as a refusal', async () => {
    const annulled = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolder, holder_name: 'Rein Raud' }));
    const annulment = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${annulled.number}/annulment`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Kanti sisse ekslikult' }),
    });
    assert.equal(annulment.status, 200, annulment.text);
    const someoneElses = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kOtherHolder, holder_name: 'Anu Saar' }));
    const cases = [
      ['reprint-annulled', { certificate_number: annulled.number }, 'failed_precondition', 'print.not_in_force'],
      ['reprint-not-yours', { certificate_number: someoneElses.number }, 'not_found', 'duplicate.no_certificate'],
      ['reprint-by-drone', { certificate_number: annulled.number, delivery: 'drone' }, 'invalid_argument', 'reprint.delivery_values'],
    ];
    for (const [requestId, data] of cases) await completed({ request_id: requestId, ...data });
    for (const [requestId, data, code, key] of cases) {
      const [refusal, ...more] = await waitFor(`the refusal of ${requestId}`, async () => {
        const found = await refusalsOf(cluster, requestId, { personalCodes: [kHolder, kOtherHolder] });
        return found.length > 0 ? found : undefined;
      }, { timeoutMs: 20000 });
      assert.equal(more.length, 0);
      assert.deepEqual([refusal.data.request_kind, refusal.data.certificate_number, refusal.data.code, refusal.data.message_key],
        ['reprint', data.certificate_number, code, key]);
    }
    for (const number of [annulled.number]) assert.deepEqual((await staffView(number)).prints, [], 'nothing entered');
    const others = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${someoneElses.number}`, { headers: identityHeader(kClerk) });
    assert.deepEqual(others.body.prints, []);
    assert.equal((await cluster.queues())['certificate.events.dead']?.ready ?? 0, 0, 'nothing dead-lettered');
  });
});
