// e2e.stamps_lt: the digital stamp at baseline LT (issue 12), with the cluster's own time-stamping
// authority (deploy/local/trust-services, `openssl ts -reply`) and OCSP responder (`openssl ocsp`).
// A holder's sealed PDF carries a signature time-stamp that `openssl ts -verify` accepts over the
// CMS signature value, and after the signed revision a DSS with the chain and an OCSP response that
// says the seal certificate is good; pdfsig still calls the seal valid. The ASiC-E container's
// XAdES signature carries SignatureTimeStamp, CertificateValues and RevocationValues, and xmlsec1
// still verifies it. Anyone's verification of either says B-LT at the TSA's time. When the TSA
// does not answer, a stamp is a 503 problem and nothing is recorded: never a weaker seal.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, recordCertificateOk } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kLiis] = personalCodes(1, 1411).map((personal_code) => ({ personal_code, name: 'Liis Žukova-Õun' }));

// DER, as far as a CMS SignedData needs reading: one TLV at `at`, and the TLVs inside one.
function tlv(bytes, at) {
  let length = bytes[at + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[at + 2 + i];
    header = 2 + count;
  }
  return { tag: bytes[at], start: at, content: at + header, end: at + header + length };
}
function inside(bytes, node) {
  const out = [];
  for (let at = node.content; at < node.end; ) {
    const child = tlv(bytes, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

// The signature value and the signature time-stamp token of the PDF seal's only SignerInfo.
function sealParts(pdf) {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  assert.equal(ranges.length, 1, 'one signature');
  const [, a, b, c] = ranges[0].map(Number);
  const cms = Buffer.from(text.slice(a + 1, b - 1).replace(/(00)+$/, ''), 'hex');
  const signedData = inside(cms, inside(cms, tlv(cms, 0))[1])[0];
  const signerInfos = inside(cms, signedData).at(-1);
  const signer = inside(cms, signerInfos)[0];
  const parts = inside(cms, signer);
  const signature = parts.find((p) => p.tag === 0x04);
  const unsignedAttributes = parts.find((p) => p.tag === 0xa1);
  assert.ok(signature && unsignedAttributes, 'a signature value and unsigned attributes');
  const attribute = inside(cms, unsignedAttributes)[0];
  const token = inside(cms, inside(cms, attribute)[1])[0];
  return {
    signedEnd: b + c,
    signatureValue: cms.subarray(signature.content, signature.end),
    token: cms.subarray(token.start, token.end),
  };
}

describe('stamps at baseline LT: time-stamp, chain and OCSP response in both forms', { timeout: 240000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('stamps_lt', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const call = (method, urlPath, { identity, json, headers = {}, body } = {}) =>
    fetchChecked(`${gw}${urlPath}`, {
      method,
      headers: { ...(identity ? identityHeader(identity) : {}), ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
      body: json ? JSON.stringify(json) : body,
    });
  const issue = async () =>
    (await recordCertificateOk(gw, certificateBody({ holder_personal_code: kLiis.personal_code, holder_name: kLiis.name }))).number;
  const stamp = (number, format) => call('POST', `/api/v1/me/certificates/${number}/stamps`, { identity: kLiis, json: { format, language: 'et' } });
  const latest = async () => (await call('GET', '/api/v1/me/stamps?limit=1', { identity: kLiis })).body.items[0];
  const saved = (name, bytes) => {
    const file = path.join(cluster.logDir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const tsaCertificate = () => path.join(cluster.sealFiles().dir, 'tsa_cert.pem');
  const ocspSaysGood = (response) => {
    const read = spawnSync('openssl', ['ocsp', '-respin', saved('ocsp.der', response), '-resp_text', '-CAfile', cluster.sealFiles().ca], { encoding: 'utf8' });
    assert.equal(read.status, 0, read.stderr);
    assert.match(read.stdout, /Cert Status: good/);
    assert.match(read.stderr, /Response verify OK/);
  };

  it('a sealed PDF: a time-stamp openssl accepts, a DSS with the OCSP response, pdfsig valid', async () => {
    const number = await issue();
    const answer = await stamp(number, 'pdf');
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    const pdf = Buffer.from(answer.bytes);
    const file = saved('lt.pdf', pdf);
    const signature = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    assert.match(signature.stdout, /Signature Validation: Signature is Valid\./, signature.stdout);

    const parts = sealParts(pdf);
    const verified = spawnSync('openssl', ['ts', '-verify', '-token_in', '-in', saved('token.der', parts.token),
      '-data', saved('signature-value.bin', parts.signatureValue), '-CAfile', cluster.sealFiles().ca, '-untrusted', tsaCertificate()], { encoding: 'utf8' });
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /Verification: OK/);
    const other = spawnSync('openssl', ['ts', '-verify', '-token_in', '-in', saved('token.der', parts.token),
      '-data', saved('other.bin', Buffer.concat([parts.signatureValue, Buffer.from('x')])), '-CAfile', cluster.sealFiles().ca, '-untrusted', tsaCertificate()], { encoding: 'utf8' });
    assert.notEqual(other.status, 0, 'the token stamps this signature value only');

    // After the signed revision: the DSS update, whose OCSP stream is the responder's answer.
    const update = pdf.subarray(parts.signedEnd).toString('latin1');
    assert.match(update, /\/DSS\s+\d+ 0 R/);
    const ocspRef = update.match(/\/OCSPs\s*\[\s*(\d+) 0 R/);
    assert.ok(ocspRef, update.slice(0, 800));
    const object = update.match(new RegExp(`(?:^|\\n)${ocspRef[1]} 0 obj\\s*<<\\s*/Length (\\d+)\\s*>>\\s*stream\\r?\\n`));
    assert.ok(object, 'the OCSP stream object');
    const start = parts.signedEnd + object.index + object[0].length;
    ocspSaysGood(pdf.subarray(start, start + Number(object[1])));
    assert.match(update, /\/Certs\s*\[/);
    assert.match(update, /\/VRI\s*<</);

    const item = await latest();
    assert.deepEqual([item.format, item.level], ['pdf', 'B-LT']);
    const level = await cluster.psql(`SELECT level FROM stamping.stamps WHERE certificate_number = '${number}'`);
    assert.equal(level.trim(), 'B-LT');

    const check = await call('POST', '/api/v1/public/verifications', { headers: { 'content-type': 'application/pdf' }, body: pdf });
    assert.equal(check.status, 200, check.text);
    assert.deepEqual([check.body.seal_valid, check.body.seal.intact, check.body.seal.register_seal, check.body.seal.level], [true, true, true, 'B-LT']);
    assert.ok(Math.abs(Date.parse(check.body.seal.signed_at) - Date.parse(item.created_at)) < 5000, check.body.seal.signed_at);
    assert.equal(check.body.certificate.number, number);

    // Bytes appended after the DSS update are not covered by anything: not intact.
    const appended = await call('POST', '/api/v1/public/verifications', {
      headers: { 'content-type': 'application/pdf' },
      body: Buffer.concat([pdf, Buffer.from('\n1 0 obj\n<< >>\nendobj\n')]),
    });
    assert.equal(appended.status, 200, appended.text);
    assert.deepEqual([appended.body.seal_valid, appended.body.seal.intact], [false, false]);
  });

  it('an ASiC-E container: SignatureTimeStamp, CertificateValues, RevocationValues; xmlsec1 still verifies', async () => {
    const number = await issue();
    const answer = await stamp(number, 'asice');
    assert.equal(answer.status, 200, answer.text.slice(0, 300));
    const folder = path.join(cluster.logDir, 'lt-asice');
    fs.rmSync(folder, { recursive: true, force: true });
    execFileSync('unzip', ['-q', '-d', folder, saved('lt.asice', answer.bytes)]);
    fs.copyFileSync(path.join(folder, 'META-INF', 'signatures0.xml'), path.join(folder, 'signatures0.xml'));
    const verified = spawnSync('xmlsec1', ['--verify', '--trusted-pem', cluster.sealFiles().ca,
      '--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties', 'signatures0.xml'], { cwd: folder, encoding: 'utf8' });
    assert.equal(verified.status, 0, verified.stderr);

    const xml = fs.readFileSync(path.join(folder, 'signatures0.xml'), 'utf8');
    const order = ['SignedProperties', 'UnsignedProperties', 'UnsignedSignatureProperties', 'SignatureTimeStamp', 'CertificateValues', 'RevocationValues']
      .map((name) => xml.indexOf(`<xades:${name}`));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1])), `LT elements in order: ${order}`);
    const base64 = (name) => Buffer.from(xml.match(new RegExp(`<xades:${name}[^>]*>([^<]+)</xades:${name}>`))[1].replace(/\s/g, ''), 'base64');
    const token = spawnSync('openssl', ['ts', '-reply', '-token_in', '-in', saved('xades-token.der', base64('EncapsulatedTimeStamp')), '-text', '-token_out'], { encoding: 'utf8' });
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout, /Hash Algorithm: sha256/);
    assert.match(token.stdout, /Kutse development TSA/);
    ocspSaysGood(base64('EncapsulatedOCSPValue'));

    assert.deepEqual([(await latest()).level], ['B-LT']);
    const check = await call('POST', '/api/v1/public/verifications', { headers: { 'content-type': 'application/vnd.etsi.asic-e+zip' }, body: Buffer.from(answer.bytes) });
    assert.equal(check.status, 200, check.text);
    assert.deepEqual([check.body.seal_valid, check.body.seal.form, check.body.seal.level], [true, 'asice', 'B-LT']);
  });

  it('when the TSA does not answer, a stamp is a 503 problem and nothing is recorded', async () => {
    const number = await issue();
    const before = await cluster.sqlNumber('SELECT count(*) FROM stamping.stamps');
    await cluster.stopHelper('tsa');
    for (const format of ['pdf', 'asice']) {
      const refused = await stamp(number, format);
      assert.equal(refused.status, 503, refused.text.slice(0, 300));
      assert.match(refused.headers.get('content-type'), /^application\/problem\+json/);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.match(refused.body.detail, /ajatempli/);
    }
    assert.equal(await cluster.sqlNumber('SELECT count(*) FROM stamping.stamps'), before);
  });
});
