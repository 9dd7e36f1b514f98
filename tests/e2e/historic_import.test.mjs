// e2e.historic_import: entries of the historic register loaded by an admin of the register keeper
// (POST /api/v1/admin/certificate-imports), end to end through the gateway. Entries keep their old
// numbers, levels of the old 5-level scale are mapped to EstQF and kept alongside, a status is
// taken as given or computed; the import is all or nothing with an error per row; importing the same
// file again changes nothing, and a file that contradicts the register is refused as a whole; only
// admins may import; and an import announces nothing (no certificate.issued.v1, no notice), while
// the entries appear in their holders' "My certificates".
//
// Callers are named with the development identity header.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { certificateBody, identityHeader, kClerk, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { kAnne, kJuri, kOie as demoOie } from './lib/demo-people.mjs';
import { personalCodes, withWrongCheckDigit } from './lib/personal-codes.mjs';

const kAdmin = { ...kAnne, roles: ['admin'] };
const kJyri = kJuri.personal_code;
const kOie = demoOie.personal_code;
const [kLevelsHolder, kRefusedHolder] = personalCodes(2, 801);
const kIssuedType = 'certificate.issued.v1';

const pointers = (answer) => (answer.body?.errors ?? []).map((e) => e.pointer).sort();
const holder = (personalCode) => ({ personal_code: personalCode, roles: [] });

// Three entries of the historic register: one of the old 5-level scale (open-ended, so valid), one
// that has expired by itself, one annulled long ago by a body that is not in the reference data.
const kOldScale = {
  number: 'KT-1998/042',
  holder_personal_code: kJyri,
  holder_name: 'Jüri Õunapuu',
  historic_level: 'III',
  standard_name: 'Müürsepp III kvalifikatsioonitase',
  awarding_body_id: '80054321',
  decision_date: '1998-05-12',
  decision_number: '17',
  issue_date: '1998-05-20',
  valid_from: '1998-05-20',
};
const kExpired = {
  number: '2011-0815',
  holder_personal_code: kOie,
  holder_name: 'Õie Šmidt',
  level: 3,
  standard_name: 'Keevitaja, tase 3',
  standard_code: 'KEEVITAJA-3',
  awarding_body_id: '80012345',
  issue_date: '2011-06-30',
  valid_from: '2011-07-01',
  valid_until: '2016-06-30',
  language: 'et',
};
const kAnnulled = {
  number: 'ANN-2015-3',
  holder_personal_code: kOie,
  holder_name: 'Õie Šmidt',
  level: 4,
  standard_name: 'Kokk, tase 4',
  awarding_body_id: '80088888',
  decision_date: '2015-03-02',
  decision_number: 'KT-15/3',
  issue_date: '2015-03-10',
  valid_from: '2015-03-10',
  valid_until: '2020-03-09',
  status: 'annulled',
};
const kFile = [kOldScale, kExpired, kAnnulled];
const kNumbers = kFile.map((row) => row.number);
const sqlList = (values) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

describe('historic import: old entries load once, as they were, announcing nothing', { timeout: 180000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('historic_import', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  function importRows(certificates, identity = kAdmin, { raw } = {}) {
    return fetchChecked(`${gw}/api/v1/admin/certificate-imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(identity ? identityHeader(identity) : {}) },
      body: raw ?? JSON.stringify({ certificates }),
      timeoutMs: 60000,
    });
  }

  /** Every column of the imported entries and of their history, as text: to prove that nothing changed. */
  async function snapshot(numbers = kNumbers) {
    const rows = await cluster.psql(
      `SELECT c::text FROM certificate.certificates c WHERE number IN (${sqlList(numbers)}) ORDER BY number`,
    );
    const history = await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificate_history WHERE number IN (${sqlList(numbers)})`);
    const total = await cluster.sqlNumber('SELECT count(*) FROM certificate.certificates');
    const outbox = await cluster.sqlNumber('SELECT count(*) FROM certificate.outbox');
    return { rows, history, total, outbox };
  }

  async function mine(personalCode) {
    const answer = await fetchChecked(`${gw}/api/v1/me/certificates`, { headers: identityHeader(holder(personalCode)) });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  async function findMine(personalCode, number) {
    const groups = await mine(personalCode);
    for (const group of ['valid', 'no_longer_valid', 'duplicates']) {
      const certificate = groups[group].find((c) => c.number === number);
      if (certificate) return { group, certificate };
    }
    return undefined;
  }

  it('imports three entries as they were: old numbers, the old scale mapped and kept, statuses given or computed', async () => {
    const before = await snapshot();
    assert.equal(before.rows.trim(), '', 'none of the numbers is in the register yet');
    const answer = await importRows(kFile);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body, { imported: 3, unchanged: 0 });
    assert.equal(
      await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificates WHERE origin = 'imported' AND number IN (${sqlList(kNumbers)})`),
      3,
      'three imported entries',
    );

    const oldScale = await findMine(kJyri, kOldScale.number);
    assert.ok(oldScale, `${kOldScale.number} is in Jüri's My certificates`);
    assert.equal(oldScale.group, 'valid', 'open-ended and not annulled: valid');
    const a = oldScale.certificate;
    assert.equal(a.origin, 'imported');
    assert.equal(a.historic_level, 'III', 'the old level is kept as written');
    assert.ok(Number.isInteger(a.level) && a.level >= 1 && a.level <= 8, `the old level is mapped to EstQF (got ${a.level})`);
    assert.equal(a.status, 'valid');
    assert.equal(a.valid_until, null);
    assert.equal(a.standard_code, null, 'no standard of the reference data');
    assert.equal(a.standard_name, kOldScale.standard_name);
    assert.equal(a.holder_name, kOldScale.holder_name);
    assert.equal(a.awarding_body_id, kOldScale.awarding_body_id);
    assert.deepEqual(
      [a.decision_date, a.decision_number, a.issue_date, a.valid_from],
      [kOldScale.decision_date, kOldScale.decision_number, kOldScale.issue_date, kOldScale.valid_from],
    );
    assert.equal(a.certificate_type, 'certificate');
    assert.equal(a.language, 'et');
    assert.equal(a.published, false, 'hidden until the holder publishes it');
    assert.ok(!('holder_personal_code' in a));

    const expired = await findMine(kOie, kExpired.number);
    assert.ok(expired, `${kExpired.number} is in Õie's My certificates`);
    assert.equal(expired.group, 'no_longer_valid');
    assert.equal(expired.certificate.status, 'expired', 'valid_until has passed: expired');
    assert.equal(expired.certificate.level, 3);
    assert.equal(expired.certificate.historic_level, null, 'given on the EstQF scale');
    assert.equal(expired.certificate.standard_code, 'KEEVITAJA-3');
    assert.equal(expired.certificate.valid_until, kExpired.valid_until);
    assert.equal(expired.certificate.origin, 'imported');
    assert.ok(!expired.certificate.actions.includes('stamp'), 'no stamp for an expired certificate');

    const annulled = await findMine(kOie, kAnnulled.number);
    assert.ok(annulled, `${kAnnulled.number} is in Õie's My certificates`);
    assert.equal(annulled.group, 'no_longer_valid');
    assert.equal(annulled.certificate.status, 'annulled', 'the status given');
    assert.equal(annulled.certificate.level, 4);
    assert.equal(annulled.certificate.awarding_body_id, '80088888', 'a body that is not in the reference data');
    assert.equal(annulled.certificate.decision_number, kAnnulled.decision_number);

    // Each holder sees only their own.
    const jyris = await mine(kJyri);
    assert.ok(![...jyris.valid, ...jyris.no_longer_valid].some((c) => [kExpired.number, kAnnulled.number].includes(c.number)));
  });

  it('announces nothing for imported entries: no certificate.issued.v1, no notice', async () => {
    const events = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.outbox WHERE subject IN (${sqlList(kNumbers)}) ` +
        `OR envelope->'data'->>'certificate_number' IN (${sqlList(kNumbers)})`,
    );
    assert.equal(events, 0, 'no event of any type for an imported entry');
    assert.equal(await cluster.sqlNumber(`SELECT count(*) FROM certificate.outbox WHERE type = '${kIssuedType}'`), 0, 'nothing was issued yet');
    // A certificate issued now: once its notice is there, anything the import had announced would be too.
    const sentinel = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kOie }));
    await waitFor(`the notice of ${sentinel.number}`, async () => {
      const page = await listNotices(gw, kOie);
      return page.body.items.some((n) => n.certificate_number === sentinel.number);
    }, { timeoutMs: 15000 });
    for (const personalCode of [kOie, kJyri]) {
      const page = await listNotices(gw, personalCode, { limit: 100 });
      assert.equal(page.status, 200, page.text);
      const about = page.body.items.filter((n) => kNumbers.includes(n.certificate_number));
      assert.deepEqual(about, [], `no notice for an imported entry (${personalCode})`);
    }
    assert.equal(
      await cluster.sqlNumber(`SELECT count(*) FROM notification.notices WHERE certificate_number IN (${sqlList(kNumbers)})`),
      0,
    );
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const again = await importRows(kFile);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body, { imported: 0, unchanged: 3 });
    assert.deepEqual(await snapshot(), before, 'every column of every entry, the history and the outbox as they were');
    // In another order, too.
    const reordered = await importRows([kAnnulled, kOldScale, kExpired]);
    assert.equal(reordered.status, 200, reordered.text);
    assert.deepEqual(reordered.body, { imported: 0, unchanged: 3 });
    assert.deepEqual(await snapshot(), before);
  });

  it('refuses a file that contradicts the register as a whole, naming the row', async () => {
    const newRow = { ...kExpired, number: 'NEW-2012-1', holder_personal_code: kRefusedHolder, holder_name: 'Uus Isik' };
    const numbers = [...kNumbers, newRow.number];
    const before = await snapshot(numbers);
    for (const [what, row] of [
      ['another name', { ...kExpired, holder_name: 'Õie Kask' }],
      ['another holder', { ...kExpired, holder_personal_code: kRefusedHolder }],
      ['another level', { ...kExpired, level: 4 }],
      ['another end', { ...kExpired, valid_until: '2016-07-01' }],
      ['another status', { ...kExpired, status: 'annulled' }],
    ]) {
      const answer = await importRows([newRow, row, kOldScale]);
      assert.equal(answer.status, 422, `${what}: ${answer.text}`);
      assert.equal(answer.body.code, 'validation_failed');
      const found = pointers(answer);
      assert.ok(found.length >= 1 && found.every((p) => p === '/certificates/1' || p.startsWith('/certificates/1/')), `${what}: the error is row 1's: ${answer.text}`);
    }
    const twice = await importRows([newRow, newRow]);
    assert.equal(twice.status, 422, `the same number twice in one file: ${twice.text}`);
    assert.ok(pointers(twice).length >= 1 && pointers(twice).every((p) => p.startsWith('/certificates/1')), twice.text);
    assert.deepEqual(await snapshot(numbers), before, 'nothing was imported, nothing changed');
    assert.equal(await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificates WHERE number = '${newRow.number}'`), 0);

    // A number the register issued itself is taken as well.
    const issued = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kRefusedHolder }));
    const clash = await importRows([newRow, { ...kExpired, number: issued.number, holder_personal_code: kRefusedHolder }]);
    assert.equal(clash.status, 422, clash.text);
    assert.ok(pointers(clash).every((p) => p.startsWith('/certificates/1')), clash.text);
    assert.equal(await cluster.sqlNumber(`SELECT count(*) FROM certificate.certificates WHERE number = '${newRow.number}'`), 0);
  });

  it('refuses rows that break the rules, every error with its row, and imports none of them', async () => {
    const good = { ...kExpired, number: 'GOOD-1', holder_personal_code: kRefusedHolder };
    const { level: _level, ...noLevel } = good;
    const { standard_name: _name, ...noName } = good;
    const rows = [
      good,
      { ...good, number: 'BAD-1', level: 9 },
      { ...noLevel, number: 'BAD-2', historic_level: 'VI' },
      { ...good, number: 'BAD-3', standard_code: 'not a code!' },
      { ...good, number: '' },
      { ...good, number: 'X'.repeat(33) },
      { ...good, number: 'BAD-6', holder_personal_code: withWrongCheckDigit(kRefusedHolder) },
      { ...good, number: 'BAD-7', awarding_body_id: '123' },
      { ...good, number: 'BAD-8', status: 'lost' },
      { ...noName, number: 'BAD-9' },
      { ...good, number: 'BAD-10', valid_from: '2016-07-01', valid_until: '2016-06-30' },
      { ...good, number: 'BAD-11', colour: 'blue' },
      { ...good, number: 'BAD-12', issue_date: '30.06.2011' },
    ];
    const before = await snapshot(['GOOD-1']);
    const answer = await importRows(rows);
    assert.equal(answer.status, 422, answer.text);
    assert.equal(answer.body.code, 'validation_failed');
    assert.deepEqual(pointers(answer), [
      '/certificates/1/level',
      '/certificates/10/valid_until',
      '/certificates/11/colour',
      '/certificates/12/issue_date',
      '/certificates/2/historic_level',
      '/certificates/3/standard_code',
      '/certificates/4/number',
      '/certificates/5/number',
      '/certificates/6/holder_personal_code',
      '/certificates/7/awarding_body_id',
      '/certificates/8/status',
      '/certificates/9/standard_name',
    ]);
    assert.deepEqual(await snapshot(['GOOD-1']), before, 'not even the good row was imported');
  });

  it('refuses a standard that is not in the reference data, a level on neither or on disagreeing scales, and a file without a list', async () => {
    const good = { ...kExpired, number: 'GOOD-1', holder_personal_code: kRefusedHolder };
    const { level: _level, ...noLevel } = good;
    const before = await snapshot(['GOOD-1']);
    // A standard that is not in the reference data (alone here; beside a malformed row at the end).
    const unknownStandard = { ...good, number: 'BAD-15', standard_code: 'POLE-SELLIST' };
    const alone = await importRows([good, unknownStandard]);
    assert.equal(alone.status, 422, alone.text);
    assert.deepEqual(pointers(alone), ['/certificates/1/standard_code']);
    // A level on neither scale, or on both scales disagreeing: the row is named (the member may be either).
    for (const row of [{ ...noLevel, number: 'BAD-13' }, { ...good, number: 'BAD-14', level: 8, historic_level: 'I' }]) {
      const refused = await importRows([good, row]);
      assert.equal(refused.status, 422, `${JSON.stringify(row)}: ${refused.text}`);
      assert.ok(pointers(refused).length >= 1 && pointers(refused).every((p) => p.startsWith('/certificates/1')), refused.text);
    }
    for (const [what, body] of [
      ['an empty list', JSON.stringify({ certificates: [] })],
      ['no list', JSON.stringify({})],
      ['not a list', JSON.stringify({ certificates: good })],
    ]) {
      const refused = await importRows(null, kAdmin, { raw: body });
      assert.equal(refused.status, 422, `${what}: ${refused.text}`);
      assert.deepEqual(pointers(refused), ['/certificates'], what);
    }
    const malformed = await importRows(null, kAdmin, { raw: '{"certificates": [' });
    assert.equal(malformed.status, 400, malformed.text);
    assert.equal(malformed.body.code, 'malformed_json');
    assert.deepEqual(await snapshot(['GOOD-1']), before, 'not even the good row was imported');
    const mixed = await importRows([{ ...good, number: 'BAD-16', level: 9 }, unknownStandard]);
    assert.equal(mixed.status, 422, mixed.text);
    assert.deepEqual(pointers(mixed), ['/certificates/0/level', '/certificates/1/standard_code'], 'every error of every row at once');
  });

  it('maps every level of the old scale to an EstQF level, in order', async () => {
    const scale = ['I', 'II', 'III', 'IV', 'V'];
    const rows = scale.map((historicLevel, i) => ({
      number: `HL-${historicLevel}`,
      holder_personal_code: kLevelsHolder,
      holder_name: 'Vana Skaala',
      historic_level: historicLevel,
      standard_name: `Lukksepp ${historicLevel} kvalifikatsioonitase`,
      awarding_body_id: '80012345',
      issue_date: `199${i}-06-15`,
      valid_from: `199${i}-06-15`,
      valid_until: `199${i + 5}-06-14`,
    }));
    const answer = await importRows(rows);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body, { imported: 5, unchanged: 0 });
    const groups = await mine(kLevelsHolder);
    assert.equal(groups.valid.length, 0);
    const byNumber = Object.fromEntries(groups.no_longer_valid.map((c) => [c.number, c]));
    const levels = scale.map((historicLevel) => {
      const certificate = byNumber[`HL-${historicLevel}`];
      assert.ok(certificate, `HL-${historicLevel} is listed`);
      assert.equal(certificate.historic_level, historicLevel);
      assert.equal(certificate.status, 'expired');
      assert.ok(Number.isInteger(certificate.level) && certificate.level >= 1 && certificate.level <= 8, `${historicLevel} -> ${certificate.level}`);
      return certificate.level;
    });
    for (let i = 1; i < levels.length; i += 1) {
      assert.ok(levels[i] > levels[i - 1], `a higher old level maps higher: ${scale.map((l, j) => `${l}->${levels[j]}`).join(', ')}`);
    }
  });

  it('lets an imported entry be published and read in the public register like any other', async () => {
    const published = await fetchChecked(`${gw}/api/v1/me/certificates/${encodeURIComponent(kExpired.number)}/publication`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...identityHeader(holder(kOie)) },
      body: JSON.stringify({ published: true }),
    });
    assert.equal(published.status, 200, published.text);
    assert.equal(published.body.published, true);
    const page = await fetchChecked(`${gw}/api/v1/public/certificates/${encodeURIComponent(kExpired.number)}`);
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.number, kExpired.number);
    assert.equal(page.body.status, 'expired');
    assert.equal(page.body.standard_name, kExpired.standard_name);
    assert.ok(!page.text.includes(kOie), 'no personal code');
    const found = await fetchChecked(`${gw}/api/v1/public/certificates?number=${encodeURIComponent(kExpired.number)}`);
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(found.body.items, [page.body]);
  });

  it('lets only admins import: 401 anonymous, 403 for clerks and holders', async () => {
    const row = { ...kExpired, number: 'FORBIDDEN-1', holder_personal_code: kRefusedHolder };
    const anonymous = await importRows([row], null);
    assert.equal(anonymous.status, 401, anonymous.text);
    assert.equal(anonymous.body.code, 'unauthenticated');
    for (const [who, identity] of [['a clerk', kClerk], ['a holder', holder(kRefusedHolder)]]) {
      const answer = await importRows([row], identity);
      assert.equal(answer.status, 403, `${who}: ${answer.text}`);
      assert.equal(answer.body.code, 'forbidden');
    }
    assert.equal(await cluster.sqlNumber("SELECT count(*) FROM certificate.certificates WHERE number = 'FORBIDDEN-1'"), 0);
  });
});
