// e2e.requests: the holder's side of stage I requests (issue 10), through the gateway with real
// sign-in (the TARA stand-in) on the demo data of the run command. Each kind is made on a demo
// certificate and read back with its history; a repeated Idempotency-Key gives the first answer and
// creates nothing; the list pages newest first; a duplicate is withdrawn, a question closed and
// reopened by the holder's reply. Refusals are problems: someone else's certificate or request
// (404), a second open duplicate (409), a reprint of an annulled or replaced certificate (409), a
// withdrawal after a decision or after the end (409), a stale If-Match (412), a new name typed in
// (422). Every change leaves its event in the workflow's outbox, published to the broker.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, it } from 'node:test';

import { identityHeader, waitFor } from './lib/api.mjs';
import { Browser } from './lib/browser.mjs';
import { kBootstrapAdmin, withStartedCluster } from './lib/cluster.mjs';
import { loadDemoData } from './lib/demo-data.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { kJuri, kKadri, kMari, kMihkel, kOie, kToomas } from './lib/demo-people.mjs';
import { kBodyX, kBodyY } from './lib/reference-data.mjs';

describe('requests: a holder makes, reads, withdraws, replies to and closes requests', { timeout: 300000 }, () => {
  let cluster;
  let gw;
  let oie;
  let juri;
  let mihkel;
  let mari;
  const numbers = {};

  const signedIn = (personalCode) => Browser.signedIn(gw, personalCode);
  // A clerk of `bodyId`, the role granted by the admin and then signed in.
  async function signedInClerk(bodyId) {
    const person = bodyId === kBodyX ? kKadri : kToomas;
    const admin = await signedIn(kBootstrapAdmin);
    const grant = await admin.send('POST', '/api/v1/admin/role-assignments', { personal_code: person.personal_code, role: 'clerk', body_id: bodyId, reason: 'Taotluste menetleja' });
    assert.ok([201, 409].includes(grant.status), grant.text);
    return signedIn(person.personal_code);
  }
  const send = (browser, method, urlPath, body, options) => browser.send(method, urlPath, body, options);

  const create = (browser, body, key) =>
    send(browser, 'POST', '/api/v1/me/requests', body, { headers: key ? { 'idempotency-key': key } : {} });
  async function createOk(browser, body, key) {
    const answer = await create(browser, body, key);
    assert.equal(answer.status, 201, answer.text);
    return answer.body;
  }
  const step = (browser, id, name, body, headers) => send(browser, 'POST', `/api/v1/me/requests/${id}/${name}`, body, { headers });
  const read = (browser, id) => browser.request(`${gw}/api/v1/me/requests/${id}`);

  function assertProblem(answer, status, code) {
    assert.equal(answer.status, status, answer.text);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    if (code) assert.equal(answer.body.code, code, answer.text);
  }
  const count = async (sql) => Number((await cluster.psql(sql)).trim());

  withStartedCluster('requests', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
    await loadDemoData(cluster);
    const number = async (where) => (await cluster.psql(`SELECT number FROM certificate.certificates WHERE ${where}`)).trim();
    numbers.oieWelder = await number(`holder_personal_code = '${kOie.personal_code}' AND standard_code = 'KEEV-4'`);
    numbers.juriReplaced = await number(`standard_code = 'MUUR-4' AND origin = 'issued'`);
    numbers.mihkelAnnulled = await number(`standard_code = 'KEEV-3' AND holder_personal_code = '${kMihkel.personal_code}'`);
    numbers.mihkelCook = await number(`standard_code = 'KOKK-4' AND holder_personal_code = '${kMihkel.personal_code}'`);
    numbers.mariDeveloper = await number(`holder_personal_code = '${kMari.personal_code}' AND certificate_type = 'certificate'`);
    for (const [name, value] of Object.entries(numbers)) assert.ok(value, `no demo certificate for ${name}`);
    oie = await signedIn(kOie.personal_code);
    juri = await signedIn(kJuri.personal_code);
    mihkel = await signedIn(kMihkel.personal_code);
    mari = await signedIn(kMari.personal_code);
  });

  let reprint;
  let question;

  it('makes a reprint once for a repeated Idempotency-Key, routed to the issuing body', async () => {
    const key = crypto.randomUUID();
    const body = { kind: 'reprint', certificate_number: numbers.oieWelder, delivery: { method: 'collect_in_person' } };
    reprint = await createOk(oie, body, key);
    assert.equal(reprint.kind, 'reprint');
    assert.equal(reprint.state, 'submitted');
    assert.deepEqual(reprint.handled_by, { kind: 'awarding_body', body_id: '80012345' });
    assert.deepEqual(reprint.delivery, { method: 'collect_in_person' });
    assert.equal(reprint.qualification.name_et, 'Keevitaja, tase 4');
    assert.equal(reprint.history.length, 1);
    assert.deepEqual(reprint.history[0].by, { kind: 'holder', body_id: null });
    assert.equal(reprint.history[0].to, 'submitted');
    assert.match(reprint.answer_deadline, /^\d{4}-\d{2}-\d{2}$/);

    const again = await createOk(oie, body, key);
    assert.deepEqual(again, reprint, 'a repeat answers the first answer');
    assert.equal(await count(`SELECT count(*) FROM workflow.requests WHERE holder_personal_code = '${kOie.personal_code}'`), 1);
    const other = await create(oie, { ...body, delivery: { method: 'post', address: { recipient_name: 'Õie Šmidt', street: 'Pikk 1', postal_code: '10123', city: 'Tallinn' } } }, key);
    assertProblem(other, 409, 'conflict');

    const posted = await createOk(oie, {
      kind: 'reprint',
      certificate_number: numbers.oieWelder,
      delivery: { method: 'post', address: { recipient_name: '  Õie Šmidt ', street: 'Pikk 12-3', postal_code: '10123', city: 'Tallinn', country: 'ee' } },
    });
    assert.deepEqual(posted.delivery.address, { recipient_name: 'Õie Šmidt', street: 'Pikk 12-3', postal_code: '10123', city: 'Tallinn', country: 'EE' });
  });

  it('reads a request with its ETag; someone else reads, withdraws or replies to it as 404', async () => {
    const answer = await read(oie, reprint.id);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.id, reprint.id);
    assert.match(answer.headers.get('etag'), /^"\d+"$/);
    assertProblem(await read(juri, reprint.id), 404, 'not_found');
    assertProblem(await step(juri, reprint.id, 'withdraw'), 404, 'not_found');
    assertProblem(await read(oie, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    assertProblem(await read(oie, 'not-a-uuid'), 404, 'not_found');
  });

  it('refuses a request on someone else\'s certificate, an annulled or a replaced one', async () => {
    const foreign = await create(juri, { kind: 'question', certificate_number: numbers.oieWelder, message: 'Kelle tunnistus?' });
    assertProblem(foreign, 404, 'not_found');
    const unknown = await create(juri, { kind: 'question', certificate_number: 'K-999999', message: 'Kas on?' });
    assertProblem(unknown, 404, 'not_found');
    assert.equal(foreign.body.detail, unknown.body.detail, 'nobody learns that the number exists');
    assertProblem(await create(mihkel, { kind: 'reprint', certificate_number: numbers.mihkelAnnulled, delivery: { method: 'collect_in_person' } }), 409, 'conflict');
    assertProblem(await create(juri, { kind: 'duplicate', certificate_number: numbers.juriReplaced, reason: 'lost' }), 409, 'conflict');
    assert.equal(await count(`SELECT count(*) FROM workflow.requests WHERE holder_personal_code <> '${kOie.personal_code}'`), 0);
  });

  it('routes a question on a closed body\'s certificate to the register keeper', async () => {
    const asked = await createOk(mihkel, { kind: 'question', certificate_number: numbers.mihkelCook, message: 'Miks tunnistus kehtetuks tunnistati?' });
    assert.deepEqual(asked.handled_by, { kind: 'register_keeper', body_id: null });
    assert.equal(asked.messages.length, 1);
  });

  it('keeps one open duplicate per certificate; a withdrawn one makes room, and cannot be withdrawn again', async () => {
    const lost = await createOk(oie, { kind: 'duplicate', certificate_number: numbers.oieWelder, reason: 'lost' });
    assert.deepEqual(lost.duplicate, { reason: 'lost', corrected_fields: {}, note: null });
    assertProblem(await create(oie, { kind: 'duplicate', certificate_number: numbers.oieWelder, reason: 'lost' }), 409, 'conflict');

    const stale = await step(oie, lost.id, 'withdraw', undefined, { 'if-match': '"999"' });
    assertProblem(stale, 412, 'precondition_failed');
    const current = await read(oie, lost.id);
    const withdrawn = await step(oie, lost.id, 'withdraw', undefined, { 'if-match': current.headers.get('etag') });
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.equal(withdrawn.body.state, 'withdrawn');
    assert.deepEqual(withdrawn.body.history.map((h) => [h.action, h.from, h.to]), [['submit', null, 'submitted'], ['withdraw', 'submitted', 'withdrawn']]);
    assert.notEqual(withdrawn.headers.get('etag'), current.headers.get('etag'));
    assertProblem(await step(oie, lost.id, 'withdraw'), 409, 'conflict');

    const inaccurate = await createOk(oie, {
      kind: 'duplicate',
      certificate_number: numbers.oieWelder,
      reason: 'inaccurate_data',
      corrections: [{ field: 'specialisation', value: 'Metallaktiivgaaskeevitus' }],
      note: 'Spetsialiseerumine on vale.',
    });
    assert.deepEqual(inaccurate.duplicate.corrected_fields, { specialisation: 'Metallaktiivgaaskeevitus' });
  });

  it('takes a new name from the signed-in identity, never from the body', async () => {
    const typed = await create(mari, {
      kind: 'duplicate', certificate_number: numbers.mariDeveloper, reason: 'new_name', corrections: [{ field: 'holder_name', value: 'Mari Kask' }],
    });
    assertProblem(typed, 422, 'validation_failed');
    assert.ok(typed.body.errors.some((e) => e.pointer === '/corrections'), typed.text);
    // Her signed-in name is the one the certificate prints: there is no new name to print.
    const same = await create(mari, { kind: 'duplicate', certificate_number: numbers.mariDeveloper, reason: 'new_name' });
    assertProblem(same, 422, 'validation_failed');
    assert.deepEqual(same.body.errors.map((e) => e.pointer), ['/reason'], same.text);
    // The same person under another name, as the identity would give it after a marriage (the
    // development identity header, which carries a name as a session does).
    const renamed = await fetchChecked(`${gw}/api/v1/me/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeader({ personal_code: kMari.personal_code, name: 'Mari Kask', roles: [] }) },
      body: JSON.stringify({ kind: 'duplicate', certificate_number: numbers.mariDeveloper, reason: 'new_name' }),
    });
    assert.equal(renamed.status, 201, renamed.text);
    assert.deepEqual(renamed.body.duplicate, { reason: 'new_name', corrected_fields: { holder_name: 'Mari Kask' }, note: null });
  });

  it('replies to a question, closes it, and reopens it by a reply', async () => {
    question = await createOk(oie, { kind: 'question', certificate_number: numbers.oieWelder, message: '  Kas tunnistust saab pikendada?\r\nAitäh. ' });
    assert.equal(question.messages[0].text, 'Kas tunnistust saab pikendada?\nAitäh.');
    const replied = await step(oie, question.id, 'messages', { message: 'Lisaküsimus: kui kaua see võtab?' });
    assert.equal(replied.status, 200, replied.text);
    assert.equal(replied.body.state, 'submitted');
    assert.deepEqual(replied.body.messages.map((m) => m.author), ['holder', 'holder']);
    const empty = await step(oie, question.id, 'messages', { message: '   ' });
    assertProblem(empty, 422, 'validation_failed');
    const closed = await step(oie, question.id, 'close');
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.body.state, 'closed');
    const reopened = await step(oie, question.id, 'messages', { message: 'Siiski veel üks küsimus.' });
    assert.equal(reopened.status, 200, reopened.text);
    assert.equal(reopened.body.state, 'submitted');
    assert.deepEqual(reopened.body.history.map((h) => [h.action, h.from, h.to]), [
      ['submit', null, 'submitted'], ['reply', 'submitted', 'submitted'], ['close', 'submitted', 'closed'], ['reply', 'closed', 'submitted'],
    ]);
    assertProblem(await step(oie, reprint.id, 'close'), 409, 'conflict'); // a reprint is not closed by the holder
    assertProblem(await step(oie, reprint.id, 'messages', { message: 'Tere' }), 409, 'conflict');
  });

  it('refuses a withdrawal once the request is decided', async () => {
    // The decision is set in the store here; e2e.request_decisions drives the decision routes.
    await cluster.psql(`UPDATE workflow.requests SET state = 'accepted' WHERE id = '${reprint.id}'`);
    const late = await step(oie, reprint.id, 'withdraw');
    assertProblem(late, 409, 'conflict');
    assert.equal((await read(oie, reprint.id)).body.state, 'accepted');
  });

  it('shows the body\'s clerks its inbox, overdue first, then the oldest; a clerk takes a request once', async () => {
    const clerkX = await signedInClerk(kBodyX);
    const clerkY = await signedInClerk(kBodyY);
    const inbox = async (browser, query = '') => {
      const items = [];
      let cursor = null;
      for (let page = 0; page < 20; page += 1) {
        const answer = await browser.request(`${gw}/api/v1/bodies/${kBodyX}/requests?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.equal(answer.status, 200, answer.text);
        items.push(...answer.body.items);
        cursor = answer.body.next_cursor;
        if (!cursor) break;
      }
      return items;
    };
    // The question's deadline passed long ago: it comes first, however new it is.
    await cluster.psql(`UPDATE workflow.requests SET answer_deadline = DATE '2020-01-01' WHERE id = '${question.id}'`);
    const open = await inbox(clerkX);
    const stored = (await cluster.psql(`SELECT id FROM workflow.requests WHERE route = '${kBodyX}'
      AND state NOT IN ('rejected', 'completed', 'withdrawn', 'closed')
      ORDER BY (state IN ('submitted', 'in_review') AND answer_deadline < CURRENT_DATE) DESC, submitted_at, id`)).trim().split('\n');
    assert.deepEqual(open.map((r) => r.id), stored);
    assert.equal(open[0].id, question.id);
    assert.equal(open[0].overdue, true);
    assert.ok(open.every((r) => r.handled_by.body_id === kBodyX && r.state !== 'withdrawn'));
    assert.ok(!open.some((r) => r.handled_by.kind === 'register_keeper'), 'a closed body\'s requests are not here');
    const questions = await inbox(clerkX, '&kind=question');
    assert.deepEqual(questions.map((r) => r.id), open.filter((r) => r.kind === 'question').map((r) => r.id));
    assertProblem(await clerkX.request(`${gw}/api/v1/bodies/${kBodyX}/requests?state=lost`), 400, 'bad_request');
    assertProblem(await clerkY.request(`${gw}/api/v1/bodies/${kBodyX}/requests`), 403, 'forbidden');
    assertProblem(await oie.request(`${gw}/api/v1/bodies/${kBodyX}/requests`), 403, 'forbidden');

    const target = open.find((r) => r.kind === 'duplicate' && r.state === 'submitted');
    const read = await oie.request(`${gw}/api/v1/me/requests/${target.id}`);
    const take = (browser, headers) => browser.send('POST', `/api/v1/bodies/${kBodyX}/requests/${target.id}/take`, undefined, { headers });
    assertProblem(await take(clerkY), 403, 'forbidden');
    assertProblem(await clerkY.send('POST', `/api/v1/bodies/${kBodyY}/requests/${target.id}/take`), 404, 'not_found');
    assertProblem(await take(clerkX, { 'if-match': '"999"' }), 412, 'precondition_failed');
    const taken = await take(clerkX, { 'if-match': read.headers.get('etag') });
    assert.equal(taken.status, 200, taken.text);
    assert.equal(taken.body.state, 'in_review');
    assert.deepEqual(taken.body.history.at(-1).by, { kind: 'clerk', body_id: kBodyX });
    assert.ok(!taken.text.includes(kKadri.personal_code), 'no clerk\'s personal code in the answer');
    assertProblem(await take(clerkX), 409, 'conflict');
    const mine = await oie.request(`${gw}/api/v1/me/requests/${target.id}`);
    assert.equal(mine.body.state, 'in_review');
    const event = JSON.parse((await cluster.psql(
      `SELECT envelope FROM workflow.outbox WHERE type = 'request.status_changed.v1' AND subject = '${target.id}'`)).trim());
    assert.deepEqual([event.data.from, event.data.to, event.data.action, event.data.changed_by], ['submitted', 'in_review', 'take', 'clerk']);
  });

  it('lists my requests newest first, page by page, and nobody else\'s', async () => {
    const all = [];
    let cursor = null;
    for (let page = 0; page < 20; page += 1) {
      const answer = await oie.request(`${gw}/api/v1/me/requests?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(answer.status, 200, answer.text);
      assert.ok(answer.body.items.length <= 2);
      all.push(...answer.body.items);
      cursor = answer.body.next_cursor;
      if (!cursor) break;
    }
    const stored = (await cluster.psql(`SELECT id FROM workflow.requests WHERE holder_personal_code = '${kOie.personal_code}' ORDER BY seq DESC`))
      .trim().split('\n');
    assert.deepEqual(all.map((r) => r.id), stored);
    assert.ok(all.every((r) => r.history === undefined), 'the list carries no history');
    const bad = await oie.request(`${gw}/api/v1/me/requests?cursor=junk`);
    assertProblem(bad, 400);
    const juris = await juri.request(`${gw}/api/v1/me/requests`);
    assert.ok(juris.body.items.every((r) => !all.some((o) => o.id === r.id)));
  });

  it('writes every change to the outbox and publishes it', async () => {
    const types = (await cluster.psql(`SELECT type || ' ' || subject FROM workflow.outbox ORDER BY seq`)).trim().split('\n');
    assert.ok(types.includes(`request.submitted.v1 ${reprint.id}`), types.join('\n'));
    assert.ok(types.includes(`request.submitted.v1 ${question.id}`));
    const requests = await count('SELECT count(*) FROM workflow.requests');
    assert.equal(types.filter((t) => t.startsWith('request.submitted.v1 ')).length, requests, 'one per request, none for a repeat');
    // The question: two replies are messages; the close and the reopening are status changes.
    assert.equal(types.filter((t) => t === `request.message_added.v1 ${question.id}`).length, 2);
    assert.equal(types.filter((t) => t === `request.status_changed.v1 ${question.id}`).length, 2);
    const envelope = JSON.parse((await cluster.psql(
      `SELECT envelope FROM workflow.outbox WHERE type = 'request.status_changed.v1' AND subject = '${question.id}' ORDER BY seq DESC LIMIT 1`)).trim());
    assert.equal(envelope.source, '/kutse/workflow');
    assert.equal(envelope.data.from, 'closed');
    assert.equal(envelope.data.to, 'submitted');
    assert.equal(envelope.data.action, 'reply');
    assert.equal(envelope.data.holder_personal_code, kOie.personal_code);
    await waitFor('the outbox published', async () => (await count('SELECT count(*) FROM workflow.outbox WHERE published_at IS NULL')) === 0);
    // The notification service binds these types: none is parked as unroutable, each is consumed.
    await waitFor('the notification queue drained', async () => (await cluster.queues())['notification.events']?.ready === 0);
    const queues = await cluster.queues();
    assert.ok(!queues['kutse.unroutable']?.ready, JSON.stringify(queues));
    const consumed = await count(`SELECT count(*) FROM notification.inbox WHERE message_id IN (SELECT id::text FROM workflow.outbox)`);
    assert.equal(consumed, types.length, 'the notification service consumed every request event once');
  });
});
