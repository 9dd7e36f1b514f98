// e2e.reference_data: the register's reference data, end to end through the gateway. Occupational
// standards and awarding bodies (with their rights) are read by anyone from the public routes and
// entered only by admins of the register keeper; certificates are issued against them: a body may
// issue only the standards it holds a right to on the issue date, while it is active; the standard
// gives the name, the levels and the end of validity; specialisations, partial qualifications and
// competences are the standard's codes; partial-qualification certificates are numbered from their
// own series (OK-); and the decision and issue dates follow their rules.
//
// The reference data every cluster starts with is tests/e2e/fixtures/reference_data.sql (named in
// lib/reference-data.mjs). Callers are named with the development identity header.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificate, recordCertificateOk } from './lib/api.mjs';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { kAnne, kOie, kToomas } from './lib/demo-people.mjs';
import { personalCodes, withWrongCheckDigit } from './lib/personal-codes.mjs';
import {
  isoDay,
  kBakersBody,
  kBakersStandard,
  kBodyX,
  kBodyY,
  kClosedBody,
  kInactiveStandard,
  kOpenEndedStandard,
  kRoofersRightEnded,
  kRoofersRightStarts,
  kRoofersStandard,
  kStandardCodes,
  kStandards,
  kWelder4,
  validityEnd,
} from './lib/reference-data.mjs';

const kAdmin = { ...kAnne, roles: ['admin'] };
const kClerkY = { ...kToomas, roles: [`clerk:${kBodyY}`] };
const kHolderIdentity = { ...kOie, roles: [] };
// Holders of this file only: one whose certificates are all refused, one for everything issued.
const [kRefusedHolder, kIssuedHolder, kPartialHolder] = personalCodes(3, 701);
const kNewBody = '80033333';
const kNewStandard = 'E2E-TOOLMAKER.5';

const pointers = (answer) => (answer.body?.errors ?? []).map((e) => e.pointer).sort();

/** A validator of certificate.issued.v1's data, as proto-docs describes it. */
function issuedEventData() {
  const file = path.join(process.env.KUTSE_REPO ?? path.resolve(import.meta.dirname ?? '.', '../..'), 'proto-docs', 'events', 'certificate.issued.v1.schema.json');
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
}
const clerkOf = (bodyId) => ({ personal_code: kClerk.personal_code, name: kClerk.name, roles: [`clerk:${bodyId}`] });
// What the public sees of an admin's answer: the same without `active`.
const withoutActive = ({ active: _active, ...rest }) => rest;

describe('reference data: standards, awarding bodies and their rights, and issuing against them', { timeout: 180000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('reference_data', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const get = (path, identity) => fetchChecked(`${gw}${path}`, { headers: identity ? identityHeader(identity) : {} });
  const put = (path, body, identity = kAdmin) =>
    fetchChecked(`${gw}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(identity ? identityHeader(identity) : {}) },
      body: JSON.stringify(body),
    });

  async function refusedFor(body, options, expectedPointers) {
    const answer = await recordCertificate(gw, { ...body, holder_personal_code: kRefusedHolder }, options);
    assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
    assert.equal(answer.body.code, 'validation_failed');
    assert.deepEqual(pointers(answer), expectedPointers, `${JSON.stringify(body)}: ${answer.text}`);
    return answer;
  }

  // ---- the public routes ------------------------------------------------------------------------

  it('lists the active standards in code order, each with its levels, validity and parts', async () => {
    const answer = await get('/api/v1/public/standards');
    assert.equal(answer.status, 200, answer.text);
    const codes = answer.body.items.map((s) => s.code);
    assert.deepEqual(codes, [...codes].sort(), 'in the order of their codes');
    for (const code of [...kStandardCodes, kBakersStandard, kRoofersStandard]) assert.ok(codes.includes(code), `${code} is listed`);
    assert.ok(!codes.includes(kInactiveStandard), 'an inactive standard is not listed');
    const byCode = Object.fromEntries(answer.body.items.map((s) => [s.code, s]));
    for (const [code, [name, level, years]] of Object.entries(kStandards)) {
      assert.equal(byCode[code].name_et, name, code);
      assert.equal(byCode[code].estqf_level, level, code);
      assert.equal(byCode[code].eqf_level, level, code);
      assert.equal(byCode[code].validity_years, years, code);
    }
    const welder = byCode[kWelder4.code];
    assert.deepEqual(welder.specialisations, [
      { code: 'MAG', name_et: 'Metallaktiivgaaskeevitus', name_en: 'Metal active gas welding' },
      { code: 'TIG', name_et: 'Volframelektroodiga inertgaaskeevitus', name_en: 'Tungsten inert gas welding' },
    ]);
    assert.deepEqual(welder.partial_qualifications, [
      { code: 'KEEV-MAG', name_et: 'Metallaktiivgaaskeevitaja', name_en: 'Metal active gas welder' },
      { code: 'KEEV-TIG', name_et: 'TIG-keevitaja', name_en: null },
    ]);
    assert.deepEqual(welder.competences.map((c) => c.code), ['K1', 'K2', 'K3']);
    assert.equal(welder.name_en, 'Welder, level 4');
    assert.equal(byCode[kOpenEndedStandard].validity_years, null, 'open-ended');
    assert.deepEqual(byCode['KOKK-3'].specialisations, []);

    const one = await get(`/api/v1/public/standards/${kWelder4.code}`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body, welder, 'the single read is the list\'s entry');
    for (const code of ['POLE-SELLIST', kInactiveStandard]) {
      const missing = await get(`/api/v1/public/standards/${code}`);
      assert.equal(missing.status, 404, `${code}: ${missing.text}`);
      assert.equal(missing.body.code, 'not_found');
    }
  });

  it('lists the active awarding bodies in registry-code order, each with every right it held, holds or will hold', async () => {
    const answer = await get('/api/v1/public/awarding-bodies');
    assert.equal(answer.status, 200, answer.text);
    const codes = answer.body.items.map((b) => b.registry_code);
    assert.deepEqual(codes, [...codes].sort(), 'in the order of their registry codes');
    for (const code of [kBakersBody, kBodyX, kBodyY]) assert.ok(codes.includes(code), `${code} is listed`);
    assert.ok(!codes.includes(kClosedBody), 'an inactive body is not listed');
    const x = answer.body.items.find((b) => b.registry_code === kBodyX);
    assert.equal(x.name, 'Eesti Keevitajate Kutseliit');
    assert.equal(x.email, 'info@keevitajad.ee');
    assert.equal(x.website, 'https://www.keevitajad.ee');
    const bakers = answer.body.items.find((b) => b.registry_code === kBakersBody);
    assert.deepEqual(
      { email: bakers.email, phone: bakers.phone, address: bakers.address, website: bakers.website },
      { email: null, phone: null, address: null, website: null },
    );
    assert.deepEqual(bakers.rights, [
      { standard_code: kBakersStandard, standard_name: 'Pagar, tase 4', level: 4, valid_from: '2018-03-01', valid_until: null },
    ]);

    const order = x.rights.map((r) => `${r.standard_code} ${r.valid_from}`);
    assert.deepEqual(order, [...order].sort(), 'by standard, then by start');
    assert.deepEqual(
      x.rights.filter((r) => r.standard_code === kRoofersStandard),
      [
        { standard_code: kRoofersStandard, standard_name: 'Katusekatja, tase 4', level: 4, valid_from: '2015-01-01', valid_until: kRoofersRightEnded },
        { standard_code: kRoofersStandard, standard_name: 'Katusekatja, tase 4', level: 4, valid_from: kRoofersRightStarts, valid_until: null },
      ],
      'a past and a future right, both listed',
    );
    const welder = x.rights.find((r) => r.standard_code === kWelder4.code);
    assert.deepEqual(welder, { standard_code: kWelder4.code, standard_name: 'Keevitaja, tase 4', level: 4, valid_from: '2015-01-01', valid_until: null });
    assert.ok(!x.rights.some((r) => r.standard_code === kBakersStandard), 'X may not award PAGAR-4');

    const one = await get(`/api/v1/public/awarding-bodies/${kBodyX}`);
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body, x, 'the single read is the list\'s entry');
    for (const code of [kClosedBody, '80099999', '8001234x']) {
      const missing = await get(`/api/v1/public/awarding-bodies/${code}`);
      assert.equal(missing.status, 404, `${code}: ${missing.text}`);
      assert.equal(missing.body.code, 'not_found');
    }
  });

  // ---- admins enter the reference data ------------------------------------------------------------

  it('lets an admin enter a standard (201), change it (200) and retire it; the public routes follow at once', async () => {
    const standard = {
      name_et: 'Tööriistameister, tase 5',
      name_en: 'Toolmaker, level 5',
      estqf_level: 5,
      eqf_level: 5,
      validity_years: 7,
      specialisations: [{ code: 'CNC', name_et: 'CNC-pingid', name_en: null }],
      partial_qualifications: [],
      competences: [{ code: 'T1', name_et: 'Joonise lugemine', name_en: 'Reading drawings' }],
    };
    const created = await put(`/api/v1/admin/standards/${kNewStandard}`, standard);
    assert.equal(created.status, 201, created.text);
    const expected = { code: kNewStandard, ...standard };
    assert.deepEqual(withoutActive(created.body), expected);
    if ('active' in created.body) assert.equal(created.body.active, true, 'active unless said otherwise');
    const read = await get(`/api/v1/public/standards/${kNewStandard}`);
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body, expected);

    const changed = await put(`/api/v1/admin/standards/${kNewStandard}`, { ...standard, name_et: 'Tööriistameister, tase 5 (2026)', validity_years: null });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.name_et, 'Tööriistameister, tase 5 (2026)');
    assert.equal(changed.body.validity_years, null);
    const again = await get(`/api/v1/public/standards/${kNewStandard}`);
    assert.equal(again.body.name_et, 'Tööriistameister, tase 5 (2026)');
    assert.equal(again.body.validity_years, null);

    // A body may award it once an admin gives the right; a certificate of it is open-ended now.
    const withRight = await put(`/api/v1/admin/awarding-bodies/${kNewBody}`, {
      name: 'Tööriistameistrite Selts',
      rights: [{ standard_code: kNewStandard, valid_from: '2024-01-01' }],
    });
    assert.ok([200, 201].includes(withRight.status), withRight.text);
    const issued = await recordCertificateOk(
      gw,
      certificateBody({ holder_personal_code: kIssuedHolder, standard_code: kNewStandard, specialisation: 'CNC', competences: ['T1'], valid_until: undefined }),
      { bodyId: kNewBody, clerk: clerkOf(kNewBody) },
    );
    assert.equal(issued.standard_name, 'Tööriistameister, tase 5 (2026)');
    assert.equal(issued.level, 5);
    assert.equal(issued.specialisation, 'CNC-pingid');
    assert.deepEqual(issued.competences, ['Joonise lugemine']);
    assert.equal(issued.valid_until, null, 'open-ended: the standard has no validity period now');

    const retired = await put(`/api/v1/admin/standards/${kNewStandard}`, { ...standard, active: false });
    assert.equal(retired.status, 200, retired.text);
    if ('active' in retired.body) assert.equal(retired.body.active, false);
    assert.equal((await get(`/api/v1/public/standards/${kNewStandard}`)).status, 404, 'an inactive standard is no longer public');
    const list = await get('/api/v1/public/standards');
    assert.ok(!list.body.items.some((s) => s.code === kNewStandard), 'nor listed');
    await refusedFor(
      certificateBody({ standard_code: kNewStandard, valid_until: undefined }),
      { bodyId: kNewBody, clerk: clerkOf(kNewBody) },
      ['/standard_code'],
    );
    // The certificate issued before keeps what it was issued with.
    const mine = await get('/api/v1/me/certificates', { personal_code: kIssuedHolder, roles: [] });
    const kept = mine.body.valid.find((c) => c.number === issued.number);
    assert.equal(kept?.standard_name, 'Tööriistameister, tase 5 (2026)', mine.text);
  });

  it('refuses a malformed standard field by field', async () => {
    const path = '/api/v1/admin/standards/E2E-BAD-1';
    for (const [body, expected] of [
      [{}, ['/eqf_level', '/estqf_level', '/name_et']],
      [{ name_et: '', estqf_level: 9, eqf_level: 0, validity_years: 0 }, ['/eqf_level', '/estqf_level', '/name_et', '/validity_years']],
      [{ name_et: 'Proov', estqf_level: 4, eqf_level: 4, colour: 'blue' }, ['/colour']],
      [{ name_et: 'Proov', estqf_level: 4, eqf_level: 4, validity_years: 21, active: 'yes' }, ['/active', '/validity_years']],
      [
        {
          name_et: 'Proov',
          estqf_level: 4,
          eqf_level: 4,
          competences: [{ code: 'K1', name_et: 'Üks' }, { code: 'K1', name_et: 'Kaks' }, { name_et: 'Koodita' }],
        },
        ['/competences/1/code', '/competences/2/code'],
      ],
      [{ name_et: 'Proov', estqf_level: 4, eqf_level: 4, specialisations: 'MAG' }, ['/specialisations']],
    ]) {
      const answer = await put(path, body);
      assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
      assert.equal(answer.body.code, 'validation_failed');
      assert.deepEqual(pointers(answer), expected, `${JSON.stringify(body)}: ${answer.text}`);
    }
    const good = { name_et: 'Proov', estqf_level: 4, eqf_level: 4 };
    for (const code of ['-KEEVITAJA', `A${'x'.repeat(40)}`, 'Ä-1']) {
      const answer = await put(`/api/v1/admin/standards/${encodeURIComponent(code)}`, good);
      assert.equal(answer.status, 422, `code ${code}: ${answer.text}`);
      assert.deepEqual(pointers(answer), ['/code'], `code ${code}: ${answer.text}`);
    }
    assert.equal((await get('/api/v1/public/standards/E2E-BAD-1')).status, 404, 'nothing was entered');
    assert.equal(await cluster.sqlNumber("SELECT count(*) FROM certificate.occupational_standards WHERE code LIKE 'E2E-BAD%' OR code LIKE '-%'"), 0);
  });

  it('lets an admin enter an awarding body (201) and replace its rights (200); the body then issues by its new rights', async () => {
    const body = {
      name: 'Kokkade Kutseühing',
      email: 'info@kokad.ee',
      phone: '+372 600 3333',
      address: 'Köögi 3, 10133 Tallinn',
      website: 'https://www.kokad.ee',
      rights: [
        { standard_code: 'KOKK-3', valid_from: '2024-01-01' },
        { standard_code: 'KOKK-2', valid_from: '2019-01-01', valid_until: '2023-12-31' },
      ],
    };
    const kBody = '80044444';
    const created = await put(`/api/v1/admin/awarding-bodies/${kBody}`, body);
    assert.equal(created.status, 201, created.text);
    const expected = {
      registry_code: kBody,
      name: body.name,
      email: body.email,
      phone: body.phone,
      address: body.address,
      website: body.website,
      rights: [
        { standard_code: 'KOKK-2', standard_name: 'Kokk, tase 2', level: 2, valid_from: '2019-01-01', valid_until: '2023-12-31' },
        { standard_code: 'KOKK-3', standard_name: 'Kokk, tase 3', level: 3, valid_from: '2024-01-01', valid_until: null },
      ],
    };
    assert.deepEqual(withoutActive(created.body), expected);
    if ('active' in created.body) assert.equal(created.body.active, true);
    const read = await get(`/api/v1/public/awarding-bodies/${kBody}`);
    assert.equal(read.status, 200, read.text);
    assert.deepEqual(read.body, expected);
    const clerk = clerkOf(kBody);
    const cook = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kIssuedHolder, standard_code: 'KOKK-3' }), { bodyId: kBody, clerk });
    assert.equal(cook.awarding_body_id, kBody);

    // Rights replaced: KOKK-3 goes, PAGAR-4 comes; no contacts any more.
    const replaced = await put(`/api/v1/admin/awarding-bodies/${kBody}`, {
      name: 'Kokkade ja Pagarite Kutseühing',
      rights: [{ standard_code: kBakersStandard, valid_from: '2025-01-01', valid_until: null }],
    });
    assert.equal(replaced.status, 200, replaced.text);
    assert.deepEqual(withoutActive(replaced.body), {
      registry_code: kBody,
      name: 'Kokkade ja Pagarite Kutseühing',
      email: null,
      phone: null,
      address: null,
      website: null,
      rights: [{ standard_code: kBakersStandard, standard_name: 'Pagar, tase 4', level: 4, valid_from: '2025-01-01', valid_until: null }],
    });
    await refusedFor(certificateBody({ standard_code: 'KOKK-3' }), { bodyId: kBody, clerk }, ['/standard_code']);
    const baker = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kIssuedHolder, standard_code: kBakersStandard }), { bodyId: kBody, clerk });
    assert.equal(baker.standard_name, 'Pagar, tase 4');

    // Inactive: gone from the public routes, and it can issue nothing.
    const closed = await put(`/api/v1/admin/awarding-bodies/${kBody}`, {
      name: 'Kokkade ja Pagarite Kutseühing',
      active: false,
      rights: [{ standard_code: kBakersStandard, valid_from: '2025-01-01' }],
    });
    assert.equal(closed.status, 200, closed.text);
    if ('active' in closed.body) assert.equal(closed.body.active, false);
    assert.equal((await get(`/api/v1/public/awarding-bodies/${kBody}`)).status, 404);
    const list = await get('/api/v1/public/awarding-bodies');
    assert.ok(!list.body.items.some((b) => b.registry_code === kBody));
    await refusedFor(certificateBody({ standard_code: kBakersStandard }), { bodyId: kBody, clerk }, ['/standard_code']);
  });

  it('refuses a malformed awarding body field by field, and a registry code that is not 8 digits (422 at /registry_code)', async () => {
    const path = '/api/v1/admin/awarding-bodies/80055555';
    for (const [body, expected] of [
      [{ rights: [] }, ['/name']],
      [{ name: 'Proov', rights: [{ standard_code: 'POLE-SELLIST', valid_from: '2024-01-01' }] }, ['/rights/0/standard_code']],
      [
        { name: 'Proov', rights: [{ standard_code: 'KOKK-3', valid_from: '2024-01-01' }, { standard_code: 'KOKK-4', valid_from: '2024-02-01', valid_until: '2024-01-31' }] },
        ['/rights/1/valid_until'],
      ],
      [{ name: 'Proov', rights: [{ standard_code: 'KOKK-3' }] }, ['/rights/0/valid_from']],
      [{ name: 'Proov', rights: [], colour: 'blue' }, ['/colour']],
      [{ name: '', rights: [], active: 'no' }, ['/active', '/name']],
    ]) {
      const answer = await put(path, body);
      assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
      assert.equal(answer.body.code, 'validation_failed');
      assert.deepEqual(pointers(answer), expected, `${JSON.stringify(body)}: ${answer.text}`);
    }
    for (const code of ['8005555', '800555555', '8005555x']) {
      const answer = await put(`/api/v1/admin/awarding-bodies/${code}`, { name: 'Proov', rights: [] });
      assert.equal(answer.status, 422, `registry code ${code}: ${answer.text}`);
      assert.deepEqual(pointers(answer), ['/registry_code'], `registry code ${code}: ${answer.text}`);
    }
    assert.equal((await get('/api/v1/public/awarding-bodies/80055555')).status, 404, 'nothing was entered');
  });

  it('keeps the reference data to admins: 401 anonymous, 403 for clerks and holders', async () => {
    const standard = { name_et: 'Keelatud, tase 2', estqf_level: 2, eqf_level: 2 };
    const body = { name: 'Keelatud', rights: [] };
    for (const [path, payload] of [
      ['/api/v1/admin/standards/E2E-FORBIDDEN', standard],
      ['/api/v1/admin/awarding-bodies/80066666', body],
      [`/api/v1/admin/awarding-bodies/${kBodyX}`, body],
      [`/api/v1/admin/standards/${kWelder4.code}`, standard],
    ]) {
      const anonymous = await put(path, payload, null);
      assert.equal(anonymous.status, 401, `${path}: ${anonymous.text}`);
      assert.equal(anonymous.body.code, 'unauthenticated');
      for (const [who, identity] of [['a clerk', kClerk], ['a clerk of Y', kClerkY], ['a holder', kHolderIdentity]]) {
        const answer = await put(path, payload, identity);
        assert.equal(answer.status, 403, `${who} at ${path}: ${answer.text}`);
        assert.equal(answer.body.code, 'forbidden');
      }
    }
    assert.equal((await get('/api/v1/public/standards/E2E-FORBIDDEN')).status, 404);
    assert.equal((await get(`/api/v1/public/standards/${kWelder4.code}`)).body.name_et, 'Keevitaja, tase 4', 'unchanged');
    assert.equal((await get(`/api/v1/public/awarding-bodies/${kBodyX}`)).body.name, 'Eesti Keevitajate Kutseliit', 'unchanged');
  });

  // ---- issuing against the reference data ---------------------------------------------------------

  it('refuses a standard the body may not award, an ended right, an inactive body or standard, and an unknown one', async () => {
    const before = await cluster.sqlNumber('SELECT count(*) FROM certificate.certificates');
    await refusedFor(certificateBody({ standard_code: kBakersStandard }), {}, ['/standard_code']);
    await refusedFor(certificateBody({ standard_code: kRoofersStandard }), {}, ['/standard_code']); // ended 2020, starts again 2031
    await refusedFor(
      certificateBody({ standard_code: kRoofersStandard, decision_date: '2020-12-20', issue_date: '2021-01-01', valid_from: '2021-01-01', valid_until: undefined }),
      {},
      ['/standard_code'],
    ); // the day after the right ended
    await refusedFor(certificateBody({ standard_code: kInactiveStandard }), {}, ['/standard_code']);
    await refusedFor(certificateBody({ standard_code: 'POLE-SELLIST' }), {}, ['/standard_code']);
    await refusedFor(certificateBody({ standard_code: 'not a code!' }), {}, ['/standard_code']);
    await refusedFor(certificateBody(), { bodyId: kClosedBody, clerk: clerkOf(kClosedBody) }, ['/standard_code']); // inactive body
    await refusedFor(certificateBody(), { bodyId: '80099999', clerk: clerkOf('80099999') }, ['/standard_code']); // no such body
    // In a batch: per row.
    const batch = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificate-batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeader(kClerk) },
      body: JSON.stringify({
        certificates: [
          certificateBody({ holder_personal_code: kRefusedHolder }),
          certificateBody({ holder_personal_code: kRefusedHolder, standard_code: kBakersStandard }),
          certificateBody({ holder_personal_code: kRefusedHolder, competences: ['K9'] }),
          certificateBody({ holder_personal_code: kRefusedHolder, standard_code: kInactiveStandard }),
        ],
      }),
    });
    assert.equal(batch.status, 422, batch.text);
    assert.deepEqual(pointers(batch), ['/certificates/1/standard_code', '/certificates/2/competences/0', '/certificates/3/standard_code']);
    assert.equal(await cluster.sqlNumber('SELECT count(*) FROM certificate.certificates'), before, 'nothing was recorded');
    assert.equal(await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificates WHERE holder_personal_code = '${kRefusedHolder}'`), 0);
    // Errors against the reference data are listed together with those of malformed rows: every
    // error of every row at once.
    const mixed = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificate-batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeader(kClerk) },
      body: JSON.stringify({
        certificates: [
          certificateBody({ holder_personal_code: withWrongCheckDigit(kRefusedHolder) }),
          certificateBody({ holder_personal_code: kRefusedHolder, standard_code: kBakersStandard }),
        ],
      }),
    });
    assert.equal(mixed.status, 422, mixed.text);
    assert.deepEqual(pointers(mixed), ['/certificates/0/holder_personal_code', '/certificates/1/standard_code']);
  });

  it('issues by a right that covered the issue date, up to its last day', async () => {
    const lastDay = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kIssuedHolder,
      standard_code: kRoofersStandard,
      decision_date: '2020-12-18',
      decision_number: 'KK-2020/77',
      issue_date: kRoofersRightEnded,
      valid_from: '2021-01-04',
      valid_until: undefined,
    }));
    assert.equal(lastDay.issue_date, kRoofersRightEnded);
    assert.equal(lastDay.decision_date, '2020-12-18');
    assert.equal(lastDay.valid_until, '2026-01-03', 'five years from valid_from, less a day');
    assert.equal(lastDay.standard_name, 'Katusekatja, tase 4');
  });

  it('takes specialisations, partial qualifications and competences only as codes of the standard', async () => {
    const welder = (overrides) => certificateBody({ standard_code: kWelder4.code, ...overrides });
    await refusedFor(welder({ specialisation: 'XYZ' }), {}, ['/specialisation']);
    await refusedFor(certificateBody({ standard_code: 'KOKK-3', specialisation: 'MAG' }), {}, ['/specialisation']);
    await refusedFor(welder({ competences: ['K1', 'K9'] }), {}, ['/competences/1']);
    await refusedFor(welder({ competences: ['K1', 'K1'] }), {}, ['/competences/1']);
    await refusedFor(welder({ competences: 'K1' }), {}, ['/competences']);
    await refusedFor(welder({ competences: Array.from({ length: 101 }, (_, i) => `C${i}`) }), {}, ['/competences']);
    await refusedFor(welder({ certificate_type: 'partial_qualification' }), {}, ['/partial_qualification']);
    await refusedFor(welder({ partial_qualification: 'KEEV-MAG' }), {}, ['/partial_qualification']);
    await refusedFor(welder({ certificate_type: 'initial_qualification', partial_qualification: 'KEEV-MAG' }), {}, ['/partial_qualification']);
    await refusedFor(welder({ certificate_type: 'partial_qualification', partial_qualification: 'KEEV-XYZ' }), {}, ['/partial_qualification']);
    await refusedFor(welder({ certificate_type: 'kutse' }), {}, ['/certificate_type']);
    await refusedFor(welder({ language: 'fi' }), {}, ['/language']);

    const full = await recordCertificateOk(gw, welder({
      holder_personal_code: kIssuedHolder,
      specialisation: 'MAG',
      competences: ['K3', 'K1'],
      language: 'en',
    }));
    assert.equal(full.certificate_type, 'certificate');
    assert.equal(full.specialisation, kWelder4.specialisations.MAG);
    assert.equal(full.partial_qualification, null);
    assert.deepEqual(full.competences, [kWelder4.competences.K3, kWelder4.competences.K1], 'the names, in the order given');
    assert.equal(full.language, 'en');
  });

  it('numbers partial-qualification certificates from their own OK- series, the others from K-', async () => {
    const partial = (holder, code) =>
      certificateBody({ holder_personal_code: holder, certificate_type: 'partial_qualification', partial_qualification: code, competences: ['K2'] });
    const first = await recordCertificateOk(gw, partial(kPartialHolder, 'KEEV-MAG'));
    assert.match(first.number, /^OK-[0-9]{6,}$/);
    assert.equal(first.certificate_type, 'partial_qualification');
    assert.equal(first.partial_qualification, kWelder4.partialQualifications['KEEV-MAG']);
    assert.deepEqual(first.competences, [kWelder4.competences.K2]);
    const normal = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kPartialHolder }));
    assert.match(normal.number, /^K-[0-9]{6,}$/);
    const initial = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kPartialHolder, certificate_type: 'initial_qualification', standard_code: 'KOKK-2' }));
    assert.match(initial.number, /^K-[0-9]{6,}$/, 'initial qualifications are numbered with the certificates');
    assert.equal(initial.certificate_type, 'initial_qualification');
    assert.equal(Number(initial.number.slice(2)), Number(normal.number.slice(2)) + 1, 'the next of the K- series');
    const second = await recordCertificateOk(gw, partial(kPartialHolder, 'KEEV-TIG'));
    assert.equal(Number(second.number.slice(3)), Number(first.number.slice(3)) + 1, 'the next of the OK- series');
    assert.equal(second.partial_qualification, 'TIG-keevitaja');

    // In a batch, each row from its own series, in the order sent.
    const batch = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificate-batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeader(kClerk) },
      body: JSON.stringify({ certificates: [partial(kPartialHolder, 'KEEV-MAG'), certificateBody({ holder_personal_code: kPartialHolder })] }),
    });
    assert.equal(batch.status, 201, batch.text);
    const [batchPartial, batchNormal] = batch.body.certificates;
    assert.equal(batchPartial.number, `OK-${String(Number(second.number.slice(3)) + 1).padStart(6, '0')}`);
    assert.equal(batchNormal.number, `K-${String(Number(initial.number.slice(2)) + 1).padStart(6, '0')}`);

    // The holder sees it without their personal code but with the decision; the public register,
    // once published, without either.
    const holder = { personal_code: kPartialHolder, roles: [] };
    const mine = await get('/api/v1/me/certificates', holder);
    assert.equal(mine.status, 200, mine.text);
    const listed = mine.body.valid.find((c) => c.number === first.number);
    assert.ok(listed, `${first.number} is in My certificates: ${mine.text}`);
    assert.ok(!('holder_personal_code' in listed));
    for (const key of ['certificate_type', 'partial_qualification', 'competences', 'decision_date', 'decision_number', 'issue_date', 'origin']) {
      assert.deepEqual(listed[key], first[key], key);
    }
    const published = await fetchChecked(`${gw}/api/v1/me/certificates/${first.number}/publication`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...identityHeader(holder) },
      body: JSON.stringify({ published: true }),
    });
    assert.equal(published.status, 200, published.text);
    const page = await get(`/api/v1/public/certificates/${first.number}`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.partial_qualification, first.partial_qualification);
    assert.equal(page.body.certificate_type, 'partial_qualification');
    for (const key of ['holder_personal_code', 'decision_date', 'decision_number', 'issued_at', 'status_reason', 'published']) {
      assert.ok(!(key in page.body), `the public page has no ${key}`);
    }
    assert.ok(!page.text.includes(kPartialHolder), 'no personal code anywhere in the public page');
    const found = await get(`/api/v1/public/certificates?number=${first.number}`);
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(found.body.items, [page.body]);

    // Announced like any certificate, by an event that keeps its contract (proto-docs).
    const events = (await cluster.psql(
      `SELECT envelope->'data' FROM certificate.outbox WHERE type = 'certificate.issued.v1' AND envelope->'data'->>'certificate_number' = '${first.number}'`,
    )).trim().split('\n').filter((line) => line !== '');
    assert.equal(events.length, 1, `one certificate.issued.v1 for ${first.number}`);
    const validData = issuedEventData();
    assert.ok(validData(JSON.parse(events[0])), `the event of ${first.number} against proto-docs: ${JSON.stringify(validData.errors)}`);
  });

  it('takes the end of validity from the standard, or none for an open-ended one, and never later', async () => {
    const fixed = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kIssuedHolder, standard_code: 'KEEVITAJA-3', valid_from: '2026-03-01', valid_until: undefined,
    }));
    assert.equal(fixed.valid_until, validityEnd('2026-03-01', 5));
    assert.equal(fixed.valid_until, '2031-02-28');
    assert.equal(fixed.standard_name, 'Keevitaja, tase 3');
    assert.equal(fixed.level, 3);
    assert.equal(fixed.eqf_level, 3);
    assert.equal(fixed.certificate_type, 'certificate');
    assert.equal(fixed.language, 'et', 'Estonian unless said otherwise');
    assert.equal(fixed.issue_date, isoDay(0), 'issued today unless said otherwise');
    assert.equal(fixed.origin, 'issued');
    assert.equal(fixed.historic_level, null);
    assert.equal(fixed.specialisation, null);
    assert.deepEqual(fixed.competences, []);
    assert.deepEqual(
      [fixed.duplicate_of, fixed.duplicate_reason, fixed.corrected_fields, fixed.replaced_by, fixed.status_reason],
      [null, null, null, null, null],
    );
    assert.equal(fixed.published, false);

    const open = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kIssuedHolder, standard_code: kOpenEndedStandard, valid_until: undefined }));
    assert.equal(open.valid_until, null, 'open-ended');
    const openButEnding = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kIssuedHolder, standard_code: kOpenEndedStandard, valid_until: '2045-06-30' }));
    assert.equal(openButEnding.valid_until, '2045-06-30', 'an open-ended standard sets no limit');
    const early = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kIssuedHolder, standard_code: 'KEEVITAJA-3', valid_from: '2026-03-01', valid_until: '2031-02-28',
    }));
    assert.equal(early.valid_until, '2031-02-28', 'the last day the standard allows');
    await refusedFor(certificateBody({ standard_code: 'KEEVITAJA-3', valid_from: '2026-03-01', valid_until: '2031-03-01' }), {}, ['/valid_until']);
    await refusedFor(certificateBody({ valid_from: '2026-03-01', valid_until: '2026-02-28' }), {}, ['/valid_until']);
  });

  it('keeps the decision and issue dates in order: nothing in the future, no issue before the decision', async () => {
    const tomorrow = isoDay(1);
    await refusedFor(certificateBody({ issue_date: tomorrow }), {}, ['/issue_date']);
    await refusedFor(certificateBody({ decision_date: tomorrow }), {}, ['/decision_date']);
    await refusedFor(certificateBody({ decision_date: '2025-12-15', issue_date: '2025-12-14' }), {}, ['/issue_date']);
    await refusedFor(certificateBody({ decision_date: '15.12.2025' }), {}, ['/decision_date']);
    await refusedFor(certificateBody({ issue_date: '2025-02-30' }), {}, ['/issue_date']);
    await refusedFor(certificateBody({ decision_number: '' }), {}, ['/decision_number']);
    await refusedFor(certificateBody({ decision_number: 'x'.repeat(51) }), {}, ['/decision_number']);
    await refusedFor(certificateBody({ decision_date: undefined, decision_number: undefined }), {}, ['/decision_date', '/decision_number']);

    const sameDay = await recordCertificateOk(gw, certificateBody({
      holder_personal_code: kIssuedHolder, decision_date: '2025-12-15', issue_date: '2025-12-15', decision_number: 'x'.repeat(50),
    }));
    assert.equal(sameDay.issue_date, '2025-12-15', 'issued the day of the decision');
    assert.equal(sameDay.decision_number, 'x'.repeat(50));
    const today = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kIssuedHolder, decision_date: isoDay(0), issue_date: isoDay(0) }));
    assert.equal(today.issue_date, isoDay(0));
    assert.equal(await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificates WHERE holder_personal_code = '${kRefusedHolder}'`), 0, 'nothing refused was recorded');
  });
});
