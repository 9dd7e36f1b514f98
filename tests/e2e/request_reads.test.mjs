// e2e.request_reads: a handler's read of a holder's request is a read of the holder's data
// (issue 10). A clerk of the routed body reading one request of the inbox, and the register
// keeper's admin reading one of theirs, each appear in the holder's GET /api/v1/me/data-access-log
// (who, in which role and body, the certificate, the request), carried by
// workflow.personal_data_read.v1 from the workflow's outbox to the certificate service's log,
// once per read. The holder's own reads and an inbox page (no personal data) enter nothing. And
// the answer deadline is a setting: a workflow started with KUTSE_REQUEST_ANSWER_DAYS=14 gives a
// new request 14 days (30 by default).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificateOk, waitFor } from './lib/api.mjs';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { kClosedBody } from './lib/reference-data.mjs';

const [kHolderCode, kClosedHolderCode, kAdminCode, kDeadlineHolderCode] = personalCodes(4, 1311);
const kAdmin = { personal_code: kAdminCode, name: 'Registri Pidaja', roles: ['admin'] };

describe('request reads: a handler\'s read appears in the holder\'s data-access log', { timeout: 180000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('request_reads', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const holder = (personalCode) => ({ personal_code: personalCode, name: 'Taotluse Esitaja', roles: [] });
  async function call(who, method, path, body) {
    return fetchChecked(`${gw}${path}`, {
      method,
      headers: { ...identityHeader(who), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  async function ok(who, method, path, body, status = 200) {
    const answer = await call(who, method, path, body);
    assert.equal(answer.status, status, answer.text);
    return answer.body;
  }
  const requestReads = async (who) => (await ok(who, 'GET', '/api/v1/me/data-access-log?limit=100')).items.filter((e) => e.purpose === 'request');
  // Today in Tallinn plus `days`, as the workflow counts the deadline.
  function tallinnDatePlus(days) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(new Date());
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }
  const readEvents = (id) => cluster.sqlNumber(
    `SELECT count(*) FROM workflow.outbox WHERE type = 'workflow.personal_data_read.v1' AND subject = '${id}'`);

  it('a clerk\'s read is logged with the clerk, the body and the request, the holder\'s own reads are not', async () => {
    const me = holder(kHolderCode);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolderCode, holder_name: me.name }));
    const request = await ok(me, 'POST', '/api/v1/me/requests', { kind: 'question', certificate_number: certificate.number, message: 'Kas saab pikendada?' }, 201);
    await ok(me, 'GET', `/api/v1/me/requests/${request.id}`);
    await ok(me, 'GET', '/api/v1/me/requests');
    const inbox = await ok(kClerk, 'GET', `/api/v1/bodies/${kBodyId}/requests?kind=question`);
    assert.ok(inbox.items.some((r) => r.id === request.id));
    assert.equal(await readEvents(request.id), 0, 'neither the holder\'s reads nor an inbox page are reads of the holder\'s data');

    const read = await call(kClerk, 'GET', `/api/v1/bodies/${kBodyId}/requests/${request.id}`);
    assert.equal(read.status, 200, read.text);
    const entries = await waitFor('the clerk\'s read in the holder\'s log', async () => {
      const found = await requestReads(me);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 20000 });
    assert.equal(entries.length, 1, JSON.stringify(entries));
    const [entry] = entries;
    assert.deepEqual({ ...entry, id: undefined, accessed_at: undefined }, {
      id: undefined,
      accessed_at: undefined,
      accessed_by: `EE${kClerk.personal_code}`,
      role: 'clerk',
      awarding_body_id: kBodyId,
      purpose: 'request',
      certificate_number: certificate.number,
      request_id: request.id,
    });
    assert.ok(Math.abs(Date.parse(entry.accessed_at) - Date.now()) < 60000, entry.accessed_at);
    assert.equal(await readEvents(request.id), 1, 'one event per read');
    const envelope = JSON.parse((await cluster.psql(
      `SELECT envelope FROM workflow.outbox WHERE type = 'workflow.personal_data_read.v1' AND subject = '${request.id}'`)).trim());
    assert.deepEqual([envelope.data.what, envelope.data.request_kind, envelope.data.holder_personal_code], ['request', 'question', kHolderCode]);
  });

  it('the register keeper\'s admin\'s read is logged as admin without a body', async () => {
    const me = holder(kClosedHolderCode);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kClosedHolderCode, holder_name: me.name }));
    await cluster.psql(`UPDATE certificate.certificates SET awarding_body_id = '${kClosedBody}' WHERE number = '${certificate.number}'`);
    const request = await ok(me, 'POST', '/api/v1/me/requests', { kind: 'reprint', certificate_number: certificate.number, delivery: { method: 'collect_in_person' } }, 201);
    assert.deepEqual(request.handled_by, { kind: 'register_keeper', body_id: null });
    await ok(kAdmin, 'GET', `/api/v1/admin/requests/${request.id}`);
    const [entry] = await waitFor('the admin\'s read in the holder\'s log', async () => {
      const found = await requestReads(me);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 20000 });
    assert.deepEqual([entry.accessed_by, entry.role, entry.awarding_body_id, entry.request_id], [`EE${kAdminCode}`, 'admin', null, request.id]);
    // A read that is refused (another inbox) reads nothing.
    assert.equal((await call(kClerk, 'GET', `/api/v1/bodies/${kBodyId}/requests/${request.id}`)).status, 404);
    assert.equal(await readEvents(request.id), 1);
  });

  it('gives a new request the answer deadline the setting says', async () => {
    const me = holder(kDeadlineHolderCode);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kDeadlineHolderCode, holder_name: me.name }));
    const before = await ok(me, 'POST', '/api/v1/me/requests', { kind: 'question', certificate_number: certificate.number, message: 'Esimene küsimus' }, 201);
    assert.equal(before.answer_deadline, tallinnDatePlus(30), 'the default is 30 days');
    await cluster.stop('workflow');
    await cluster.startAndWait('workflow', { env: { KUTSE_REQUEST_ANSWER_DAYS: '14' } });
    const after = await ok(me, 'POST', '/api/v1/me/requests', { kind: 'question', certificate_number: certificate.number, message: 'Teine küsimus' }, 201);
    assert.equal(after.answer_deadline, tallinnDatePlus(14));
  });
});
