// e2e.certificate_detail: one certificate with its history and print history. The holder reads
// their own (never someone else's, never a staff member's identity); the issuing body's staff read
// theirs, and each such read lands in the holder's data-access log; staff enter printed papers,
// and only documents in use are printed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { kToomas } from './lib/demo-people.mjs';
import { kBodyY } from './lib/reference-data.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, recordCertificateOk } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kHolder, kStranger] = personalCodes(2, 951);
const kOtherClerk = { ...kToomas, roles: [`clerk:${kBodyY}`] };

describe('certificate detail: history and prints', { timeout: 120000 }, () => {
  let cluster;
  let gw;
  let certificate;

  withStartedCluster('certificate_detail', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
    certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolder, holder_name: 'Tiina Tamm' }));
  });

  const asPerson = (personalCode) => identityHeader({ personal_code: personalCode, name: 'Test Isik' });
  const bodyPath = (number, bodyId = kBodyId) => `${gw}/api/v1/bodies/${bodyId}/certificates/${number}`;

  function print(number, body, clerk = kClerk) {
    return fetchChecked(`${bodyPath(number)}/prints`, {
      method: 'POST',
      headers: { ...identityHeader(clerk), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('staff enter prints; only a certificate in use is printed, and the form is checked', async () => {
    const first = await print(certificate.number, { reason: 'first_print', delivery: 'in_person' });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.reason, 'first_print');
    assert.equal(first.body.delivery, 'in_person');
    const reprint = await print(certificate.number, { reason: 'reprint', delivery: 'post', note: 'Saadetud Tartu aadressile' });
    assert.equal(reprint.status, 201, reprint.text);
    assert.ok(reprint.body.id > first.body.id);

    const wrong = await print(certificate.number, { reason: 'souvenir', delivery: 'pigeon', colour: 'red' });
    assert.equal(wrong.status, 422, wrong.text);
    assert.deepEqual(wrong.body.errors.map((e) => e.pointer).sort(), ['/colour', '/delivery', '/reason']);
    const notDuplicate = await print(certificate.number, { reason: 'duplicate', delivery: 'post' });
    assert.equal(notDuplicate.status, 409, notDuplicate.text);
    const otherBody = await print(certificate.number, { reason: 'reprint', delivery: 'post' }, kOtherClerk);
    assert.equal(otherBody.status, 403, otherBody.text);

    const annulled = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolder, holder_name: 'Tiina Tamm' }));
    const annulment = await fetchChecked(`${bodyPath(annulled.number)}/annulment`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Kanti sisse ekslikult' }),
    });
    assert.equal(annulment.status, 200, annulment.text);
    const refused = await print(annulled.number, { reason: 'reprint', delivery: 'post' });
    assert.equal(refused.status, 409, refused.text);
    const prints = await cluster.sqlNumber(`SELECT count(*) FROM certificate.print_history WHERE number = '${annulled.number}'`);
    assert.equal(prints, 0, 'a refused print leaves no trace');
  });

  it('the holder reads history and prints without staff identities; a stranger gets 404', async () => {
    const answer = await fetchChecked(`${gw}/api/v1/me/certificates/${certificate.number}`, { headers: asPerson(kHolder) });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.certificate.number, certificate.number);
    assert.equal(answer.body.certificate.holder_personal_code, undefined);
    assert.deepEqual(answer.body.history.map((h) => [h.change, h.by]), [
      ['issued', 'staff'],
      ['printed', 'staff'],
      ['printed', 'staff'],
    ]);
    assert.deepEqual(answer.body.prints.map((p) => [p.reason, p.delivery]), [['first_print', 'in_person'], ['reprint', 'post']]);
    assert.ok(!answer.text.includes(kClerk.personal_code), 'no staff personal code reaches the holder');

    const stranger = await fetchChecked(`${gw}/api/v1/me/certificates/${certificate.number}`, { headers: asPerson(kStranger) });
    assert.equal(stranger.status, 404, stranger.text);
    const anonymous = await fetchChecked(`${gw}/api/v1/me/certificates/${certificate.number}`);
    assert.equal(anonymous.status, 401, anonymous.text);
  });

  it('staff read the full record, and the holder sees that they did', async () => {
    const before = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.data_access_log WHERE certificate_number = '${certificate.number}' AND purpose = 'viewing'`,
    );
    const answer = await fetchChecked(bodyPath(certificate.number), { headers: identityHeader(kClerk) });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.certificate.holder_personal_code, kHolder);
    assert.equal(answer.body.history[0].changed_by, `EE${kClerk.personal_code}`);
    assert.equal(answer.body.prints[1].printed_by, `EE${kClerk.personal_code}`);
    const after = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.data_access_log WHERE certificate_number = '${certificate.number}' AND purpose = 'viewing'`,
    );
    assert.equal(after, before + 1);
    const log = await fetchChecked(`${gw}/api/v1/me/data-access-log`, { headers: asPerson(kHolder) });
    assert.equal(log.status, 200, log.text);
    assert.ok(log.body.items.some((i) => i.purpose === 'viewing' && i.certificate_number === certificate.number), log.text);

    assert.equal((await fetchChecked(bodyPath(certificate.number), { headers: identityHeader(kOtherClerk) })).status, 403);
    assert.equal((await fetchChecked(bodyPath(certificate.number), { headers: asPerson(kHolder) })).status, 403);
    const elsewhere = await fetchChecked(bodyPath(certificate.number, kBodyY), { headers: identityHeader(kOtherClerk) });
    assert.equal(elsewhere.status, 404, 'another body\'s clerk finds nothing under their own body');
  });
});
