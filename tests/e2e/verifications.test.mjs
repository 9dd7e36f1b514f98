// e2e.verifications: what happens to a digital stamp after it is handed out (issue 12 items 4-5).
// The holder lists their stamps, newest first by keyset pages, and withdraws a stamp's online
// verification link (idempotent; someone else's stamp is a 404 like an unknown one). Anyone checks
// a stamp by the code of its QR link or by uploading the sealed PDF: the seal and the certificate's
// status today come apart (a certificate invalidated after stamping: seal valid, certificate
// invalidated), a withdrawn or unknown code is the same 404, a changed byte breaks the seal, a PDF
// re-signed with another key (openssl cms) is not the register's seal, an ASiC-E container is
// checked like the PDF (and one byte of the PDF inside it breaks its seal), and the upload's limits
// answer 413, 415 and 422.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificateOk } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { storedZip } from './lib/stored-zip.mjs';

const [kAnu, kBert] = personalCodes(2, 1301).map((personal_code, i) => ({ personal_code, name: ['Anu Õunapuu', 'Bert Šmidt'][i] }));

describe('verifications: the holder\'s stamps, their withdrawal and the public\'s check', { timeout: 240000 }, () => {
  let cluster;
  let gw;

  // B-B (no TSA, no OCSP responder) while the sealers make B-B bytes: the records' level is the
  // sealers'. Once their LT parts are in, this suite runs with the trust services and says B-LT.
  withStartedCluster('verifications', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  }, { trustServices: false });

  const issue = async (holder) =>
    (await recordCertificateOk(gw, certificateBody({ holder_personal_code: holder.personal_code, holder_name: holder.name }))).number;
  const call = (method, path, { identity, json, headers = {}, body } = {}) =>
    fetchChecked(`${gw}${path}`, {
      method,
      headers: { ...(identity ? identityHeader(identity) : {}), ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
      body: json ? JSON.stringify(json) : body,
    });
  const stamp = async (holder, number, language = 'et', format = 'pdf') => {
    const answer = await call('POST', `/api/v1/me/certificates/${number}/stamps`, { identity: holder, json: { format, language } });
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    return Buffer.from(answer.bytes);
  };
  const listAll = async (holder, limit) => {
    const pages = [];
    let cursor = null;
    do {
      const query = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', `/api/v1/me/stamps${query}`, { identity: holder });
      assert.equal(page.status, 200, page.text);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      pages.push(page.body.items);
      cursor = page.body.next_cursor;
    } while (cursor && pages.length < 10);
    return pages;
  };
  const withdraw = (holder, reference) => call('POST', `/api/v1/me/stamps/${encodeURIComponent(reference)}/withdrawal`, { identity: holder });

  it('lists the holder\'s stamps newest first, page by page, each with its verification link', async () => {
    const first = await issue(kAnu);
    const second = await issue(kAnu);
    await stamp(kAnu, first, 'et');
    await stamp(kAnu, first, 'en');
    await stamp(kAnu, second, 'et');
    await stamp(kBert, await issue(kBert));

    const pages = await listAll(kAnu, 2);
    assert.deepEqual(pages.map((items) => items.length), [2, 1]);
    const items = pages.flat();
    assert.deepEqual(items.map((s) => [s.certificate_number, s.language]), [[second, 'et'], [first, 'en'], [first, 'et']]);
    const rows = (await cluster.psql(`SELECT id::text || '|' || verification_code FROM stamping.stamps WHERE holder_personal_code = '${kAnu.personal_code}' ORDER BY seq DESC`))
      .trim().split('\n').map((line) => line.split('|'));
    assert.deepEqual(items.map((s) => s.id), rows.map(([id]) => id));
    assert.deepEqual(items.map((s) => s.verification_url), rows.map(([, code]) => `${gw}/verify/${code}`));
    for (const item of items) {
      assert.deepEqual({ format: item.format, level: item.level, withdrawn: item.withdrawn, withdrawn_at: item.withdrawn_at },
        { format: 'pdf', level: 'B-B', withdrawn: false, withdrawn_at: null });
    }
    // Nobody sees another's stamps, and no page holds a personal code.
    const berts = (await listAll(kBert, 20)).flat();
    assert.equal(berts.length, 1);
    assert.ok(!JSON.stringify(pages).includes(kAnu.personal_code));
  });

  it('withdraws a stamp\'s link by id or by code, once; someone else\'s or an unknown one is a 404', async () => {
    const number = await issue(kAnu);
    await stamp(kAnu, number);
    const [latest] = (await listAll(kAnu, 1))[0];
    const code = latest.verification_url.split('/verify/')[1];

    for (const [holder, reference] of [[kBert, latest.id], [kBert, code], [kAnu, '00000000-0000-4000-8000-000000000000'], [kAnu, 'A'.repeat(24)], [kAnu, 'ei-ole~kood']]) {
      const refused = await withdraw(holder, reference);
      assert.equal(refused.status, 404, refused.text);
      assert.match(refused.headers.get('content-type'), /^application\/problem\+json/);
    }
    assert.equal((await cluster.psql(`SELECT withdrawn_at IS NULL FROM stamping.stamps WHERE id = '${latest.id}'`)).trim(), 't');

    const withdrawn = await withdraw(kAnu, latest.id);
    assert.equal(withdrawn.status, 200, withdrawn.text);
    assert.equal(withdrawn.body.id, latest.id);
    assert.equal(withdrawn.body.withdrawn, true);
    assert.ok(Date.parse(withdrawn.body.withdrawn_at) >= Date.parse(latest.created_at));
    // Again, now by the code: the same answer, the first time kept.
    const again = await withdraw(kAnu, code);
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body, withdrawn.body);
    const [listed] = (await listAll(kAnu, 1))[0];
    assert.deepEqual(listed, withdrawn.body);
  });

  const codeOf = (item) => item.verification_url.split('/verify/')[1];
  const latestStamp = async (holder) => (await listAll(holder, 1))[0][0];
  const verifyCode = (code, headers = {}) => call('GET', `/api/v1/public/verifications/${code}`, { headers });
  const verifyFile = (bytes, type = 'application/pdf') => call('POST', '/api/v1/public/verifications', { headers: { 'content-type': type }, body: bytes });

  it('by code: the seal stands and the certificate\'s status today comes apart from it', async () => {
    const number = await issue(kAnu);
    await stamp(kAnu, number, 'en');
    const code = codeOf(await latestStamp(kAnu));
    // The holder never published it: the public register does not show it, the verification does.
    assert.equal((await call('GET', `/api/v1/public/certificates/${number}`)).status, 404);

    const valid = await verifyCode(code);
    assert.equal(valid.status, 200, valid.text);
    assert.equal(valid.headers.get('cache-control'), 'no-store');
    assert.equal(valid.body.seal_valid, true);
    assert.equal(valid.body.certificate_status, 'valid');
    assert.equal(valid.body.seal, null);
    assert.deepEqual({ ...valid.body.stamp, created_at: undefined }, { format: 'pdf', language: 'en', level: 'B-B', created_at: undefined });
    assert.equal(valid.body.certificate.number, number);
    assert.equal(valid.body.certificate.holder_name, kAnu.name);
    assert.equal(valid.body.certificate.status_today, 'valid');
    assert.ok(!valid.text.includes(kAnu.personal_code), 'no personal code in a public answer');

    const invalidated = await call('POST', `/api/v1/bodies/${kBodyId}/certificates/${number}/invalidation`,
      { identity: kClerk, json: { reason: 'Kutsekomisjoni otsus' } });
    assert.equal(invalidated.status, 200, invalidated.text);
    const after = await verifyCode(code);
    assert.equal(after.status, 200, after.text);
    assert.equal(after.body.seal_valid, true);
    assert.equal(after.body.certificate_status, 'invalidated');
    assert.equal(after.body.certificate.status_today, 'invalidated');
  });

  it('by code: a withdrawn, an unknown and a malformed code are the same 404, never echoing the code', async () => {
    const number = await issue(kAnu);
    await stamp(kAnu, number);
    const item = await latestStamp(kAnu);
    assert.equal((await verifyCode(codeOf(item))).status, 200);
    assert.equal((await withdraw(kAnu, item.id)).status, 200);
    const answers = [];
    for (const code of [codeOf(item), 'AAAAAAAAAAAAAAAAAAAAAAAA', 'kood~mis~ei~sobi']) {
      const answer = await verifyCode(code, { 'accept-language': 'en' });
      assert.equal(answer.status, 404, answer.text);
      assert.ok(!answer.body.detail.includes(code));
      answers.push([answer.body.code, answer.body.title, answer.body.detail]);
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
  });

  it('by code: 503 with Retry-After while the register cannot be asked', async () => {
    const number = await issue(kAnu);
    await stamp(kAnu, number);
    const code = codeOf(await latestStamp(kAnu));
    await cluster.stop('certificate');
    try {
      const answer = await verifyCode(code);
      assert.equal(answer.status, 503, answer.text);
      assert.ok(answer.headers.get('retry-after'));
    } finally {
      await cluster.startAndWait('certificate');
    }
    assert.equal((await verifyCode(code)).status, 200);
  });

  const saved = (name, bytes) => {
    const file = path.join(cluster.logDir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  // The sealed file with another signature in /Contents: the same signed bytes, signed with a
  // self-signed certificate of someone else's (openssl cms, CAdES, detached).
  function resigned(sealed) {
    const match = sealed.toString('latin1').match(/\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g).at(-1)
      .match(/(\d+)\s+(\d+)\s+(\d+)\s*\]$/);
    const [a, b, c] = match.slice(1, 4).map(Number);
    const covered = Buffer.concat([sealed.subarray(0, a), sealed.subarray(b, b + c)]);
    const dir = fs.mkdtempSync(path.join(cluster.logDir, 'foreign-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      '-days', '30', '-subj', '/C=EE/O=Võltsija OÜ/CN=Not the register'], { stdio: 'ignore' });
    execFileSync('openssl', ['cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-outform', 'DER', '-signer', path.join(dir, 'cert.pem'),
      '-inkey', path.join(dir, 'key.pem'), '-in', saved('covered.bin', covered), '-out', path.join(dir, 'cms.der')]);
    const hex = fs.readFileSync(path.join(dir, 'cms.der')).toString('hex');
    const room = b - a - 2;
    assert.ok(hex.length <= room);
    const forged = Buffer.from(sealed);
    forged.write(hex.padEnd(room, '0'), a + 1, 'latin1');
    return forged;
  }

  it('by upload: a fresh stamp is valid, one changed byte is not intact, another key is not the register\'s seal', async () => {
    const number = await issue(kAnu);
    const sealed = await stamp(kAnu, number, 'et');

    const valid = await verifyFile(sealed);
    assert.equal(valid.status, 200, valid.text);
    assert.equal(valid.headers.get('cache-control'), 'no-store');
    assert.equal(valid.body.seal_valid, true);
    assert.equal(valid.body.certificate_status, 'valid');
    assert.deepEqual({ ...valid.body.seal, signed_at: undefined },
      { form: 'pades', intact: true, defect: null, register_seal: true, signer: valid.body.seal.signer, signed_at: undefined, level: 'B-B' });
    assert.match(valid.body.seal.signer, /CN=SA Kutsekoda e-seal \(development\)/);
    assert.ok(Math.abs(Date.parse(valid.body.seal.signed_at) - Date.parse(valid.body.stamp.created_at)) < 1000);
    assert.equal(valid.body.certificate.number, number);
    assert.equal(valid.body.certificate.qualification_name.length > 0, true);
    assert.ok(!valid.text.includes(kAnu.personal_code));

    const tampered = Buffer.from(sealed);
    const at = tampered.indexOf('/Producer');
    tampered[at + 1] = 'p'.charCodeAt(0);
    const broken = await verifyFile(tampered);
    assert.equal(broken.status, 200, broken.text);
    assert.deepEqual([broken.body.seal_valid, broken.body.seal.intact, broken.body.seal.defect, broken.body.certificate],
      [false, false, 'digest_mismatch', null]);

    const forged = resigned(sealed);
    const foreign = await verifyFile(forged);
    assert.equal(foreign.status, 200, foreign.text);
    assert.deepEqual([foreign.body.seal_valid, foreign.body.seal.intact, foreign.body.seal.register_seal, foreign.body.stamp, foreign.body.certificate],
      [false, true, false, null, null]);
    assert.match(foreign.body.seal.signer, /Not the register/);

    // The rendering before the seal's update is a PDF with no seal at all.
    const unsealed = sealed.subarray(0, sealed.indexOf('%%EOF') + 6);
    const none = await verifyFile(unsealed);
    assert.equal(none.status, 200, none.text);
    assert.deepEqual([none.body.seal_valid, none.body.seal.intact, none.body.seal.defect], [false, false, 'no_signature']);
  });

  it('by upload: an ASiC-E container is checked like the PDF, and the PDF changed inside it breaks the seal', async () => {
    const number = await issue(kBert);
    const container = await stamp(kBert, number, 'en', 'asice');
    const answer = await verifyFile(container, 'application/vnd.etsi.asic-e+zip');
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.seal_valid, true);
    assert.deepEqual([answer.body.seal.form, answer.body.seal.intact, answer.body.seal.register_seal, answer.body.seal.level],
      ['asice', true, true, 'B-B']);
    assert.equal(answer.body.stamp.format, 'asice');
    assert.equal(answer.body.certificate.number, number);
    assert.equal(answer.body.certificate_status, 'valid');
    assert.ok(!answer.text.includes(kBert.personal_code));

    // Repacked as it is (every entry stored), the seal stands; with one byte of the PDF changed, not.
    const folder = path.join(cluster.logDir, 'asice-upload');
    fs.rmSync(folder, { recursive: true, force: true });
    execFileSync('unzip', ['-q', '-d', folder, saved('upload.asice', container)]);
    const names = execFileSync('zipinfo', ['-1', path.join(cluster.logDir, 'upload.asice')], { encoding: 'utf8' }).trim().split('\n');
    const entries = names.map((name) => ({ name, bytes: fs.readFileSync(path.join(folder, name)) }));
    const repacked = await verifyFile(storedZip(entries), 'application/vnd.etsi.asic-e+zip');
    assert.equal(repacked.status, 200, repacked.text);
    assert.equal(repacked.body.seal_valid, true, repacked.text);
    const pdf = entries.find((entry) => entry.name.endsWith('.pdf'));
    pdf.bytes = Buffer.from(pdf.bytes);
    const at = pdf.bytes.indexOf('/Producer');
    pdf.bytes[at + 1] = 'p'.charCodeAt(0);
    const broken = await verifyFile(storedZip(entries), 'application/vnd.etsi.asic-e+zip');
    assert.equal(broken.status, 200, broken.text);
    assert.deepEqual([broken.body.seal_valid, broken.body.seal.intact, broken.body.seal.defect, broken.body.certificate],
      [false, false, 'digest_mismatch', null]);

    // A container declared as a PDF, or a plain ZIP declared as a container: the bytes decide.
    assert.equal((await verifyFile(container, 'application/pdf')).status, 415);
    const plain = storedZip([{ name: 'readme.txt', bytes: Buffer.from('not a container') }]);
    assert.equal((await verifyFile(plain, 'application/vnd.etsi.asic-e+zip')).status, 415);
  });

  it('by upload: a withdrawn stamp\'s file is still an intact seal, but the register shows no record', async () => {
    const number = await issue(kAnu);
    const sealed = await stamp(kAnu, number);
    assert.equal((await withdraw(kAnu, (await latestStamp(kAnu)).id)).status, 200);
    const answer = await verifyFile(sealed);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual([answer.body.seal_valid, answer.body.stamp, answer.body.certificate, answer.body.certificate_status], [true, null, null, null]);
  });

  it('by upload: not a PDF is 415, too large 413, a PDF that cannot be checked 422', async () => {
    const text = await verifyFile(Buffer.from('just some text, not a PDF at all\n'.repeat(20)));
    assert.equal(text.status, 415, text.text);
    const declared = await verifyFile(await stamp(kAnu, await issue(kAnu)), 'text/plain');
    assert.equal(declared.status, 415, declared.text);
    const huge = Buffer.alloc(15 * 1024 * 1024 + 1, 0x20);
    huge.write('%PDF-1.7\n', 0, 'latin1');
    const large = await verifyFile(huge);
    assert.equal(large.status, 413, large.text);
    const garbage = await verifyFile(Buffer.from('%PDF-1.7\n1 0 obj <</Contents <zz> /ByteRange [0 5 9 0]>>\n%%EOF\n'), 'application/pdf');
    assert.equal(garbage.status, 422, garbage.text);
    assert.equal(garbage.body.code, 'validation_failed');
    const empty = await verifyFile(Buffer.alloc(0));
    assert.ok([415, 422].includes(empty.status), empty.text);
  });
});
