// e2e.request_decisions: a handler's decisions on stage I requests (issue 10), through the gateway,
// from the holder's button to the register: a reprint accepted and marked delivered lands in the
// certificate's print history; a new-name duplicate approved is issued under the identity's name,
// the original replaced and the request completed (certificate.issued.v1 back to the workflow);
// an approval of a certificate annulled meanwhile comes back as issue_refused with the register's
// reason (certificate.request_refused.v1); a question answered, reopened by the holder and closed;
// a request of a body that lost its right decided by the register keeper's admin. Refused: no or a
// stale If-Match (428, 412), a decision on a decided request (409), a clerk of another body.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificateOk, waitFor } from './lib/api.mjs';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { kBodyY, kClosedBody } from './lib/reference-data.mjs';

const [kReprintHolder, kRenamedHolder, kAnnulledHolder, kAskingHolder, kClosedBodyHolder, kOtherClerkCode, kAdminCode] =
  personalCodes(7, 951);
const kOtherClerk = { personal_code: kOtherClerkCode, name: 'Teise Keha Ametnik', roles: [`clerk:${kBodyY}`] };
const kAdmin = { personal_code: kAdminCode, name: 'Registri Pidaja', roles: ['admin'] };

describe('request decisions: a handler decides, the register carries it out', { timeout: 240000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('request_decisions', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const holder = (personalCode, name = 'Taotluse Esitaja') => ({ personal_code: personalCode, name, roles: [] });
  async function call(who, method, path, body, headers = {}) {
    return fetchChecked(`${gw}${path}`, {
      method,
      headers: { ...identityHeader(who), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  async function make(who, body) {
    const answer = await call(who, 'POST', '/api/v1/me/requests', body);
    assert.equal(answer.status, 201, answer.text);
    return answer.body;
  }
  const inboxPath = (id) => `/api/v1/bodies/${kBodyId}/requests/${id}`;
  // The handler's read of the request, then the decision with its ETag.
  async function decide(who, base, id, step, body) {
    const read = await call(who, 'GET', `${base}/${id}`);
    assert.equal(read.status, 200, read.text);
    const answer = await call(who, 'POST', `${base}/${id}/${step}`, body, { 'if-match': read.headers.get('etag') });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }
  function assertProblem(answer, status, code) {
    assert.equal(answer.status, status, answer.text);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    if (code) assert.equal(answer.body.code, code, answer.text);
  }
  const mine = async (who, id) => (await call(who, 'GET', `/api/v1/me/requests/${id}`)).body;
  const bodyBase = `/api/v1/bodies/${kBodyId}/requests`;

  it('a reprint accepted and marked delivered lands in the print history', async () => {
    const me = holder(kReprintHolder);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kReprintHolder, holder_name: me.name }));
    const request = await make(me, { kind: 'reprint', certificate_number: certificate.number, delivery: { method: 'collect_in_person' } });

    const noTag = await call(kClerk, 'POST', `${inboxPath(request.id)}/accept`);
    assertProblem(noTag, 428);
    assertProblem(await call(kClerk, 'POST', `${inboxPath(request.id)}/accept`, undefined, { 'if-match': '"999"' }), 412, 'precondition_failed');
    assertProblem(await call(kOtherClerk, 'POST', `${inboxPath(request.id)}/accept`, undefined, { 'if-match': '"1"' }), 403, 'forbidden');
    assertProblem(await call(kOtherClerk, 'GET', `/api/v1/bodies/${kBodyY}/requests/${request.id}`), 404, 'not_found');
    assertProblem(await call(kAdmin, 'GET', `/api/v1/admin/requests/${request.id}`), 404, 'not_found');

    const accepted = await decide(kClerk, bodyBase, request.id, 'accept');
    assert.equal(accepted.state, 'accepted');
    const badDelivery = await call(kClerk, 'POST', `${inboxPath(request.id)}/mark-delivered`, { delivery: 'drone' }, { 'if-match': '"2"' });
    assertProblem(badDelivery, 422, 'validation_failed');
    const done = await decide(kClerk, bodyBase, request.id, 'mark-delivered', { delivery: 'handed_over' });
    assert.equal(done.state, 'completed');
    assert.deepEqual(done.history.map((h) => [h.action, h.to, h.detail]), [
      ['submit', 'submitted', null], ['accept', 'accepted', null], ['mark_delivered', 'completed', 'handed_over'],
    ]);
    const now = await call(kClerk, 'GET', inboxPath(request.id));
    assertProblem(await call(kClerk, 'POST', `${inboxPath(request.id)}/reject`, { reason: 'Hilja' }, { 'if-match': now.headers.get('etag') }), 409, 'conflict');

    const prints = await waitFor('the reprint in the print history', async () => {
      const view = await call(kClerk, 'GET', `/api/v1/bodies/${kBodyId}/certificates/${certificate.number}`);
      return view.body.prints?.length === 1 ? view.body.prints : undefined;
    }, { timeoutMs: 20000 });
    assert.equal(prints[0].reason, 'reprint');
    assert.equal(prints[0].delivery, 'in_person');
    assert.equal(prints[0].printed_by, `workflow:EE${kClerk.personal_code}`);
  });

  it('a new-name duplicate approved is issued under the identity\'s name and completes the request', async () => {
    const original = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kRenamedHolder, holder_name: 'Kati Kask' }));
    const renamed = holder(kRenamedHolder, 'Kati Tamm');
    const request = await make(renamed, { kind: 'duplicate', certificate_number: original.number, reason: 'new_name' });
    await decide(kClerk, bodyBase, request.id, 'take');
    const approved = await decide(kClerk, bodyBase, request.id, 'approve');
    assert.equal(approved.state, 'approved');
    const done = await waitFor('the request completed', async () => {
      const read = await mine(renamed, request.id);
      return read.state === 'completed' ? read : undefined;
    }, { timeoutMs: 20000 });
    const duplicateNumber = done.history.at(-1).detail;
    assert.deepEqual([done.history.at(-1).action, done.history.at(-1).by.kind], ['duplicate_issued', 'system']);
    const groups = (await call(renamed, 'GET', '/api/v1/me/certificates')).body;
    const duplicate = groups.duplicates.find((c) => c.duplicate_of === original.number);
    assert.ok(duplicate, JSON.stringify(groups));
    assert.equal(duplicate.number, duplicateNumber);
    assert.equal(duplicate.holder_name, 'Kati Tamm');
    const replaced = groups.no_longer_valid.find((c) => c.number === original.number);
    assert.equal(replaced?.replaced_by, duplicateNumber, 'the original is replaced by the duplicate');
  });

  it('an approval of a certificate annulled meanwhile comes back as issue_refused with the reason', async () => {
    const me = holder(kAnnulledHolder);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kAnnulledHolder, holder_name: me.name }));
    const request = await make(me, { kind: 'duplicate', certificate_number: certificate.number, reason: 'lost' });
    const annulment = await call(kClerk, 'POST', `/api/v1/bodies/${kBodyId}/certificates/${certificate.number}/annulment`, { reason: 'Kanti sisse ekslikult' });
    assert.equal(annulment.status, 200, annulment.text);
    await decide(kClerk, bodyBase, request.id, 'approve');
    const refused = await waitFor('the refusal back', async () => {
      const read = await mine(me, request.id);
      return read.state === 'issue_refused' ? read : undefined;
    }, { timeoutMs: 20000 });
    assert.equal(refused.refusal.code, 'failed_precondition');
    assert.ok(refused.refusal.message.et && refused.refusal.message.en, JSON.stringify(refused.refusal));
    assert.equal(refused.history.at(-1).reason, refused.refusal.message.et);
    const clerkRead = await call(kClerk, 'GET', inboxPath(request.id));
    assert.deepEqual(clerkRead.body.refusal, refused.refusal, 'the clerk sees it too');
    const rejected = await decide(kClerk, bodyBase, request.id, 'reject', { reason: 'Tunnistus on tühistatud.' });
    assert.equal(rejected.state, 'rejected');
  });

  it('a question answered, reopened by the holder\'s reply and closed', async () => {
    const me = holder(kAskingHolder);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kAskingHolder, holder_name: me.name }));
    const question = await make(me, { kind: 'question', certificate_number: certificate.number, message: 'Kas saab pikendada?' });
    const answered = await decide(kClerk, bodyBase, question.id, 'answer', { message: 'Jah, taotlege uuesti.' });
    assert.equal(answered.state, 'answered');
    assert.deepEqual(answered.messages.map((m) => m.author), ['holder', 'clerk']);
    const reply = await call(me, 'POST', `/api/v1/me/requests/${question.id}/messages`, { message: 'Millal?' });
    assert.equal(reply.body.state, 'submitted', reply.text);
    const closed = await decide(kClerk, bodyBase, question.id, 'close');
    assert.equal(closed.state, 'closed');
    assert.deepEqual(closed.history.map((h) => h.action), ['submit', 'answer', 'reply', 'close']);
    const statusEvents = await cluster.sqlNumber(
      `SELECT count(*) FROM workflow.outbox WHERE type = 'request.status_changed.v1' AND subject = '${question.id}'`);
    assert.equal(statusEvents, 3);
  });

  it('a request on a body that lost its right is decided by the register keeper\'s admin', async () => {
    const me = holder(kClosedBodyHolder);
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kClosedBodyHolder, holder_name: me.name }));
    await cluster.psql(`UPDATE certificate.certificates SET awarding_body_id = '${kClosedBody}' WHERE number = '${certificate.number}'`);
    const request = await make(me, { kind: 'reprint', certificate_number: certificate.number, delivery: { method: 'collect_in_person' } });
    assert.deepEqual(request.handled_by, { kind: 'register_keeper', body_id: null });
    const inbox = await call(kAdmin, 'GET', '/api/v1/admin/requests?kind=reprint');
    assert.equal(inbox.status, 200, inbox.text);
    assert.ok(inbox.body.items.some((r) => r.id === request.id));
    assertProblem(await call(kClerk, 'GET', '/api/v1/admin/requests'), 403, 'forbidden');
    assertProblem(await call(kClerk, 'GET', inboxPath(request.id)), 404, 'not_found');
    const rejected = await decide(kAdmin, '/api/v1/admin/requests', request.id, 'reject', { reason: 'Kutseandja on tegevuse lõpetanud.' });
    assert.equal(rejected.state, 'rejected');
    assert.deepEqual(rejected.history.at(-1).by, { kind: 'register_keeper', body_id: null });
    assert.ok(!JSON.stringify(rejected).includes(kAdmin.personal_code));
  });
});
