// e2e.register_batch: two more features of the register, end to end through the gateway.
//
// Batch issuing (POST /api/v1/bodies/{bodyId}/certificate-batches): an awarding body's clerk
// records up to 10,000 certificates in one request, accepted or refused as a whole: numbers in the
// order sent, one certificate.issued.v1 event (and so one notice) per certificate; a 422 that lists
// every error of every element with a pointer into the batch and records nothing; the limits of the
// list (1..10,000) and of the body (4 MiB); who may do it; Idempotency-Key; and 10,000 certificates
// in one request well within the gateway's upstream timeout.
//
// "Who looked at my data" (GET /api/v1/me/data-access-log): the holder, signed in for real, reads
// every time a clerk or an admin was shown their data (issuing, alone or in a batch; invalidation;
// annulment), with who it was, newest first, by keyset pages; nobody else sees those entries.
//
// Certificates are recorded and their status changed with the development identity header
// (lib/api.mjs), as the other tests do; the holders read their /me routes through signed-in sessions.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { certificateBody, identityHeader, kBodyId, kClerk, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { Browser } from './lib/browser.mjs';
import { withStartedCluster, kBootstrapAdmin } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import * as demo from './lib/demo-people.mjs';
import { personalCodes, withWrongCheckDigit } from './lib/personal-codes.mjs';
import { kBodyY, kStandardCodes } from './lib/reference-data.mjs';

const X = kBodyId; // kClerk (Kadri Kask) is a clerk of X by the development identity header
const Y = kBodyY;
const kClerkYIdentity = { ...demo.kToomas, roles: [`clerk:${Y}`] };
const kAdminIdentity = { ...demo.kAnne, roles: ['admin'] };
// Demo people of deploy/local/oidc-provider/demo-people.json: they can sign in.
const kOie = demo.kOie.personal_code;
const kJyri = demo.kJuri.personal_code;
const kMari = demo.kMari.personal_code;
const kMihkel = demo.kMihkel.personal_code;
// Holders of this file only (seeded, so other test files use other codes).
const kBatchHolders = personalCodes(3, 601);
const kIdempotentHolders = personalCodes(2, 602);
const kRefusedHolder = personalCodes(1, 603)[0];
const kMaxBatch = 10000;
const kBodyLimit = 4 * 1024 * 1024;
const kIssuedType = 'certificate.issued.v1';

const numeric = (number) => Number(number.slice(2));
const pointers = (answer) => (answer.body?.errors ?? []).map((e) => e.pointer).sort();

/** `count` distinct valid personal codes, 999 per seed from `firstSeed` on. */
function manyCodes(count, firstSeed) {
  const codes = [];
  for (let seed = firstSeed; codes.length < count; seed += 1) codes.push(...personalCodes(999, seed));
  return codes.slice(0, count);
}

/** Asserts that `recorded` (201 body's certificates) are `drafts` recorded by body `bodyId`, in order, numbered in order. */
function assertRecordedInOrder(recorded, drafts, bodyId = X) {
  assert.equal(recorded.length, drafts.length, 'one certificate per draft');
  recorded.forEach((certificate, i) => {
    const draft = drafts[i];
    for (const key of ['holder_personal_code', 'holder_name', 'standard_code', 'decision_date', 'decision_number', 'valid_from']) {
      if (certificate[key] !== draft[key]) {
        assert.fail(`certificate ${i} (${certificate.number}): ${key} is ${JSON.stringify(certificate[key])}, sent ${JSON.stringify(draft[key])}`);
      }
    }
    if (certificate.valid_until !== (draft.valid_until ?? null)) assert.fail(`certificate ${i}: valid_until ${certificate.valid_until}`);
    if (certificate.awarding_body_id !== bodyId) assert.fail(`certificate ${i}: awarding_body_id ${certificate.awarding_body_id}`);
    if (certificate.status !== 'valid') assert.fail(`certificate ${i}: status ${certificate.status}`);
    if ('published' in certificate && certificate.published !== false) assert.fail(`certificate ${i} starts published`);
    if (i > 0 && numeric(certificate.number) <= numeric(recorded[i - 1].number)) {
      assert.fail(`numbers out of the order sent: ${recorded[i - 1].number} at ${i - 1}, ${certificate.number} at ${i}`);
    }
  });
}

// ---- the event contract (proto-docs) ------------------------------------------------------------
const kRepo = process.env.KUTSE_REPO ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eventValidators;
function eventSchemas() {
  if (!eventValidators) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const load = (file) => JSON.parse(fs.readFileSync(path.join(kRepo, 'proto-docs', 'events', file), 'utf8'));
    eventValidators = { envelope: ajv.compile(load('cloudevent-envelope.schema.json')), data: ajv.compile(load(`${kIssuedType}.schema.json`)) };
  }
  return eventValidators;
}

describe('register: batch issuing and the holder\'s data-access log', { timeout: 540000 }, () => {
  let cluster;
  let gw;

  /** POST a batch (an object, or a string sent as it is) as `identity` (default: the clerk of X). */
  function postBatch(body, { identity = kClerk, bodyId = X, idempotencyKey, contentType = 'application/json', timeoutMs = 60000 } = {}) {
    return fetchChecked(`${gw}/api/v1/bodies/${bodyId}/certificate-batches`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(identity ? identityHeader(identity) : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      timeoutMs,
    });
  }

  /** A status change of the development identity `identity` (no session, so no CSRF token). */
  function changeStatus(identity, bodyId, number, change, reason) {
    return fetchChecked(`${gw}/api/v1/bodies/${bodyId}/certificates/${number}/${change}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeader(identity) },
      body: JSON.stringify({ reason }),
    });
  }

  async function signedIn(personalCode) {
    const browser = new Browser(gw);
    await browser.signIn(personalCode);
    const me = await browser.me();
    assert.equal(me.status, 200, `${personalCode} signed in: ${me.text}`);
    return browser;
  }

  async function accessLog(browser, params = {}) {
    const qs = new URLSearchParams(params).toString();
    return browser.request(`${gw}/api/v1/me/data-access-log${qs ? `?${qs}` : ''}`);
  }

  /** Every entry of the signed-in person's log, page by page (limit per page), checked as it comes. */
  async function wholeLog(browser, { limit = 100 } = {}) {
    const items = [];
    let cursor;
    for (let page = 0; page < 1000; page += 1) {
      const answer = await accessLog(browser, cursor ? { limit, cursor } : { limit });
      assert.equal(answer.status, 200, answer.text);
      assert.ok(answer.body.items.length <= limit, `a page of ${answer.body.items.length} entries, limit ${limit}`);
      for (const item of answer.body.items) {
        assert.ok(!items.some((seen) => seen.id === item.id), `entry ${item.id} served twice while paging`);
        items.push(item);
      }
      if (answer.body.next_cursor === null) return items;
      assert.ok(answer.body.items.length > 0, 'a page with a next_cursor must not be empty');
      cursor = answer.body.next_cursor;
    }
    return assert.fail('more than 1000 pages');
  }

  /** What the register holds now: certificates, issued events in the outbox, data-access entries. */
  async function stored() {
    const row = (
      await cluster.psql(
        'SELECT (SELECT count(*) FROM certificate.certificates), ' +
          `(SELECT count(*) FROM certificate.outbox WHERE type = '${kIssuedType}'), ` +
          '(SELECT count(*) FROM certificate.data_access_log)',
      )
    ).trim();
    const [certificates, issuedEvents, accessEntries] = row.split('|').map(Number);
    return { certificates, issuedEvents, accessEntries };
  }

  /** The certificate.issued.v1 events of the outbox for `numbers`: {number: [event, ...]}, each validated against proto-docs. */
  async function issuedEvents(numbers) {
    for (const n of numbers) assert.match(n, /^K-[0-9]{6,}$/);
    const out = await cluster.psql(
      `SELECT envelope::text FROM certificate.outbox WHERE type = '${kIssuedType}' ` +
        `AND envelope->'data'->>'certificate_number' IN (${numbers.map((n) => `'${n}'`).join(', ')}) ORDER BY seq`,
    );
    const { envelope, data } = eventSchemas();
    const byNumber = Object.fromEntries(numbers.map((n) => [n, []]));
    for (const line of out.split('\n').filter((l) => l.trim() !== '')) {
      const event = JSON.parse(line);
      assert.ok(envelope(event), `envelope of ${line}: ${JSON.stringify(envelope.errors)}`);
      assert.ok(data(event.data), `data of ${line}: ${JSON.stringify(data.errors)}`);
      assert.equal(event.type, kIssuedType);
      byNumber[event.data.certificate_number].push(event);
    }
    return byNumber;
  }

  withStartedCluster('register_batch', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  // ---- batch issuing -------------------------------------------------------------------------------

  it('records a batch of three in the order sent, one event and one notice per certificate', async () => {
    const drafts = [
      certificateBody({ holder_personal_code: kBatchHolders[0], holder_name: 'Anu Saar', standard_code: 'KEEVITAJA-3' }),
      certificateBody({ holder_personal_code: kBatchHolders[1], holder_name: 'Peeter Puu', standard_code: 'MUURSEPP-4', valid_until: null }),
      certificateBody({ holder_personal_code: kBatchHolders[2], holder_name: 'Ülle Õispuu', standard_code: 'KEEVITAJA-5' }),
    ];
    const before = await stored();
    const answer = await postBatch({ certificates: drafts });
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.body.count, 3);
    assertRecordedInOrder(answer.body.certificates, drafts);
    const numbers = answer.body.certificates.map((c) => c.number);
    assert.equal(new Set(numbers).size, 3, 'three numbers of their own');

    const after = await stored();
    assert.deepEqual(after, {
      certificates: before.certificates + 3,
      issuedEvents: before.issuedEvents + 3,
      accessEntries: before.accessEntries + 3,
    }, 'three certificates, three certificate.issued.v1 events, three data-access entries');
    const events = await issuedEvents(numbers);
    numbers.forEach((number, i) => {
      assert.equal(events[number].length, 1, `exactly one ${kIssuedType} for ${number}`);
      assert.equal(events[number][0].data.holder_personal_code, drafts[i].holder_personal_code);
      assert.equal(events[number][0].data.awarding_body_id, X);
    });

    for (const [i, holder] of kBatchHolders.entries()) {
      const notices = await waitFor(
        `the notice of ${numbers[i]} for holder ${i}`,
        async () => {
          const listed = await listNotices(gw, holder);
          assert.equal(listed.status, 200, listed.text);
          return listed.body.items.length > 0 ? listed.body.items : undefined;
        },
        { timeoutMs: 15000, intervalMs: 200 },
      );
      assert.deepEqual(notices.map((n) => [n.kind, n.certificate_number]), [['certificate_issued', numbers[i]]], 'exactly their own notice');
    }
  });

  it('refuses a batch with errors as a whole: 422 listing every error with its pointer, nothing recorded', async () => {
    const oie = await signedIn(kOie);
    const mihkel = await signedIn(kMihkel);
    const empty = { valid: [], no_longer_valid: [], duplicates: [] };
    const mine = async (browser) => {
      const answer = await browser.request(`${gw}/api/v1/me/certificates`);
      assert.equal(answer.status, 200, answer.text);
      return answer.body;
    };
    assert.deepEqual(await mine(oie), empty);
    assert.deepEqual(await mine(mihkel), empty);
    const before = await stored();

    // Rows 0 and 2 are wrong (a check digit, a standard that does not exist); rows 1 and 3 are fine,
    // and are not recorded either.
    const twoBad = [
      certificateBody({ holder_personal_code: withWrongCheckDigit(kOie) }),
      certificateBody({ holder_personal_code: kMihkel, holder_name: 'Mihkel Uus' }),
      certificateBody({ standard_code: 'POLE-SELLIST-9' }),
      certificateBody(),
    ];
    const refused = await postBatch({ certificates: twoBad });
    assert.equal(refused.status, 422, refused.text);
    assert.equal(refused.body.code, 'validation_failed');
    assert.deepEqual(pointers(refused), ['/certificates/0/holder_personal_code', '/certificates/2/standard_code']);

    // Every error of every element, several in one element too. An element is checked against the
    // register (its standard, the body's right) once its form is right, so element 4's unknown
    // standard is reported after its personal code is fixed.
    const { holder_name: _dropped, ...noName } = certificateBody();
    const many = [
      certificateBody(),
      noName,
      certificateBody({ valid_from: '2026-06-01', valid_until: '2026-05-31' }),
      { ...certificateBody(), colour: 'blue' },
      certificateBody({ holder_personal_code: withWrongCheckDigit(kMihkel), standard_code: 'POLE-SELLIST-0' }),
      5,
    ];
    const all = await postBatch({ certificates: many });
    assert.equal(all.status, 422, all.text);
    assert.deepEqual(pointers(all), [
      '/certificates/1/holder_name',
      '/certificates/2/valid_until',
      '/certificates/3/colour',
      '/certificates/4/holder_personal_code',
      '/certificates/5',
    ]);

    // An error in the very last of 10,000 elements is found and pointed at as well.
    const holders = manyCodes(kMaxBatch, 604);
    const last = holders.map((holder, i) =>
      certificateBody({ holder_personal_code: holder, standard_code: i === kMaxBatch - 1 ? 'POLE-SELLIST-9' : 'KOKK-3', decision_number: `KK-${i}` }));
    const lastBad = await postBatch({ certificates: last });
    assert.equal(lastBad.status, 422, lastBad.text.slice(0, 500));
    assert.deepEqual(pointers(lastBad), [`/certificates/${kMaxBatch - 1}/standard_code`]);

    assert.deepEqual(await stored(), before, 'no certificate, no event, no data-access entry was recorded');
    assert.deepEqual(await mine(oie), empty, 'Õie has no certificate');
    assert.deepEqual(await mine(mihkel), empty, 'Mihkel has no certificate');
  });

  it('wants 1 to 10,000 certificates: an empty list, a missing one and 10,001 are 422 at /certificates', async () => {
    const before = await stored();
    const tooMany = manyCodes(kMaxBatch + 1, 615).map((holder) => certificateBody({ holder_personal_code: holder }));
    for (const [what, body] of [
      ['an empty list', { certificates: [] }],
      [`${kMaxBatch + 1} certificates`, { certificates: tooMany }],
      ['no list', {}],
      ['a list that is not an array', { certificates: certificateBody() }],
    ]) {
      const answer = await postBatch(body);
      assert.equal(answer.status, 422, `${what}: ${answer.text.slice(0, 500)}`);
      assert.equal(answer.body.code, 'validation_failed');
      assert.deepEqual(pointers(answer), ['/certificates'], what);
    }
    const extra = await postBatch({ certificates: [certificateBody()], colour: 'blue' });
    assert.equal(extra.status, 422, extra.text);
    assert.deepEqual(pointers(extra), ['/colour'], 'a member the batch does not have');
    const notAnObject = await postBatch([certificateBody()]);
    assert.equal(notAnObject.status, 422, notAnObject.text);
    assert.deepEqual(pointers(notAnObject), [''], 'a JSON array where an object was expected: the body as a whole');
    assert.deepEqual(await stored(), before, 'nothing was recorded');
  });

  it('takes bodies up to 4 MiB, refuses larger ones with 413, and answers 415 and 400 as usual', async () => {
    const before = await stored();
    const padded = (size) => {
      const start = `{"certificates":[${JSON.stringify(certificateBody())}],"padding":"`;
      return `${start}${'x'.repeat(size - start.length - 2)}"}`;
    };
    const under = padded(kBodyLimit - 64 * 1024);
    assert.ok(under.length > 3.9 * 1024 * 1024);
    const read = await postBatch(under);
    assert.equal(read.status, 422, `a body just under 4 MiB is read, and its unknown member refused: ${read.text.slice(0, 300)}`);
    assert.deepEqual(pointers(read), ['/padding']);
    const over = await postBatch(padded(kBodyLimit + 64 * 1024));
    assert.equal(over.status, 413, over.text.slice(0, 300));
    assert.equal(over.body.code, 'payload_too_large');

    const plain = await postBatch(JSON.stringify({ certificates: [certificateBody()] }), { contentType: 'text/plain' });
    assert.equal(plain.status, 415, plain.text);
    assert.equal(plain.body.code, 'unsupported_media_type');
    const malformed = await postBatch('{"certificates": [');
    assert.equal(malformed.status, 400, malformed.text);
    assert.equal(malformed.body.code, 'malformed_json');
    assert.deepEqual(await stored(), before, 'nothing was recorded');
  });

  it('lets only a clerk of the body record a batch: 401 anonymous, 403 for anyone else', async () => {
    const before = await stored();
    const body = { certificates: [certificateBody({ holder_personal_code: kRefusedHolder })] };
    const anonymous = await postBatch(body, { identity: null });
    assert.equal(anonymous.status, 401, anonymous.text);
    assert.equal(anonymous.body.code, 'unauthenticated');
    for (const [who, identity, bodyId] of [
      ['a clerk of another body', kClerkYIdentity, X],
      ['a clerk of X at another body', kClerk, Y],
      ['an admin', kAdminIdentity, X],
      ['the holder', { personal_code: kRefusedHolder, name: 'Holder', roles: [] }, X],
    ]) {
      const answer = await postBatch(body, { identity, bodyId });
      assert.equal(answer.status, 403, `${who}: ${answer.text}`);
      assert.equal(answer.body.code, 'forbidden', who);
    }
    const notABody = await postBatch(body, { bodyId: '8001234x' });
    assert.equal(notABody.status, 404, notABody.text);
    assert.deepEqual(await stored(), before, 'nothing was recorded');
    const notices = await listNotices(gw, kRefusedHolder);
    assert.deepEqual(notices.body, { items: [], next_cursor: null });
  });

  it('answers a repeated Idempotency-Key with the first batch and records nothing twice; another batch under it is 409', async () => {
    const key = crypto.randomUUID();
    const drafts = kIdempotentHolders.map((holder, i) => certificateBody({ holder_personal_code: holder, standard_code: `PLAATIJA-${3 + i}` }));
    const before = await stored();
    const first = await postBatch({ certificates: drafts }, { idempotencyKey: key });
    assert.equal(first.status, 201, first.text);
    assertRecordedInOrder(first.body.certificates, drafts);
    const again = await postBatch({ certificates: drafts }, { idempotencyKey: key });
    assert.equal(again.status, 201, again.text);
    assert.deepEqual(again.body, first.body, 'the repeat returns the first result: the same numbers');
    const racing = await Promise.all(Array.from({ length: 4 }, () => postBatch({ certificates: drafts }, { idempotencyKey: key })));
    for (const answer of racing) {
      assert.equal(answer.status, 201, answer.text);
      assert.deepEqual(answer.body, first.body);
    }
    const conflict = await postBatch({ certificates: drafts.slice(0, 1) }, { idempotencyKey: key });
    assert.equal(conflict.status, 409, conflict.text);
    assert.equal(conflict.body.code, 'conflict');
    assert.deepEqual(await stored(), {
      certificates: before.certificates + 2,
      issuedEvents: before.issuedEvents + 2,
      accessEntries: before.accessEntries + 2,
    }, 'recorded once');
  });

  it('records a batch of 10,000 in one request, quickly, each certificate with its event and notice', async (t) => {
    const holders = manyCodes(kMaxBatch, 640);
    assert.equal(new Set(holders).size, kMaxBatch);
    const drafts = holders.map((holder, i) =>
      certificateBody({
        holder_personal_code: holder,
        holder_name: `Isik ${i}`,
        standard_code: kStandardCodes[i % kStandardCodes.length],
        decision_number: `KK-${i}`,
      }),
    );
    const payload = JSON.stringify({ certificates: drafts });
    const before = await stored();

    const started = performance.now();
    const answer = await postBatch(payload, { timeoutMs: 120000 });
    const seconds = (performance.now() - started) / 1000;
    t.diagnostic(`10,000-certificate batch (${(payload.length / 1048576).toFixed(2)} MiB): HTTP ${answer.status} in ${seconds.toFixed(2)} s wall time (target < 10 s)`);
    assert.equal(answer.status, 201, answer.text.slice(0, 500));
    assert.ok(seconds < 30, `the batch took ${seconds.toFixed(2)} s (target < 10 s, asserted < 30 s)`);
    assert.equal(answer.body.count, kMaxBatch);
    assertRecordedInOrder(answer.body.certificates, drafts);
    const numbers = answer.body.certificates.map((c) => c.number);
    assert.equal(new Set(numbers).size, kMaxBatch, 'every certificate has a number of its own');

    assert.deepEqual(await stored(), {
      certificates: before.certificates + kMaxBatch,
      issuedEvents: before.issuedEvents + kMaxBatch,
      accessEntries: before.accessEntries + kMaxBatch,
    }, 'one certificate, one certificate.issued.v1 and one data-access entry per draft');
    // The numbers of the batch, and only they, lie between its first and last (nothing else is
    // recorded meanwhile); a range keeps the SQL short.
    const range = `substring(certificate_number from 3)::bigint BETWEEN ${numeric(numbers[0])} AND ${numeric(numbers[kMaxBatch - 1])}`;
    const perNumber = await cluster.sqlNumber(
      `SELECT count(DISTINCT envelope->'data'->>'certificate_number') FROM certificate.outbox WHERE type = '${kIssuedType}' ` +
        `AND envelope->'data'->>'awarding_body_id' = '${X}' ` +
        `AND ${range.replace('certificate_number', "(envelope->'data'->>'certificate_number')")}`,
    );
    assert.equal(perNumber, kMaxBatch, 'an event for each of the 10,000 numbers');

    // Each holder's notice: the notification service takes the 10,000 events in its own time.
    const noticeStarted = performance.now();
    let delivered = 0;
    await waitFor(
      () => `10,000 notices (have ${delivered})`,
      async () => {
        delivered = await cluster.sqlNumber(`SELECT count(*) FROM notification.notices WHERE ${range}`);
        assert.ok(delivered <= kMaxBatch, `${delivered} notices for 10,000 certificates`);
        return delivered === kMaxBatch;
      },
      { timeoutMs: 240000, intervalMs: 1000 },
    );
    t.diagnostic(`the 10,000 notices were all there ${((performance.now() - noticeStarted) / 1000).toFixed(1)} s after the answer`);
    const toTheirHolders = await cluster.sqlNumber(
      'SELECT count(DISTINCT n.certificate_number) FROM notification.notices n JOIN certificate.certificates c ' +
        `ON c.number = n.certificate_number AND c.holder_personal_code = n.holder_personal_code WHERE ${range.replace('certificate_number', 'n.certificate_number')}`,
    );
    assert.equal(toTheirHolders, kMaxBatch, 'one notice per certificate, each to its holder');
    // Spot checks through the API: the first, a middle and the last holder.
    for (const i of [0, 4999, kMaxBatch - 1]) {
      const listed = await listNotices(gw, holders[i]);
      assert.equal(listed.status, 200, listed.text);
      assert.deepEqual(listed.body.items.map((n) => n.certificate_number), [numbers[i]], `holder ${i} has the notice of ${numbers[i]}`);
    }
  });

  // ---- who looked at my data ------------------------------------------------------------------------

  it('shows the holder who issued and who invalidated their certificate, newest first, page by page; nobody else', async () => {
    const jyri = await signedIn(kJyri);
    const mari = await signedIn(kMari);
    assert.deepEqual((await accessLog(jyri)).body, { items: [], next_cursor: null }, 'nobody has looked yet');

    const started = Date.now();
    const issued = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kJyri, holder_name: 'Jüri Õunapuu', standard_code: 'EHITUSJUHT-5' }));
    const invalidated = await changeStatus(kClerk, X, issued.number, 'invalidation', 'Kutsekomisjoni otsus nr 3/2026');
    assert.equal(invalidated.status, 200, invalidated.text);
    assert.equal(invalidated.body.holder_personal_code, kJyri, 'the clerk was shown the personal code');

    const answer = await accessLog(jyri);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.next_cursor, null);
    const items = answer.body.items;
    const staff = { accessed_by: `EE${kClerk.personal_code}`, role: 'clerk', awarding_body_id: X, certificate_number: issued.number };
    assert.deepEqual(
      items.map(({ accessed_by, role, awarding_body_id, purpose, certificate_number }) => ({ accessed_by, role, awarding_body_id, purpose, certificate_number })),
      [{ ...staff, purpose: 'invalidation' }, { ...staff, purpose: 'issuing' }],
      'the invalidation, then the issuing: newest first, naming the clerk',
    );
    assert.ok(items[0].id > items[1].id, 'newer entries have larger ids');
    assert.ok(Date.parse(items[0].accessed_at) >= Date.parse(items[1].accessed_at), 'newest first');
    for (const item of items) {
      const at = Date.parse(item.accessed_at);
      assert.ok(at >= started - 60000 && at <= Date.now() + 60000, `accessed_at ${item.accessed_at} is about now`);
    }

    // Someone else sees none of it.
    const marisLog = await wholeLog(mari);
    assert.deepEqual(marisLog, [], 'Mari\'s data was not looked at');
    assert.ok(!marisLog.some((e) => e.certificate_number === issued.number));

    // Keyset pages of one.
    const first = await accessLog(jyri, { limit: 1 });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body.items, [items[0]]);
    assert.equal(typeof first.body.next_cursor, 'string', 'more to come');
    const second = await accessLog(jyri, { limit: 1, cursor: first.body.next_cursor });
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(second.body.items, [items[1]]);
    assert.equal(second.body.next_cursor, null, 'the last page');
    assert.deepEqual(await wholeLog(jyri, { limit: 1 }), items, 'pages of one add up to the one big page');

    // Malformed paging parameters.
    for (const [params, pointer] of [
      [{ limit: '0' }, '/limit'],
      [{ limit: '101' }, '/limit'],
      [{ limit: 'ten' }, '/limit'],
      [{ cursor: 'not a cursor!' }, '/cursor'],
    ]) {
      const bad = await accessLog(jyri, params);
      assert.equal(bad.status, 400, `${JSON.stringify(params)}: ${bad.text}`);
      assert.equal(bad.body.code, 'bad_request');
      assert.ok(bad.body.errors?.some((e) => e.pointer === pointer), `${JSON.stringify(params)} names ${pointer}: ${bad.text}`);
    }
  });

  it('logs one issuing entry per certificate of a batch, and an admin\'s annulment as the admin\'s', async () => {
    const mari = await signedIn(kMari);
    const jyri = await signedIn(kJyri);
    const jyrisBefore = await wholeLog(jyri);

    const drafts = [
      certificateBody({ holder_personal_code: kMari, holder_name: 'Mari Maasikas', standard_code: 'KOKA-ABI-2' }),
      certificateBody({ holder_personal_code: kOie, holder_name: 'Õie Šmidt', standard_code: 'KOKK-4' }),
      certificateBody({ holder_personal_code: kMari, holder_name: 'Mari Maasikas', standard_code: 'KOKK-3' }),
    ];
    const batch = await postBatch({ certificates: drafts });
    assert.equal(batch.status, 201, batch.text);
    const [m1, o1, m2] = batch.body.certificates.map((c) => c.number);
    const annulled = await changeStatus(kAdminIdentity, X, m1, 'annulment', 'Kanti registrisse ekslikult.');
    assert.equal(annulled.status, 200, annulled.text);

    const log = await wholeLog(mari);
    const clerk = { accessed_by: `EE${kClerk.personal_code}`, role: 'clerk', awarding_body_id: X };
    const shape = ({ accessed_by, role, awarding_body_id, purpose, certificate_number }) => ({ accessed_by, role, awarding_body_id, purpose, certificate_number });
    assert.deepEqual(log[0] && shape(log[0]), {
      accessed_by: `EE${kBootstrapAdmin}`,
      role: 'admin',
      awarding_body_id: null,
      purpose: 'annulment',
      certificate_number: m1,
    }, 'the admin\'s annulment, newest');
    assert.deepEqual(
      log.slice(1).map(shape).sort((a, b) => a.certificate_number.localeCompare(b.certificate_number)),
      [{ ...clerk, purpose: 'issuing', certificate_number: m1 }, { ...clerk, purpose: 'issuing', certificate_number: m2 }],
      'one issuing entry for each of Mari\'s certificates in the batch, none for Õie\'s',
    );
    for (let i = 1; i < log.length; i += 1) assert.ok(log[i - 1].id > log[i].id, 'newest first');
    assert.ok(!log.some((e) => e.certificate_number === o1), 'Õie\'s certificate is not in Mari\'s log');

    const oie = await signedIn(kOie);
    assert.deepEqual((await wholeLog(oie)).map(shape), [{ ...clerk, purpose: 'issuing', certificate_number: o1 }], 'Õie sees her own entry only');
    assert.deepEqual(await wholeLog(jyri), jyrisBefore, 'Jüri\'s log did not change');
  });
});
