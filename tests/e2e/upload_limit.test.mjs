// e2e.upload_limit: anonymous uploads for verification are counted per client address at the
// gateway (KUTSE_VERIFICATION_UPLOADS_PER_MINUTE). Behind a trusted proxy (here the test itself,
// 127.0.0.1, plays the ingress) X-Forwarded-For names the client: one client's budget spent gives a
// 429 problem+json with Retry-After in the caller's language, another client behind the same proxy
// still gets through, and a client cannot escape by putting addresses of its own in the header.
// Verification by code is not counted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Cluster, kServices } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';

const kPerMinute = 3;

describe('upload limit: verification uploads per client address', { timeout: 120000 }, () => {
  let cluster;
  let gw;

  before(async () => {
    cluster = await Cluster.create('upload_limit');
    for (const service of kServices.filter((s) => s !== 'gateway')) await cluster.startAndWait(service);
    await cluster.startAndWait('gateway', {
      env: { KUTSE_VERIFICATION_UPLOADS_PER_MINUTE: String(kPerMinute), KUTSE_TRUSTED_PROXIES: '127.0.0.1, ::1' },
    });
    gw = cluster.gatewayUrl;
  });
  after(async () => {
    await cluster?.destroy();
  });

  // A PDF with no seal in it: the stamping service checks it and says so (422), an upload all the same.
  const upload = (forwardedFor, language = 'et') =>
    fetchChecked(`${gw}/api/v1/public/verifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/pdf', 'X-Forwarded-For': forwardedFor, 'Accept-Language': language },
      body: '%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
    });

  it('a client that has used its budget waits; others behind the same proxy do not', async () => {
    for (let i = 0; i < kPerMinute; i++) {
      const answer = await upload('203.0.113.7');
      assert.notEqual(answer.status, 429, `upload ${i + 1} of ${kPerMinute}: ${answer.text}`);
    }
    const refused = await upload('203.0.113.7');
    assert.equal(refused.status, 429, refused.text);
    assert.match(refused.headers.get('content-type'), /^application\/problem\+json/);
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60 / kPerMinute, `Retry-After ${wait}`);
    assert.match(refused.body.detail, /liiga palju dokumente/);
    assert.doesNotMatch(refused.text, /203\.0\.113\.7/, 'the answer does not echo the address');

    const english = await upload('203.0.113.7', 'en');
    assert.equal(english.status, 429);
    assert.match(english.body.detail, /Too many documents/);

    // Addresses of its own left of the one the proxy appended change nothing.
    const disguised = await upload('198.51.100.1, 203.0.113.7');
    assert.equal(disguised.status, 429, disguised.text);

    const other = await upload('203.0.113.8');
    assert.notEqual(other.status, 429, other.text);
  });

  it('verification by code is not counted', async () => {
    for (let i = 0; i < kPerMinute + 2; i++) {
      const answer = await fetchChecked(`${gw}/api/v1/public/verifications/AAAAAAAAAAAAAAAAAAAAAAAA`, {
        headers: { 'X-Forwarded-For': '203.0.113.7' },
      });
      assert.equal(answer.status, 404, answer.text);
    }
  });
});
