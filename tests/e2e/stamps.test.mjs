// e2e.stamps: the holder's digital stamp (issue 12 item 4). A clerk issues a certificate, the holder
// signed in for real downloads it through the gateway as a PDF sealed with the development e-seal
// (the harness gives the stamping service deploy/local's): poppler's pdfsig says the seal is valid
// and pdftotext gives back the holder's name with its Estonian letters, and the QR code holds the
// link to its verification. As an ASiC-E container: zipinfo shows mimetype first and stored, and
// xmlsec1 accepts the XAdES signature over the PDF inside, until one byte of it changes. Someone else's certificate is a 404, an annulled one a 409, and the
// order's body is checked member by member. Every stamp is recorded (stamping.stamps) and announced
// as stamp.created.v1 through the outbox, valid against its proto-docs schema.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { withStartedCluster } from './lib/cluster.mjs';
import { Browser } from './lib/browser.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificateOk } from './lib/api.mjs';
import { kJuri, kOie } from './lib/demo-people.mjs';

describe('stamps: the holder downloads a sealed PDF of a valid certificate', { timeout: 180000 }, () => {
  let cluster;
  let gw;
  let oie;
  let juri;

  // B-B (no TSA, no OCSP responder) while the sealers make B-B bytes: the records' level is the
  // sealers'. Once their LT parts are in, this suite runs with the trust services and says B-LT.
  withStartedCluster('stamps', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
    oie = await Browser.signedIn(gw, kOie.personal_code);
    juri = await Browser.signedIn(gw, kJuri.personal_code);
  }, { trustServices: false });

  const issue = async () =>
    (await recordCertificateOk(gw, certificateBody({ holder_personal_code: kOie.personal_code, holder_name: 'Õie Šmidt' }))).number;
  const stamp = (browser, number, body = { format: 'pdf', language: 'et' }) =>
    browser.send('POST', `/api/v1/me/certificates/${encodeURIComponent(number)}/stamps`, body);
  const saved = (name, bytes) => {
    const file = path.join(cluster.logDir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('the holder gets the certificate as a PDF sealed with the register keeper\'s e-seal', async () => {
    const number = await issue();
    for (const language of ['et', 'en']) {
      const answer = await stamp(oie, number, { format: 'pdf', language });
      assert.equal(answer.status, 200, answer.text.slice(0, 300));
      assert.match(answer.headers.get('content-type'), /^application\/pdf/);
      assert.match(answer.headers.get('content-disposition'), new RegExp(`^attachment; filename="${number}-${language}\\.pdf"`));
      assert.equal(answer.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const file = saved(`stamp-${language}.pdf`, answer.bytes);

      const signature = spawnSync('pdfsig', [file], { encoding: 'utf8' });
      assert.match(signature.stdout, /Signature Validation: Signature is Valid\./, signature.stdout);
      assert.match(signature.stdout, /Signature Type: ETSI\.CAdES\.detached/);
      assert.match(signature.stdout, /Signer Certificate Common Name: SA Kutsekoda e-seal \(development\)/);

      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      assert.ok(text.includes('Õie Šmidt'), text);
      assert.ok(text.includes(number), text);
      assert.match(text, language === 'et' ? /Kutsetunnistus/ : /Occupational Qualification\s+Certificate/);

      // One changed byte inside the signed range, and the seal no longer holds.
      const tampered = Buffer.from(answer.bytes);
      const at = tampered.indexOf('/Producer');
      assert.ok(at > 0);
      tampered[at + 1] = 'p'.charCodeAt(0);
      const broken = spawnSync('pdfsig', [saved(`tampered-${language}.pdf`, tampered)], { encoding: 'utf8' });
      assert.doesNotMatch(broken.stdout, /Signature is Valid\./, broken.stdout);
    }
  });

  it('the holder gets an ASiC-E container: mimetype first and stored, a XAdES seal xmlsec1 accepts', async () => {
    const number = await issue();
    const answer = await stamp(oie, number, { format: 'asice', language: 'et' });
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    assert.match(answer.headers.get('content-type'), /^application\/vnd\.etsi\.asic-e\+zip/);
    assert.match(answer.headers.get('content-disposition'), new RegExp(`^attachment; filename="${number}-et\\.asice"`));
    const file = saved('stamp.asice', answer.bytes);
    const names = execFileSync('zipinfo', ['-1', file], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(names, ['mimetype', `${number}-et.pdf`, 'META-INF/manifest.xml', 'META-INF/signatures0.xml']);
    assert.match(execFileSync('zipinfo', [file, 'mimetype'], { encoding: 'utf8' }), / stor .* mimetype/);
    assert.equal(answer.bytes.subarray(30, 38 + 31).toString('latin1'), 'mimetypeapplication/vnd.etsi.asic-e+zip');

    const folder = path.join(cluster.logDir, 'asice');
    fs.rmSync(folder, { recursive: true, force: true });
    execFileSync('unzip', ['-q', '-d', folder, file]);
    // xmlsec1 finds the PDF by the reference's URI beside the signature file.
    fs.copyFileSync(path.join(folder, 'META-INF', 'signatures0.xml'), path.join(folder, 'signatures0.xml'));
    const verify = () => spawnSync('xmlsec1', ['--verify', '--trusted-pem', cluster.sealFiles().ca,
      '--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties', 'signatures0.xml'], { cwd: folder, encoding: 'utf8' });
    const verified = verify();
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stderr + verified.stdout, /OK/);
    const pdf = fs.readFileSync(path.join(folder, `${number}-et.pdf`));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(folder, `${number}-et.pdf`), '-'], { encoding: 'utf8' });
    assert.ok(text.includes('Õie Šmidt'), text);

    // Recorded with the container's SHA-256 and the PDF's inside it, announced with both.
    const sha256 = crypto.createHash('sha256').update(answer.bytes).digest('hex');
    const documentSha256 = crypto.createHash('sha256').update(pdf).digest('hex');
    const row = (await cluster.psql(`SELECT id || '|' || format || '|' || level || '|' || sha256 || '|' || document_sha256 FROM stamping.stamps WHERE certificate_number = '${number}'`)).trim();
    const [id, ...rest] = row.split('|');
    assert.deepEqual(rest, ['asice', 'B-B', sha256, documentSha256]);
    const envelope = JSON.parse((await cluster.psql(`SELECT envelope::text FROM stamping.outbox WHERE subject = '${id}'`)).trim());
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const schema = JSON.parse(fs.readFileSync(path.join(cluster.repo, 'proto-docs', 'events', 'stamp.created.v1.schema.json'), 'utf8'));
    const validData = ajv.compile(schema);
    assert.ok(validData(envelope.data), JSON.stringify(validData.errors));
    assert.equal(envelope.data.format, 'asice');
    assert.equal(envelope.data.document_sha256, documentSha256);

    // One changed byte of the PDF inside, and the seal no longer holds.
    const tampered = Buffer.from(pdf);
    tampered[tampered.indexOf('/Producer') + 1] = 'p'.charCodeAt(0);
    fs.writeFileSync(path.join(folder, `${number}-et.pdf`), tampered);
    const broken = verify();
    assert.notEqual(broken.status, 0);
    assert.match(broken.stderr + broken.stdout, /FAIL/);
  });

  it('an Accept that rules the chosen form out is a 406 problem, and nothing is recorded', async () => {
    const number = await issue();
    const before = await cluster.sqlNumber('SELECT count(*) FROM stamping.stamps');
    const answer = await oie.send('POST', `/api/v1/me/certificates/${number}/stamps`, { format: 'asice', language: 'et' },
      { headers: { accept: 'application/pdf' } });
    assert.equal(answer.status, 406, answer.text);
    assert.match(answer.headers.get('content-type'), /^application\/problem\+json/);
    assert.equal(await cluster.sqlNumber('SELECT count(*) FROM stamping.stamps'), before);
    const fine = await oie.send('POST', `/api/v1/me/certificates/${number}/stamps`, { format: 'asice', language: 'et' },
      { headers: { accept: 'application/vnd.etsi.asic-e+zip' } });
    assert.equal(fine.status, 200, fine.text.slice(0, 300));
  });

  it('the QR code links to the stamp\'s own verification, a fresh code each time', async () => {
    const number = await issue();
    const codes = [];
    for (const round of [1, 2]) {
      const answer = await stamp(oie, number);
      assert.equal(answer.status, 200, answer.text.slice(0, 300));
      const file = saved(`qr-${round}.pdf`, answer.bytes);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, path.join(cluster.logDir, `qr-${round}`)]);
      const decoded = spawnSync('zbarimg', ['--quiet', '--raw', path.join(cluster.logDir, `qr-${round}.png`)], { encoding: 'utf8' });
      const match = decoded.stdout.trim().match(/^(.*)\/verify\/([A-Za-z0-9_-]{22,})$/);
      assert.ok(match, decoded.stdout);
      assert.equal(match[1], gw);
      codes.push(match[2]);
    }
    assert.notEqual(codes[0], codes[1]);
  });

  it('every stamp is recorded with its file\'s SHA-256 and announced as stamp.created.v1', async () => {
    const number = await issue();
    const answer = await stamp(oie, number, { format: 'pdf', language: 'en' });
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    const sha256 = crypto.createHash('sha256').update(answer.bytes).digest('hex');
    const row = (await cluster.psql(`SELECT id || '|' || certificate_number || '|' || holder_personal_code || '|' || format || '|' || language || '|' || level || '|' || sha256 || '|' || (withdrawn_at IS NULL) FROM stamping.stamps WHERE certificate_number = '${number}'`)).trim();
    const [id, ...rest] = row.split('|');
    assert.deepEqual(rest, [number, kOie.personal_code, 'pdf', 'en', 'B-B', sha256, 'true']);

    const envelope = JSON.parse((await cluster.psql(`SELECT envelope::text FROM stamping.outbox WHERE subject = '${id}'`)).trim());
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    const load = (file) => JSON.parse(fs.readFileSync(path.join(cluster.repo, 'proto-docs', 'events', file), 'utf8'));
    const validEnvelope = ajv.compile(load('cloudevent-envelope.schema.json'));
    const validData = ajv.compile(load('stamp.created.v1.schema.json'));
    assert.ok(validEnvelope(envelope), JSON.stringify(validEnvelope.errors));
    assert.ok(validData(envelope.data), JSON.stringify(validData.errors));
    assert.equal(envelope.type, 'stamp.created.v1');
    assert.equal(envelope.source, '/kutse/stamping');
    assert.deepEqual({ ...envelope.data, created_at: undefined },
      { stamp_id: id, certificate_number: number, holder_personal_code: kOie.personal_code, format: 'pdf', language: 'en', level: 'B-B', sha256, document_sha256: sha256, created_at: undefined });
    // The verification code stays with the holder: not in the event.
    const code = (await cluster.psql(`SELECT verification_code FROM stamping.stamps WHERE id = '${id}'`)).trim();
    assert.ok(!JSON.stringify(envelope).includes(code));

    // A refusal records nothing.
    const before = await cluster.sqlNumber('SELECT count(*) FROM stamping.stamps');
    assert.equal((await stamp(juri, number)).status, 404);
    assert.equal(await cluster.sqlNumber('SELECT count(*) FROM stamping.stamps'), before);
  });

  it('someone else\'s certificate, or a number nobody has, is a 404 problem', async () => {
    const number = await issue();
    for (const [browser, which] of [[juri, number], [oie, 'K-999999']]) {
      const answer = await stamp(browser, which);
      assert.equal(answer.status, 404, answer.text);
      assert.match(answer.headers.get('content-type'), /^application\/problem\+json/);
    }
  });

  it('an annulled certificate is a 409 problem in the caller\'s language', async () => {
    const number = await issue();
    const annulled = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${number}/annulment`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Kanti ekslikult' }),
    });
    assert.equal(annulled.status, 200, annulled.text);
    const answer = await oie.send('POST', `/api/v1/me/certificates/${number}/stamps`, { format: 'pdf', language: 'et' },
      { headers: { 'accept-language': 'en' } });
    assert.equal(answer.status, 409, answer.text);
    assert.match(answer.body.detail, /annulled: only a valid certificate can be stamped/);
  });

  it('the order is checked member by member', async () => {
    const number = await issue();
    const answer = await stamp(oie, number, { format: 'docx', language: 'ru', extra: true });
    assert.equal(answer.status, 422, answer.text);
    const pointers = answer.body.errors.map((error) => error.pointer).sort();
    assert.deepEqual(pointers, ['/extra', '/format', '/language']);
  });
});
