// e2e.request_attachments: files attached to a duplicate request for inaccurate data (issue 10),
// through the gateway with real sign-in on the demo data. The holder sends a PDF as the raw body
// with its name in Content-Disposition; the request lists it (metadata only, with its SHA-256);
// the holder and the clerk of the routed body download it byte for byte. Refused: a file over
// 10 MB (413, by the workflow just over the limit and by the gateway over its own, while every
// other route keeps its small limit), bytes of another type than declared (415), a sixth file
// (409), and of five parallel uploads to a request with one file exactly four get in; someone
// else's request (404), a request decided on (409), a question (409), another body's clerk.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Browser } from './lib/browser.mjs';
import { kBootstrapAdmin, withStartedCluster } from './lib/cluster.mjs';
import { loadDemoData } from './lib/demo-data.mjs';
import { kJuri, kKadri, kOie, kToomas } from './lib/demo-people.mjs';
import { kBodyX, kBodyY } from './lib/reference-data.mjs';

const kUploads = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/uploads');
const kPdf = fs.readFileSync(path.join(kUploads, 'protocol.pdf'));
const kPng = fs.readFileSync(path.join(kUploads, 'certificate-photo.png'));
const kTenMegabytes = 10 * 1024 * 1024;
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

describe('request attachments: a holder sends files, the body\'s clerk downloads them', { timeout: 240000 }, () => {
  let cluster;
  let gw;
  let oie;
  let juri;
  let clerkX;
  let clerkY;
  const numbers = {};

  const signedIn = (personalCode) => Browser.signedIn(gw, personalCode);
  async function signedInClerk(person, bodyId) {
    const admin = await signedIn(kBootstrapAdmin);
    const grant = await admin.send('POST', '/api/v1/admin/role-assignments', { personal_code: person.personal_code, role: 'clerk', body_id: bodyId, reason: 'Taotluste menetleja' });
    assert.ok([201, 409].includes(grant.status), grant.text);
    return signedIn(person.personal_code);
  }
  async function createOk(browser, body) {
    const answer = await browser.send('POST', '/api/v1/me/requests', body);
    assert.equal(answer.status, 201, answer.text);
    return answer.body;
  }
  const inaccurate = (number) => ({
    kind: 'duplicate',
    certificate_number: number,
    reason: 'inaccurate_data',
    corrections: [{ field: 'specialisation', value: 'Metallaktiivgaaskeevitus' }],
    note: 'Spetsialiseerumine on vale, tõend lisatud.',
  });
  function attach(browser, id, bytes, { type = 'application/pdf', name } = {}) {
    const headers = { 'content-type': type, 'x-csrf-token': browser.csrf };
    if (name) headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
    // Ten megabytes through two hops on a busy machine take longer than a JSON answer.
    return browser.request(`${gw}/api/v1/me/requests/${id}/attachments`, { method: 'POST', headers, body: bytes, timeoutMs: 60000 });
  }
  const read = (browser, urlPath) => browser.request(`${gw}${urlPath}`);
  function assertProblem(answer, status, code) {
    assert.equal(answer.status, status, answer.text.slice(0, 400));
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    if (code) assert.equal(answer.body.code, code, answer.text);
  }
  const count = async (sql) => Number((await cluster.psql(sql)).trim());

  withStartedCluster('request_attachments', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
    await loadDemoData(cluster);
    const number = async (where) => (await cluster.psql(`SELECT number FROM certificate.certificates WHERE ${where}`)).trim();
    numbers.welder4 = await number(`holder_personal_code = '${kOie.personal_code}' AND standard_code = 'KEEV-4'`);
    numbers.welder3 = await number(`holder_personal_code = '${kOie.personal_code}' AND standard_code = 'KEEV-3'`);
    for (const [name, value] of Object.entries(numbers)) assert.ok(value, `no demo certificate for ${name}`);
    oie = await signedIn(kOie.personal_code);
    juri = await signedIn(kJuri.personal_code);
    clerkX = await signedInClerk(kKadri, kBodyX);
    clerkY = await signedInClerk(kToomas, kBodyY);
  });

  let request;
  let first;

  it('attaches a PDF that the request lists and the clerk downloads byte for byte', async () => {
    request = await createOk(oie, inaccurate(numbers.welder4));
    assert.deepEqual(request.attachments, []);
    assert.equal(request.handled_by.body_id, kBodyX);
    const before = await read(oie, `/api/v1/me/requests/${request.id}`);

    const added = await attach(oie, request.id, kPdf, { name: 'tõend.pdf' });
    assert.equal(added.status, 201, added.text);
    first = added.body;
    assert.deepEqual({ ...first, id: undefined, uploaded_at: undefined }, {
      id: undefined, uploaded_at: undefined, file_name: 'tõend.pdf', media_type: 'application/pdf', size_bytes: kPdf.length, sha256: sha256(kPdf), uploaded_by: 'holder',
    });
    assert.equal(added.headers.get('location'), `/api/v1/me/requests/${request.id}/attachments/${first.id}`);

    const after = await read(oie, `/api/v1/me/requests/${request.id}`);
    assert.deepEqual(after.body.attachments, [first]);
    assert.deepEqual(after.body.history.map((h) => [h.action, h.from, h.to, h.detail]).at(-1), ['attach', 'submitted', 'submitted', first.id]);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'), 'a new file is a change of the request');

    const inbox = await read(clerkX, `/api/v1/bodies/${kBodyX}/requests/${request.id}`);
    assert.deepEqual(inbox.body.attachments, [first], 'the clerk sees the same list');
    for (const [who, urlPath] of [
      [clerkX, `/api/v1/bodies/${kBodyX}/requests/${request.id}/attachments/${first.id}`],
      [oie, `/api/v1/me/requests/${request.id}/attachments/${first.id}`],
    ]) {
      const file = await read(who, urlPath);
      assert.equal(file.status, 200, file.text.slice(0, 300));
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.ok(file.bytes.equals(kPdf), 'the file comes back as it was sent');
      assert.equal(sha256(file.bytes), first.sha256);
      assert.match(file.headers.get('content-disposition') ?? '', /^attachment; .*filename\*=UTF-8''t%C3%B5end\.pdf/);
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  it('refuses a file too large, of another type than declared, or not a document', async () => {
    const justOver = Buffer.concat([kPdf, Buffer.alloc(kTenMegabytes + 1 - kPdf.length, 0x20)]);
    assertProblem(await attach(oie, request.id, justOver), 413, 'payload_too_large');
    // Over the gateway's limit for this route (10 MB + 64 KiB), within what its server reads whole.
    const wellOver = Buffer.alloc(kTenMegabytes + 80 * 1024, 0x20);
    assertProblem(await attach(oie, request.id, wellOver), 413, 'payload_too_large');
    // Every other route keeps its small limit: a 6 MB body to make a request is refused at the gateway.
    const big = await oie.request(`${gw}/api/v1/me/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': oie.csrf },
      body: JSON.stringify({ ...inaccurate(numbers.welder3), note: 'x'.repeat(6 * 1024 * 1024) }),
      timeoutMs: 60000,
    });
    assertProblem(big, 413, 'payload_too_large');

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(2048, 0)]);
    assertProblem(await attach(oie, request.id, exe, { name: 'tõend.pdf' }), 415, 'unsupported_media_type');
    assertProblem(await attach(oie, request.id, kPng, { type: 'application/pdf' }), 415, 'unsupported_media_type');
    assertProblem(await attach(oie, request.id, Buffer.from('tere'), { type: 'text/plain' }), 415, 'unsupported_media_type');
    assert.equal(await count(`SELECT count(*) FROM workflow.request_attachments WHERE request_id = '${request.id}'`), 1, 'nothing refused was kept');
  });

  it('lets exactly four of five parallel uploads in, and refuses the sixth file', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => attach(oie, request.id, kPng, { type: 'image/png', name: `foto-${i}.png` })));
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [201, 201, 201, 201, 409], answers.map((a) => a.text).join('\n'));
    assertProblem(answers.find((a) => a.status === 409), 409, 'conflict');
    assert.equal(await count(`SELECT count(*) FROM workflow.request_attachments WHERE request_id = '${request.id}'`), 5);
    const sixth = await attach(oie, request.id, kPdf);
    assertProblem(sixth, 409, 'conflict');
    assert.match(sixth.body.detail, /5/);
    const listed = (await read(oie, `/api/v1/me/requests/${request.id}`)).body.attachments;
    assert.equal(listed.length, 5);
    assert.deepEqual(listed.slice(1).map((a) => a.media_type), Array(4).fill('image/png'));
  });

  it('refuses someone else\'s request, another body\'s clerk, a question and a decided request', async () => {
    assertProblem(await attach(juri, request.id, kPdf), 404, 'not_found');
    assertProblem(await read(juri, `/api/v1/me/requests/${request.id}/attachments/${first.id}`), 404, 'not_found');
    assertProblem(await read(clerkY, `/api/v1/bodies/${kBodyX}/requests/${request.id}/attachments/${first.id}`), 403, 'forbidden');
    assertProblem(await read(clerkY, `/api/v1/bodies/${kBodyY}/requests/${request.id}/attachments/${first.id}`), 404, 'not_found');
    assertProblem(await read(oie, `/api/v1/me/requests/${request.id}/attachments/${crypto.randomUUID()}`), 404, 'not_found');

    const question = await createOk(oie, { kind: 'question', certificate_number: numbers.welder4, message: 'Kas lisada saab?' });
    assertProblem(await attach(oie, question.id, kPdf), 409, 'conflict');

    const decided = await createOk(oie, inaccurate(numbers.welder3));
    const base = `/api/v1/bodies/${kBodyX}/requests/${decided.id}`;
    const current = await read(clerkX, base);
    const rejected = await clerkX.send('POST', `${base}/reject`, { reason: 'Andmed on õiged.' }, { headers: { 'if-match': current.headers.get('etag') } });
    assert.equal(rejected.status, 200, rejected.text);
    assertProblem(await attach(oie, decided.id, kPdf), 409, 'conflict');
    assert.equal(await count(`SELECT count(*) FROM workflow.request_attachments WHERE request_id IN ('${question.id}', '${decided.id}')`), 0);
  });
});
