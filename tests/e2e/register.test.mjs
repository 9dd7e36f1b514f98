// e2e.register: the first step of the certificate register, end to end through the gateway.
// Holders (signed in for real: sessions and CSRF tokens) see their certificates in the groups of
// "My certificates" with the actions each allows, publish and hide them; the public register shows
// only what is published, hides at once, finds names whatever their case and diacritics, and pages
// by keyset; awarding bodies' clerks and admins declare certificates invalid or annul them along
// the allowed transitions only; the expiry job expires certificates whose valid-until has passed;
// each status change is announced as certificate.status_changed.v1 (checked against proto-docs);
// and no public answer ever carries a personal code or a date of birth.
//
// Certificates are recorded with the development identity header (lib/api.mjs), as the other
// tests do; everything a holder, clerk or admin does afterwards goes through a signed-in session.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { certificateBody, recordCertificateOk, waitFor } from './lib/api.mjs';
import { Browser } from './lib/browser.mjs';
import { Cluster, kBootstrapAdmin, kServices } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import * as demo from './lib/demo-people.mjs';
import { kBodyX, kBodyY } from './lib/reference-data.mjs';

const X = kBodyX;
const Y = kBodyY;
// Demo people of deploy/local/oidc-provider/demo-people.json (they can sign in), with the birth
// dates the identity provider hands the gateway: none of them may ever reach a public answer.
const kOie = demo.kOie.personal_code; // holder A
const kJyri = demo.kJuri.personal_code; // holder B
const kMari = demo.kMari.personal_code;
const kMihkel = demo.kMihkel.personal_code;
const kClerkX = demo.kKadri.personal_code; // made a clerk of X below
const kClerkY = demo.kToomas.personal_code; // made a clerk of Y below
const kEveryCode = [kOie, kJyri, kMari, kMihkel, kClerkX, kClerkY, kBootstrapAdmin];
const kBirthDates = ['1991-02-03', '1968-05-28', '2000-01-01', '2001-01-01', '1980-01-08', '1976-05-03', '1973-02-20'];
// The development identity of body Y's clerk, for recording certificates of Y.
const kClerkYIdentity = { ...demo.kToomas, roles: [`clerk:${Y}`] };
const kUnknown = 'K-999999';
const kExpiryIntervalMs = '500';

// Every member of the public view (openapi.yaml PublicCertificate), in the order documented there.
const kPublicFields = [
  'number', 'certificate_type', 'holder_name', 'standard_code', 'standard_name', 'level', 'eqf_level', 'specialisation',
  'partial_qualification', 'competences', 'awarding_body_id', 'issue_date', 'valid_from', 'valid_until', 'language',
  'status', 'duplicate_of', 'replaced_by',
];
// Actions come in the order of the CertificateAction enum; these three always.
const kAlways = ['reprint', 'duplicate', 'question'];

const sorted = (list) => [...list].sort();
const numbers = (list) => list.map((c) => c.number);
const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);
// Case- and diacritic-insensitive form of a name, to check search results against.
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What the public register shows of a certificate the clerk recorded (201 body), in a given status. */
function publicView(recorded, status = 'valid') {
  const view = Object.fromEntries(kPublicFields.map((k) => [k, recorded[k]]));
  return { ...view, valid_until: recorded.valid_until ?? null, status };
}

// ---- the event contract (proto-docs) ------------------------------------------------------------
const kRepo = process.env.KUTSE_REPO ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const kEventsDir = path.join(kRepo, 'proto-docs', 'events');
const kStatusChangedType = 'certificate.status_changed.v1';
let eventValidators;
function eventSchemas() {
  if (!eventValidators) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const load = (file) => JSON.parse(fs.readFileSync(path.join(kEventsDir, file), 'utf8'));
    const data = load(`${kStatusChangedType}.schema.json`);
    eventValidators = {
      envelope: ajv.compile(load('cloudevent-envelope.schema.json')),
      data: ajv.compile(data),
      dataschema: data.$id,
    };
  }
  return eventValidators;
}

// ---- personal data in public answers --------------------------------------------------------------
const kPersonalCodeRun = /(?<![0-9])[1-6][0-9]{10}(?![0-9])/;

/** Every way `text` (a public answer's body) shows personal data; [] when it shows none. */
function personalDataIn(text) {
  const found = [];
  for (const code of kEveryCode) if (text.includes(code)) found.push(`the personal code ${code}`);
  for (const day of kBirthDates) if (text.includes(day)) found.push(`the date of birth ${day}`);
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    if (kPersonalCodeRun.test(text)) found.push('an 11-digit personal code');
    return found;
  }
  const walk = (node, at) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}/${i}`));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (/personal_code|birth|isikukood/i.test(key)) found.push(`the member ${at}/${key}`);
        // trace_id is random hex: it may hold eleven digits in a row by chance.
        if (key !== 'trace_id') walk(value, `${at}/${key}`);
      }
    } else if ((typeof node === 'string' || typeof node === 'number') && kPersonalCodeRun.test(String(node))) {
      found.push(`an 11-digit personal code at ${at || '/'}`);
    }
  };
  walk(json, '');
  return found;
}

describe('register: my certificates, publication, the public register, status changes, expiry', { timeout: 300000 }, () => {
  let cluster;
  let gw;
  let admin;
  let clerkX;
  let clerkY;
  let oie;
  let jyri;
  let mari;
  let mihkel;
  const publicAnswers = []; // every answer of a public route: {url, status, text}

  const signedIn = (personalCode) => Browser.signedIn(gw, personalCode);

  /** A request of a signed-in browser with its CSRF token; `body` goes as JSON unless a string. */
  function send(browser, method, urlPath, body, { csrf = true, contentType = 'application/json', headers = {} } = {}) {
    const all = { ...headers };
    if (csrf && browser.csrf) all['x-csrf-token'] = browser.csrf;
    if (body !== undefined) all['content-type'] = contentType;
    return browser.request(`${gw}${urlPath}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function mine(browser) {
    const answer = await browser.request(`${gw}/api/v1/me/certificates`);
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  /** The holder's certificate `number` with the group it is in, or undefined. */
  async function findMine(browser, number) {
    const groups = await mine(browser);
    for (const group of ['valid', 'no_longer_valid', 'duplicates']) {
      const certificate = groups[group].find((c) => c.number === number);
      if (certificate) return { group, certificate };
    }
    return undefined;
  }

  function setPublished(browser, number, published) {
    return send(browser, 'PUT', `/api/v1/me/certificates/${number}/publication`, { published });
  }

  async function publish(browser, number) {
    const answer = await setPublished(browser, number, true);
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  function changeStatus(browser, bodyId, number, change, body = { reason: 'Kutsekomisjoni otsus' }, options) {
    return send(browser, 'POST', `/api/v1/bodies/${bodyId}/certificates/${number}/${change}`, body, options);
  }

  /** GET a public route (anonymously unless headers say otherwise); remembered for the personal-data scan. */
  async function publicGet(pathAndQuery, { headers = {} } = {}) {
    const url = `${gw}${pathAndQuery}`;
    const answer = await fetchChecked(url, { headers });
    publicAnswers.push({ url: pathAndQuery, status: answer.status, text: answer.text });
    assert.deepEqual(personalDataIn(answer.text), [], `GET ${pathAndQuery} -> ${answer.status} shows personal data: ${answer.text}`);
    return answer;
  }

  const query = (params) =>
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');

  function search(params = {}, options) {
    const qs = query(params);
    return publicGet(`/api/v1/public/certificates${qs ? `?${qs}` : ''}`, options);
  }

  /** Every page of a search (asserting 200, the limit, non-empty pages before the last, no repeats). */
  async function searchAll(params = {}, { limit = 100 } = {}) {
    const items = [];
    let cursor;
    for (let page = 0; page < 1000; page += 1) {
      const answer = await search({ ...params, limit, cursor });
      assert.equal(answer.status, 200, answer.text);
      assert.ok(answer.body.items.length <= limit, `a page of ${answer.body.items.length} items, limit ${limit}`);
      for (const item of answer.body.items) {
        assert.ok(!items.some((seen) => seen.number === item.number), `${item.number} served twice while paging`);
        items.push(item);
      }
      if (answer.body.next_cursor === null) return items;
      assert.ok(answer.body.items.length > 0, 'a page with a next_cursor must not be empty');
      cursor = answer.body.next_cursor;
    }
    assert.fail('more than 1000 pages');
  }

  /** The certificate.status_changed.v1 events in the certificate service's outbox for `number`, validated against proto-docs. */
  async function statusEvents(number) {
    assert.match(number, /^K-[0-9]{6,}$/);
    const out = await cluster.psql(
      `SELECT envelope::text FROM certificate.outbox WHERE type = '${kStatusChangedType}' AND subject = '${number}' ORDER BY seq`,
    );
    const { envelope, data, dataschema } = eventSchemas();
    return out
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const event = JSON.parse(line);
        assert.ok(envelope(event), `envelope of ${line}: ${JSON.stringify(envelope.errors)}`);
        assert.ok(data(event.data), `data of ${line}: ${JSON.stringify(data.errors)}`);
        assert.equal(event.type, kStatusChangedType);
        assert.equal(event.source, '/kutse/certificate');
        assert.equal(event.subject, number);
        assert.equal(event.dataschema, dataschema);
        assert.equal(event.data.certificate_number, number);
        return event;
      });
  }

  before(async () => {
    cluster = await Cluster.create('register');
    // Cluster.startAll(), except that the certificate service runs its expiry job every 500 ms.
    const backends = kServices.filter((s) => s !== 'gateway');
    for (const service of backends) {
      await cluster.start(service, service === 'certificate' ? { env: { KUTSE_EXPIRY_INTERVAL_MS: kExpiryIntervalMs } } : {});
    }
    await Promise.all(backends.map((service) => cluster.waitReady(service)));
    await cluster.startAndWait('gateway');
    gw = cluster.gatewayUrl;

    admin = await signedIn(kBootstrapAdmin);
    for (const [code, body] of [[kClerkX, X], [kClerkY, Y]]) {
      const granted = await send(admin, 'POST', '/api/v1/admin/role-assignments', { personal_code: code, role: 'clerk', body_id: body });
      assert.equal(granted.status, 201, granted.text);
    }
    clerkX = await signedIn(kClerkX);
    clerkY = await signedIn(kClerkY);
    assert.ok(clerkX.roles.includes(`clerk:${X}`) && clerkY.roles.includes(`clerk:${Y}`));
    oie = await signedIn(kOie);
    jyri = await signedIn(kJyri);
    mari = await signedIn(kMari);
    mihkel = await signedIn(kMihkel);
  });

  after(async () => {
    await cluster?.destroy();
  });

  it('lists a holder\'s certificates of every body in three groups, each with what the holder may do now', async () => {
    // Mihkel's "My certificates" are still empty; Mari's are recorded here and nowhere else.
    assert.deepEqual(await mine(mihkel), { valid: [], no_longer_valid: [], duplicates: [] });

    const m1 = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kMari, holder_name: 'Mari Maasikas', standard_code: 'TARKVARAARENDAJA-6',
      valid_from: '2025-06-01', valid_until: '2030-05-31',
    }));
    const m2 = await recordCertificateOk(
      gw,
      certificateBody({ holder_personal_code: kMari, holder_name: 'Mari Maasikas', standard_code: 'MUURSEPP-4', valid_until: null }),
      { bodyId: Y, clerk: kClerkYIdentity },
    );
    const m3 = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kMari, holder_name: 'Mari Maasikas', standard_code: 'KEEVITAJA-3',
    }));
    const invalidated = await changeStatus(clerkX, X, m3.number, 'invalidation', { reason: 'Kutsekomisjoni otsus nr 7/2026' });
    assert.equal(invalidated.status, 200, invalidated.text);

    const groups = await mine(mari);
    assert.deepEqual(sorted(numbers(groups.valid)), sorted([m1.number, m2.number]), 'valid: of both bodies');
    assert.deepEqual(numbers(groups.no_longer_valid), [m3.number], 'no longer valid: the invalidated one');
    assert.deepEqual(groups.duplicates, [], 'no duplicates are issued yet');
    for (const group of [groups.valid, groups.no_longer_valid]) {
      for (let i = 1; i < group.length; i += 1) {
        assert.ok(Date.parse(group[i - 1].issued_at) >= Date.parse(group[i].issued_at), 'each group newest first');
      }
    }

    const byNumber = Object.fromEntries([...groups.valid, ...groups.no_longer_valid].map((c) => [c.number, c]));
    for (const [recorded, status] of [[m1, 'valid'], [m2, 'valid'], [m3, 'invalidated']]) {
      const seen = byNumber[recorded.number];
      assert.deepEqual(
        Object.fromEntries(kPublicFields.map((k) => [k, seen[k]])),
        publicView(recorded, status),
        `${recorded.number} as recorded`,
      );
      assert.equal(Date.parse(seen.issued_at), Date.parse(recorded.issued_at), 'issued_at as recorded');
      assert.equal(seen.published, false, 'a new certificate starts hidden: the holder decides');
    }
    assert.equal(byNumber[m2.number].awarding_body_id, Y);
    assert.equal(byNumber[m2.number].valid_until, null, 'open-ended');
    assert.deepEqual(byNumber[m1.number].actions, ['publish', 'stamp', ...kAlways], 'valid and hidden');
    assert.deepEqual(byNumber[m2.number].actions, ['publish', 'stamp', ...kAlways], 'valid and hidden');
    assert.deepEqual(byNumber[m3.number].actions, ['publish', 'question'], 'no stamp, reprint or duplicate once invalidated');

    const others = await mine(jyri);
    const theirs = numbers([...others.valid, ...others.no_longer_valid, ...others.duplicates]);
    for (const n of [m1.number, m2.number, m3.number]) assert.ok(!theirs.includes(n), `another holder does not see ${n}`);
  });

  it('refuses "My certificates" to anonymous callers (401)', async () => {
    const anonymous = await new Browser(gw).request(`${gw}/api/v1/me/certificates`);
    assert.equal(anonymous.status, 401, anonymous.text);
    assert.equal(anonymous.body.code, 'unauthenticated');
  });

  it('publishes a certificate into the public register and hides it again at once', async () => {
    const recorded = await recordCertificateOk(gw, certificateBody({ standard_code: 'KEEVITAJA-4' })); // Õie's
    const pagePath = `/api/v1/public/certificates/${recorded.number}`;

    const hiddenPage = await publicGet(pagePath);
    assert.equal(hiddenPage.status, 404, 'hidden until the holder publishes it');
    assert.equal(hiddenPage.body.code, 'not_found');
    const unknownPage = await publicGet(`/api/v1/public/certificates/${kUnknown}`);
    assert.equal(unknownPage.status, 404);
    assert.equal(hiddenPage.body.title, unknownPage.body.title, 'a hidden certificate looks like no certificate');
    assert.deepEqual((await search({ number: recorded.number })).body, { items: [], next_cursor: null });

    const published = await publish(oie, recorded.number);
    assert.equal(published.number, recorded.number);
    assert.equal(published.published, true);
    assert.deepEqual(published.actions, ['hide', 'stamp', ...kAlways], 'published and valid');

    const page = await publicGet(pagePath);
    assert.equal(page.status, 200, page.text);
    assert.deepEqual(page.body, publicView(recorded), 'exactly the public fields');
    assert.deepEqual((await search({ number: recorded.number })).body, { items: [publicView(recorded)], next_cursor: null });
    assert.ok(numbers(await searchAll({ name: 'Šmidt' })).includes(recorded.number), 'found by name');
    const listed = await findMine(oie, recorded.number);
    assert.equal(listed.certificate.published, true);
    assert.deepEqual(listed.certificate.actions, ['hide', 'stamp', ...kAlways]);

    const again = await setPublished(oie, recorded.number, true);
    assert.equal(again.status, 200, 'publishing a published certificate changes nothing');
    assert.equal(again.body.published, true);

    const hidden = await setPublished(oie, recorded.number, false);
    assert.equal(hidden.status, 200, hidden.text);
    assert.equal(hidden.body.published, false);
    assert.deepEqual(hidden.body.actions, ['publish', 'stamp', ...kAlways], 'hidden and valid');
    // At once: no waiting, no cache.
    assert.equal((await publicGet(pagePath)).status, 404, 'the public page is gone at once');
    assert.deepEqual((await search({ number: recorded.number })).body, { items: [], next_cursor: null }, 'gone from search by number');
    assert.ok(!numbers(await searchAll({ name: 'Šmidt' })).includes(recorded.number), 'gone from search by name');
    assert.equal((await findMine(oie, recorded.number)).certificate.published, false);
  });

  it('answers 404 for someone else\'s certificate or an unknown number alike, and changes nothing', async () => {
    const recorded = await recordCertificateOk(gw, certificateBody({ standard_code: 'LUKKSEPP-3' })); // Õie's
    const strangers = await setPublished(jyri, recorded.number, true);
    assert.equal(strangers.status, 404, strangers.text);
    assert.equal(strangers.body.code, 'not_found');
    const unknown = await setPublished(jyri, kUnknown, true);
    assert.equal(unknown.status, 404, unknown.text);
    const same = (problem, number) => ({ code: problem.code, title: problem.title, detail: problem.detail.split(number).join('<number>') });
    assert.deepEqual(same(strangers.body, recorded.number), same(unknown.body, kUnknown), 'nothing tells the two apart');
    for (const staff of [clerkX, admin]) {
      const answer = await setPublished(staff, recorded.number, true);
      assert.equal(answer.status, 404, `staff roles do not make someone else's certificate theirs: ${answer.text}`);
    }
    assert.equal((await findMine(oie, recorded.number)).certificate.published, false, 'still hidden');
    assert.equal((await publicGet(`/api/v1/public/certificates/${recorded.number}`)).status, 404);
  });

  it('refuses a malformed publication change field by field, and without the CSRF token', async () => {
    const recorded = await recordCertificateOk(gw, certificateBody({ standard_code: 'PLEKKSEPP-4' })); // Õie's
    const urlPath = `/api/v1/me/certificates/${recorded.number}/publication`;
    for (const [body, pointers] of [
      [{}, ['/published']],
      [{ published: 'yes' }, ['/published']],
      [{ published: null }, ['/published']],
      [{ published: true, colour: 'blue' }, ['/colour']],
    ]) {
      const answer = await send(oie, 'PUT', urlPath, body);
      assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
      assert.equal(answer.body.code, 'validation_failed');
      assert.deepEqual(answer.body.errors.map((e) => e.pointer).sort(), pointers, JSON.stringify(body));
    }
    const array = await send(oie, 'PUT', urlPath, [true]);
    assert.equal(array.status, 422, array.text);
    const broken = await send(oie, 'PUT', urlPath, '{"published":');
    assert.equal(broken.status, 400, broken.text);
    assert.equal(broken.body.code, 'malformed_json');
    const form = await send(oie, 'PUT', urlPath, 'published=true', { contentType: 'text/plain' });
    assert.equal(form.status, 415, form.text);
    const forged = await send(oie, 'PUT', urlPath, { published: true }, { csrf: false });
    assert.equal(forged.status, 403, forged.text);
    assert.equal(forged.body.code, 'csrf_failed');
    const anonymous = await send(new Browser(gw), 'PUT', urlPath, { published: true });
    assert.equal(anonymous.status, 401, anonymous.text);
    assert.equal((await findMine(oie, recorded.number)).certificate.published, false, 'nothing changed');
  });

  it('finds holders by any part of the name, ignoring case and diacritics, literally', async () => {
    const married = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kJyri, holder_name: 'Jüri Õunapuu-Šmidt', standard_code: 'EHITUSJUHT-6',
    }));
    const hidden = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kJyri, holder_name: 'Jüri Õunapuu', standard_code: 'MUURSEPP-4',
    }));
    // Printed without diacritics, as on older certificates.
    const plain = await recordCertificateOk(gw, certificateBody({ holder_name: 'Oie Smidt', standard_code: 'KEEVITAJA-2' }));
    await publish(jyri, married.number);
    await publish(oie, plain.number);

    for (const name of ['õun', 'ÕUN', 'Õun', 'oun', 'OUN', 'Oun', 'õunapuu-šm', 'Jüri Õun', 'JURI OUNAPUU', 'puu-smi']) {
      const found = await searchAll({ name });
      const got = numbers(found);
      assert.ok(got.includes(married.number), `name=${name} finds Jüri Õunapuu-Šmidt (got ${got})`);
      assert.ok(!got.includes(hidden.number), `name=${name} never finds a hidden certificate`);
      for (const item of found) assert.ok(fold(item.holder_name).includes(fold(name)), `name=${name} found ${item.holder_name}`);
    }
    for (const name of ['smidt', 'SMIDT', 'Smidt', 'šmidt', 'Šmidt', 'ŠMIDT']) {
      const got = numbers(await searchAll({ name }));
      assert.ok(got.includes(married.number), `name=${name} finds Šmidt (got ${got})`);
      assert.ok(got.includes(plain.number), `name=${name} finds Smidt (got ${got})`);
    }
    const oie2 = numbers(await searchAll({ name: 'õie' }));
    assert.ok(oie2.includes(plain.number), 'õie finds Oie');
    // No wildcards: a name with u followed by anything would match `u_` or `u%` as a LIKE pattern.
    for (const name of ['zzq', 'u_', 'u%', '%%', '__', 'Õunapuu-Šmidtx']) {
      assert.deepEqual((await search({ name })).body, { items: [], next_cursor: null }, `name=${name} finds nothing`);
    }
  });

  it('finds a published certificate by its exact number, alone or with a name', async () => {
    const recorded = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kJyri, holder_name: 'Jüri Õunapuu', standard_code: 'EHITUSJUHT-5', valid_until: undefined,
    }));
    const hidden = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kJyri, holder_name: 'Jüri Õunapuu' }));
    await publish(jyri, recorded.number);
    const exact = { items: [publicView(recorded)], next_cursor: null };
    assert.deepEqual((await search({ number: recorded.number })).body, exact);
    assert.deepEqual((await search({ number: recorded.number, name: 'õunapuu' })).body, exact, 'both match');
    assert.deepEqual((await search({ number: recorded.number, name: 'zzq' })).body, { items: [], next_cursor: null }, 'both must match');
    assert.deepEqual((await search({ number: hidden.number })).body, { items: [], next_cursor: null }, 'hidden');
    assert.deepEqual((await search({ number: kUnknown })).body, { items: [], next_cursor: null }, 'unknown');
    for (const partial of [recorded.number.slice(0, -1), recorded.number.slice(2), recorded.number.toLowerCase()]) {
      assert.deepEqual((await search({ number: partial })).body, { items: [], next_cursor: null }, `number=${partial}: exact only`);
    }
  });

  it('pages the public register by keyset with limit=1: every certificate once, in number order, even while one is hidden', async () => {
    const mihkels = { holder_personal_code: kMihkel, holder_name: 'Mihkel Uus' };
    const recorded = [];
    for (const standard of ['KOKK-3', 'KOKK-4', 'KOKK-5']) {
      recorded.push(await recordCertificateOk(gw, certificateBody({ ...mihkels, standard_code: standard })));
    }
    await recordCertificateOk(gw, certificateBody({ ...mihkels, standard_code: 'KOKK-2' })); // stays hidden
    for (const c of recorded) await publish(mihkel, c.number);
    const want = numbers(recorded).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));

    const walk = async (params) => {
      const walked = [];
      let cursor;
      for (let page = 1; page <= 1000; page += 1) {
        const answer = await search({ ...params, limit: 1, cursor });
        assert.equal(answer.status, 200, answer.text);
        assert.equal(answer.body.items.length, 1, `page ${page} holds exactly one certificate: ${answer.text}`);
        walked.push(answer.body.items[0]);
        if (answer.body.next_cursor === null) return walked;
        assert.equal(typeof answer.body.next_cursor, 'string');
        cursor = answer.body.next_cursor;
      }
      return assert.fail('more than 1000 pages');
    };
    const byName = await walk({ name: 'mihkel uus' });
    assert.deepEqual(numbers(byName), want, 'the three published, in number order, each once; never the hidden one');
    assert.deepEqual(byName, recorded.map((c) => publicView(c)).sort((a, b) => Number(a.number.slice(2)) - Number(b.number.slice(2))));

    const whole = await walk({});
    assert.deepEqual(numbers(whole), numbers(await searchAll({})), 'limit=1 walks the same list as one big page');
    assert.equal(new Set(numbers(whole)).size, whole.length, 'no certificate twice');
    assert.ok(whole.length >= 3);
    const order = numbers(whole).map((n) => Number(n.slice(2)));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'in number order');

    // Keyset, not offset: hiding the certificate of the page already read skips nothing after it.
    const first = await search({ name: 'mihkel uus', limit: 1 });
    assert.deepEqual(numbers(first.body.items), [want[0]]);
    assert.equal((await setPublished(mihkel, want[0], false)).status, 200);
    const second = await search({ name: 'mihkel uus', limit: 1, cursor: first.body.next_cursor });
    assert.deepEqual(numbers(second.body.items), [want[1]], 'the next page is the next certificate');
    const third = await search({ name: 'mihkel uus', limit: 1, cursor: second.body.next_cursor });
    assert.deepEqual(numbers(third.body.items), [want[2]]);
    assert.equal(third.body.next_cursor, null);
    await publish(mihkel, want[0]);
  });

  it('answers 400 naming the parameter for a malformed search', async () => {
    for (const [params, pointer] of [
      [{ limit: '0' }, '/limit'],
      [{ limit: '101' }, '/limit'],
      [{ limit: 'ten' }, '/limit'],
      [{ cursor: 'not a cursor!' }, '/cursor'],
      [{ name: 'a' }, '/name'],
      [{ name: 'a'.repeat(101) }, '/name'],
      [{ number: '' }, '/number'],
      [{ number: `K-${'0'.repeat(31)}` }, '/number'],
    ]) {
      const answer = await search(params);
      assert.equal(answer.status, 400, `${JSON.stringify(params)}: ${answer.text}`);
      assert.equal(answer.body.code, 'bad_request');
      assert.ok(answer.body.errors?.some((e) => e.pointer === pointer), `${JSON.stringify(params)} names ${pointer}: ${answer.text}`);
    }
  });

  it('lets the body\'s clerk declare a valid certificate invalid, once, with the reason; no one else', async () => {
    const recorded = await recordCertificateOk(gw, certificateBody({ standard_code: 'KEEVITAJA-5' })); // Õie's, body X
    const ofY = await recordCertificateOk(gw, certificateBody({ standard_code: 'MUURSEPP-3' }), {
      bodyId: Y,
      clerk: kClerkYIdentity,
    });
    await publish(oie, recorded.number);

    // Who may not.
    const anonymous = await changeStatus(new Browser(gw), X, recorded.number, 'invalidation');
    assert.equal(anonymous.status, 401, anonymous.text);
    for (const [who, browser, bodyId] of [['the holder', oie, X], ['a clerk of another body', clerkY, X], ['a clerk of X at Y', clerkX, Y]]) {
      const answer = await changeStatus(browser, bodyId, recorded.number, 'invalidation');
      assert.equal(answer.status, 403, `${who}: ${answer.text}`);
      assert.equal(answer.body.code, 'forbidden');
    }
    for (const [who, browser] of [['a clerk of X', clerkX], ['an admin', admin]]) {
      const answer = await changeStatus(browser, X, ofY.number, 'invalidation');
      assert.equal(answer.status, 404, `${who}, a certificate of another body under X: ${answer.text}`);
    }
    // Malformed requests.
    const reasonPath = `/api/v1/bodies/${X}/certificates/${recorded.number}/invalidation`;
    for (const [body, pointers] of [
      [{}, ['/reason']],
      [{ reason: '' }, ['/reason']],
      [{ reason: 7 }, ['/reason']],
      [{ reason: 'x'.repeat(1001) }, ['/reason']],
      [{ reason: 'Otsus', colour: 'blue' }, ['/colour']],
    ]) {
      const answer = await send(clerkX, 'POST', reasonPath, body);
      assert.equal(answer.status, 422, `${JSON.stringify(body).slice(0, 80)}: ${answer.text}`);
      assert.deepEqual(answer.body.errors.map((e) => e.pointer).sort(), pointers);
    }
    assert.equal((await send(clerkX, 'POST', reasonPath, '{"reason":')).status, 400);
    assert.equal((await send(clerkX, 'POST', reasonPath, 'reason=x', { contentType: 'text/plain' })).status, 415);
    const forged = await send(clerkX, 'POST', reasonPath, { reason: 'x' }, { csrf: false });
    assert.equal(forged.status, 403);
    assert.equal(forged.body.code, 'csrf_failed');
    assert.equal((await findMine(oie, recorded.number)).certificate.status, 'valid', 'none of that changed anything');
    assert.deepEqual(await statusEvents(recorded.number), [], 'and announced nothing');

    // The clerk of X does it.
    const reason = 'Kutsekomisjoni otsus nr 12/2026: hindamisel ilmnes pettus.';
    const requestId = `e2e-register-invalidate-${recorded.number}`;
    const done = await changeStatus(clerkX, X, recorded.number, 'invalidation', { reason }, { headers: { 'x-request-id': requestId } });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.number, recorded.number);
    assert.equal(done.body.status, 'invalidated');
    assert.equal(done.body.status_reason, reason);
    assert.equal(done.body.holder_personal_code, kOie, 'the staff view names the holder');
    assert.equal(done.body.awarding_body_id, X);
    if ('published' in done.body) assert.equal(done.body.published, true);

    const listed = await findMine(oie, recorded.number);
    assert.equal(listed.group, 'no_longer_valid');
    assert.equal(listed.certificate.status, 'invalidated');
    assert.deepEqual(listed.certificate.actions, ['hide', 'question'], 'still published; no stamp, reprint or duplicate');
    const page = await publicGet(`/api/v1/public/certificates/${recorded.number}`);
    assert.equal(page.status, 200, 'a published certificate stays public, showing that it is no longer valid');
    assert.deepEqual(page.body, publicView(recorded, 'invalidated'));

    const again = await changeStatus(clerkX, X, recorded.number, 'invalidation', { reason });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.code, 'conflict');
    const annul = await changeStatus(admin, X, recorded.number, 'annulment', { reason: 'Kanti ekslikult' });
    assert.equal(annul.status, 409, `an invalidated certificate cannot be annulled: ${annul.text}`);
    assert.equal((await findMine(oie, recorded.number)).certificate.status, 'invalidated');

    const events = await statusEvents(recorded.number);
    assert.equal(events.length, 1, 'one event for one change');
    const { data } = events[0];
    const fields = ['holder_personal_code', 'awarding_body_id', 'from', 'to', 'reason', 'changed_by'];
    assert.deepEqual(Object.fromEntries(fields.map((k) => [k, data[k]])), {
      holder_personal_code: kOie,
      awarding_body_id: X,
      from: 'valid',
      to: 'invalidated',
      reason,
      changed_by: `EE${kClerkX}`,
    });
    assert.ok(Math.abs(Date.parse(data.changed_at) - Date.now()) < 120000, `changed_at ${data.changed_at} is about now`);
    assert.equal(events[0].correlationid, requestId, 'the event names the request that caused it');

    // The notification service tells the holder, with the reason, in their language.
    let notice;
    await waitFor('the holder\'s notice of the invalidation', async () => {
      const page = await oie.request(`${gw}/api/v1/me/notifications?limit=100`, { headers: { 'accept-language': 'en' } });
      notice = page.body.items.find((item) => item.kind === 'certificate_invalidated' && item.certificate_number === recorded.number);
      return Boolean(notice);
    }, { timeoutMs: 15000 });
    assert.equal(notice.title, 'Certificate declared invalid');
    assert.match(notice.body, new RegExp(reason.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  });

  it('lets an admin annul a valid certificate entered in error, once', async () => {
    const recorded = await recordCertificateOk(
      gw,
      certificateBody({ holder_personal_code: kJyri, holder_name: 'Jüri Õunapuu', standard_code: 'EHITUSJUHT-4' }),
      { bodyId: Y, clerk: kClerkYIdentity },
    );
    for (const [who, browser] of [['a clerk of another body', clerkX], ['the holder', jyri]]) {
      const answer = await changeStatus(browser, Y, recorded.number, 'annulment');
      assert.equal(answer.status, 403, `${who}: ${answer.text}`);
    }
    const reason = 'Kanti registrisse ekslikult teise isiku andmetega.';
    const done = await changeStatus(admin, Y, recorded.number, 'annulment', { reason });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.status, 'annulled');
    assert.equal(done.body.status_reason, reason);
    assert.equal(done.body.awarding_body_id, Y);

    assert.equal((await changeStatus(admin, Y, recorded.number, 'annulment', { reason })).status, 409, 'annulled once');
    assert.equal((await changeStatus(clerkY, Y, recorded.number, 'invalidation', { reason })).status, 409, 'never valid again');
    const listed = await findMine(jyri, recorded.number);
    assert.equal(listed.group, 'no_longer_valid');
    assert.equal(listed.certificate.status, 'annulled');
    assert.ok(!listed.certificate.actions.includes('stamp'));

    const events = await statusEvents(recorded.number);
    assert.equal(events.length, 1);
    assert.equal(events[0].data.from, 'valid');
    assert.equal(events[0].data.to, 'annulled');
    assert.equal(events[0].data.reason, reason);
    assert.equal(events[0].data.changed_by, `EE${kBootstrapAdmin}`);
    assert.equal(events[0].data.awarding_body_id, Y);
  });

  it('expires a certificate by itself once its valid-until has passed; an expired one can still be annulled', async () => {
    // Two days ago: passed whatever the time zone of "today". Valid from a year before, within the
    // five years the standard allows.
    const due = await recordCertificateOk(gw, certificateBody({
      standard_code: 'KEEVITAJA-3', valid_from: isoDay(-366), valid_until: isoDay(-2),
    }));
    const notYet = await recordCertificateOk(gw, certificateBody({
      standard_code: 'KEEVITAJA-2', valid_from: isoDay(-366), valid_until: isoDay(1),
    }));

    const expired = await waitFor(
      `${due.number} expired by the job (KUTSE_EXPIRY_INTERVAL_MS=${kExpiryIntervalMs})`,
      async () => {
        const found = await findMine(oie, due.number);
        return found?.certificate.status === 'expired' ? found : undefined;
      },
      { timeoutMs: 15000, intervalMs: 250 },
    );
    assert.equal(expired.group, 'no_longer_valid');
    assert.deepEqual(expired.certificate.actions, ['publish', ...kAlways], 'no stamp once expired');
    await new Promise((resolve) => setTimeout(resolve, 3 * Number(kExpiryIntervalMs)));
    const still = await findMine(oie, notYet.number);
    assert.equal(still.group, 'valid', 'valid-until tomorrow: still valid');
    assert.equal(still.certificate.status, 'valid');

    const events = await statusEvents(due.number);
    assert.equal(events.length, 1, 'expired once, announced once');
    assert.equal(events[0].data.from, 'valid');
    assert.equal(events[0].data.to, 'expired');
    assert.equal(events[0].data.reason, null);
    assert.equal(events[0].data.changed_by, 'system');
    assert.equal(events[0].data.holder_personal_code, kOie);
    assert.deepEqual(await statusEvents(notYet.number), []);

    const invalidate = await changeStatus(clerkX, X, due.number, 'invalidation', { reason: 'Otsus' });
    assert.equal(invalidate.status, 409, `only a valid certificate can be declared invalid: ${invalidate.text}`);
    const annul = await changeStatus(clerkX, X, due.number, 'annulment', { reason: 'Kanti ekslikult' });
    assert.equal(annul.status, 200, annul.text);
    assert.equal(annul.body.status, 'annulled');
    const all = await statusEvents(due.number);
    assert.deepEqual(all.map((e) => [e.data.from, e.data.to, e.data.changed_by]), [
      ['valid', 'expired', 'system'],
      ['expired', 'annulled', `EE${kClerkX}`],
    ]);
  });

  it('never shows a personal code or a date of birth on any public route, to anyone', async () => {
    // A fresh sweep over everything published so far, anonymously and as a body's API client.
    const created = await send(clerkX, 'POST', `/api/v1/bodies/${X}/api-clients`, { name: 'Registri otsing', scopes: ['public:read'] });
    assert.equal(created.status, 201, created.text);
    const basic = { authorization: `Basic ${Buffer.from(`${created.body.client_id}:${created.body.client_secret}`).toString('base64')}` };

    const everything = await searchAll({});
    assert.ok(everything.length >= 6, `the earlier tests published certificates (found ${everything.length})`);
    const asClient = await search({ limit: 100 }, { headers: basic });
    assert.equal(asClient.status, 200, asClient.text);
    assert.deepEqual(asClient.body, (await search({ limit: 100 })).body, 'an API client sees what anyone sees');
    for (const item of everything) {
      assert.equal((await publicGet(`/api/v1/public/certificates/${item.number}`)).status, 200);
      assert.equal((await publicGet(`/api/v1/public/certificates/${item.number}`, { headers: basic })).status, 200);
      assert.equal((await search({ number: item.number })).body.items.length, 1);
    }
    for (const name of ['Šmidt', 'õunapuu', 'Maasikas', 'Mihkel']) assert.equal((await search({ name })).status, 200);
    for (const name of [kOie, kOie.slice(0, 6), kJyri]) {
      assert.deepEqual((await search({ name })).body, { items: [], next_cursor: null }, 'names only, never personal codes');
    }
    await publicGet(`/api/v1/public/certificates/${kUnknown}`);
    await search({ name: 'a' });
    await publicGet('/api/v1/public/status');

    // Every public answer of this file, from every test above (publicGet checked each as it came).
    const statuses = new Set(publicAnswers.map((a) => a.status));
    for (const status of [200, 400, 404]) assert.ok(statuses.has(status), `the sweep saw a ${status}`);
    assert.ok(publicAnswers.length >= 50, `${publicAnswers.length} public answers scanned`);
    for (const answer of publicAnswers) {
      assert.deepEqual(personalDataIn(answer.text), [], `GET ${answer.url} -> ${answer.status}: ${answer.text}`);
    }
  });
});

// ---- the public register's search filters, and hiding at once with the in-memory name index ------
// Certificates are written straight into the database here (as a migration or an import would),
// so that every change reaches the certificate service's name index only through the database's
// announcements (migrations/V007), and two replicas of the service are asked directly.
describe('register search: filters, and the name index of every replica follows each change at once', { timeout: 300000 }, () => {
  let cluster;
  let gw;
  const kCode = '38912310011'; // never shown: the scan below looks for it in every answer
  const kWeld4 = 'KEEVITAJA-4';
  const kCook3 = 'KOKK-3';
  // number, name, standard, level, body, valid from, valid until, status, status changed (UTC), published
  const kRows = [
    ['T-000001', 'Liisa Pihlakas', kWeld4, 4, X, '2020-01-01', '2024-12-31', 'expired', '2025-01-01 00:00', true],
    ['T-000002', 'Liisa Pihlakas', kCook3, 3, Y, '2021-03-01', null, 'valid', null, true],
    ['T-000003', 'Ülle Pihlakas-Õis', kWeld4, 4, Y, '2022-01-01', '2026-12-31', 'invalidated', '2023-06-10 12:00', true],
    ['T-000004', 'Ulle Pihlakas', kWeld4, 4, X, '2022-01-01', '2026-12-31', 'annulled', '2022-05-01 08:00', true],
    ['T-000005', 'Liisa Pihlakas', kWeld4, 4, X, '2023-01-01', '2027-12-31', 'valid', null, false],
    ['T-000006', 'Mart Pihlakas', kCook3, 3, X, '2019-05-05', '2029-05-04', 'valid', null, true],
  ];
  const sqlText = (v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));
  const insert = (row) => {
    const [number, name, standard, level, body, from, until, status, changed, published] = row;
    return `INSERT INTO certificate.certificates (number, holder_personal_code, holder_name, standard_code, standard_name,
      level, awarding_body_id, valid_from, valid_until, status, status_changed_at, published, issued_by)
      VALUES (${[number, kCode, name, standard, `${standard} (e2e)`, level, body, from, until, status,
        changed === null ? null : `${changed}+00`, published, 'e2e'].map(sqlText).join(', ')})`;
  };
  const qs = (params) =>
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');

  async function searchAt(base, params) {
    const answer = await fetchChecked(`${base}/api/v1/public/certificates?${qs(params)}`);
    assert.ok(!answer.text.includes(kCode), `a personal code in ${answer.text}`);
    return answer;
  }

  /** Every number a search finds, page by page (limit 1 unless given), through `base`. */
  async function found(params, { base = gw, limit = 1 } = {}) {
    const numbers = [];
    let cursor;
    for (let page = 0; page < 100; page += 1) {
      const answer = await searchAt(base, { ...params, limit, cursor });
      assert.equal(answer.status, 200, `${JSON.stringify(params)}: ${answer.text}`);
      numbers.push(...answer.body.items.map((c) => c.number));
      if (answer.body.next_cursor === null) return numbers.filter((n) => n.startsWith('T-'));
      cursor = answer.body.next_cursor;
    }
    return assert.fail('more than 100 pages');
  }

  async function searchesByIndex(replica = 0) {
    const answer = await fetch(`${cluster.url('certificate', replica)}/metrics`);
    const line = (await answer.text()).split('\n').find((l) => l.startsWith('kutse_public_searches_total{path="name_index"}'));
    return line ? Number(line.split(' ')[1]) : 0;
  }

  before(async () => {
    cluster = await Cluster.create('search');
    for (const service of kServices.filter((s) => s !== 'gateway')) await cluster.start(service);
    await cluster.start('certificate', { replica: 1 });
    for (const service of kServices.filter((s) => s !== 'gateway')) await cluster.waitReady(service);
    await cluster.waitReady('certificate', { replica: 1 });
    await cluster.startAndWait('gateway');
    gw = cluster.gatewayUrl;
    await cluster.psql(kRows.map(insert).join(';\n'));
  });

  after(async () => {
    await cluster?.destroy();
  });

  it('filters by standard, level, awarding body and the day a certificate was valid, with a name or without', async () => {
    for (const [params, want] of [
      [{}, ['T-000001', 'T-000002', 'T-000003', 'T-000004', 'T-000006']],
      [{ name: 'pihlakas' }, ['T-000001', 'T-000002', 'T-000003', 'T-000004', 'T-000006']],
      [{ standard: kWeld4 }, ['T-000001', 'T-000003', 'T-000004']],
      [{ standard: kWeld4, name: 'ulle' }, ['T-000003', 'T-000004']],
      [{ standard: kCook3, level: '3', awarding_body: X }, ['T-000006']],
      [{ level: '4', awarding_body: Y, name: 'ÜLLE' }, ['T-000003']],
      [{ level: '8' }, []],
      [{ awarding_body: '80099999' }, []],
      [{ standard: 'KOKK-4' }, []],
      // valid_on: from..until inclusive; an annulled one never; an invalidated one before its day only.
      [{ valid_on: '2019-05-04', name: 'pihlakas' }, []],
      [{ valid_on: '2020-01-01', name: 'pihlakas' }, ['T-000001', 'T-000006']],
      [{ valid_on: '2023-06-09', name: 'pihlakas' }, ['T-000001', 'T-000002', 'T-000003', 'T-000006']],
      [{ valid_on: '2023-06-10', name: 'pihlakas' }, ['T-000001', 'T-000002', 'T-000006']],
      [{ valid_on: '2023-06-10' }, ['T-000001', 'T-000002', 'T-000006']],
      [{ valid_on: '2025-01-01' }, ['T-000002', 'T-000006']],
      [{ valid_on: '2090-12-31' }, ['T-000002']],
      [{ valid_on: '2023-06-09', standard: kWeld4, awarding_body: Y, level: '4', name: 'õis' }, ['T-000003']],
    ]) {
      assert.deepEqual(await found(params), want, `${JSON.stringify(params)}, a page of one at a time`);
      assert.deepEqual(await found(params, { limit: 100 }), want, `${JSON.stringify(params)}, one page`);
      assert.deepEqual(await found(params, { base: cluster.url('certificate', 1) }), want, `${JSON.stringify(params)}, replica 1`);
    }
  });

  it('answers 400 naming the filter that is malformed', async () => {
    for (const [params, pointer] of [
      [{ standard: 'not a code' }, '/standard'],
      [{ standard: 'x'.repeat(41) }, '/standard'],
      [{ level: '0' }, '/level'],
      [{ level: '9' }, '/level'],
      [{ level: 'four' }, '/level'],
      [{ awarding_body: '8001234' }, '/awarding_body'],
      [{ awarding_body: '8001234x' }, '/awarding_body'],
      [{ valid_on: '2026-02-30' }, '/valid_on'],
      [{ valid_on: 'today' }, '/valid_on'],
      [{ valid_on: '2026-1-5', name: 'pihlakas' }, '/valid_on'],
    ]) {
      const answer = await searchAt(gw, params);
      assert.equal(answer.status, 400, `${JSON.stringify(params)}: ${answer.text}`);
      assert.equal(answer.body.code, 'bad_request');
      assert.ok(answer.body.errors?.some((e) => e.pointer === pointer), `${JSON.stringify(params)} names ${pointer}: ${answer.text}`);
    }
  });

  it('answers name searches from the name index, and every replica hides, publishes and renames at once', async () => {
    // The index is in use (once loaded): the name searches above were answered through it.
    let before = await searchesByIndex(0);
    for (let i = 0; i < 50 && (await searchesByIndex(0)) === before; i += 1) {
      await found({ name: 'pihlakas' });
      if ((await searchesByIndex(0)) === before) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok((await searchesByIndex(0)) > before, 'replica 0 answers name searches through its name index');
    before = await searchesByIndex(1);
    await found({ name: 'pihlakas' }, { base: cluster.url('certificate', 1) });
    assert.ok((await searchesByIndex(1)) > before, 'replica 1 too');

    const bases = [gw, cluster.url('certificate', 0), cluster.url('certificate', 1)];
    for (let round = 0; round < 5; round += 1) {
      await cluster.psql("UPDATE certificate.certificates SET published = true WHERE number = 'T-000005'");
      for (const base of bases) {
        assert.ok((await found({ name: 'liisa' }, { base })).includes('T-000005'), `published: found at once through ${base}`);
      }
      await cluster.psql("UPDATE certificate.certificates SET published = false WHERE number = 'T-000005'");
      for (const base of bases) {
        assert.ok(!(await found({ name: 'liisa' }, { base })).includes('T-000005'), `hidden: gone at once through ${base}`);
      }
    }
    await cluster.psql("UPDATE certificate.certificates SET holder_name = 'Mart Kõrvits' WHERE number = 'T-000006'");
    for (const base of bases) {
      assert.deepEqual(await found({ name: 'korvits' }, { base }), ['T-000006'], `the new name at once through ${base}`);
      assert.ok(!(await found({ name: 'mart pihl' }, { base })).includes('T-000006'), `not the old one through ${base}`);
    }
    // A new published certificate between two others, in number order.
    await cluster.psql(insert(['T-0000025', 'Liisa Kõrvits', kCook3, 3, X, '2024-01-01', null, 'valid', null, true]));
    for (const base of bases) {
      assert.deepEqual(await found({ name: 'kõrvits' }, { base }), ['T-0000025', 'T-000006'], `inserted, through ${base}`);
    }
  });

  it('loads its name index anew after losing the database connection it listens on, and misses nothing meanwhile', async () => {
    await cluster.psql(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kutse-public-name-index'",
    );
    await cluster.psql(insert(['T-000007', 'Liisa Lõoke', kWeld4, 4, X, '2024-01-01', '2028-12-31', 'valid', null, true]));
    await cluster.psql("UPDATE certificate.certificates SET published = false WHERE number = 'T-000002'");
    for (let replica = 0; replica <= 1; replica += 1) {
      const base = cluster.url('certificate', replica);
      assert.deepEqual(await found({ name: 'looke' }, { base }), ['T-000007'], `replica ${replica}: found while it reloads or after`);
      assert.ok(!(await found({ name: 'liisa' }, { base })).includes('T-000002'), `replica ${replica}: hidden`);
      // Back on the index: a name search is answered through it again within a few seconds.
      const before = await searchesByIndex(replica);
      let after = before;
      for (let i = 0; i < 100 && after === before; i += 1) {
        assert.deepEqual(await found({ name: 'looke' }, { base }), ['T-000007']);
        after = await searchesByIndex(replica);
        if (after === before) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(after > before, `replica ${replica} uses its name index again`);
    }
    cluster.assertAllRunning();
  });
});
