// e2e.mail_digest: the state-portal channel in digest mode (KUTSE_STATE_PORTAL_MODE=digest): a
// person's notices of a day are held and go out as one message listing them all. The digest hour is
// not waited for: an admin makes the digests now (POST /api/v1/admin/notification-digests).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { kAnne } from './lib/demo-people.mjs';
import { mailTo, waitForMail } from './lib/mail.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kHolder, kOther] = personalCodes(2, 7401);
const kAdmin = { ...kAnne, roles: ['admin'] };
const portal = (code) => `${code}@eesti.ee`;

describe('mail digest: three notices of a day, one message listing all three', { timeout: 180000 }, () => {
  let gw;
  let cluster;
  withStartedCluster('mail_digest', async (started) => {
    cluster = started;
    await cluster.stop('notification');
    await cluster.startAndWait('notification', { env: { KUTSE_STATE_PORTAL_MODE: 'digest' } });
    gw = started.gatewayUrl;
  });

  const issue = (holder) =>
    recordCertificateOk(gw, certificateBody({ holder_personal_code: holder, holder_name: 'Koond Teade' }));
  const makeDigests = (body = {}) =>
    fetchChecked(`${gw}/api/v1/admin/notification-digests`, {
      method: 'POST',
      headers: { ...identityHeader(kAdmin), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('holds the notices, then sends one message listing all three; making digests again sends nothing', async () => {
    const issued = [];
    for (let i = 0; i < 3; i += 1) issued.push(await issue(kHolder));
    const other = await issue(kOther);
    await waitFor('the three in-app notices', async () =>
      (await listNotices(gw, kHolder, { limit: 10 })).body.items.length === 3 || undefined);
    await sleep(800);
    assert.equal(mailTo(cluster.mailDir, portal(kHolder)).length, 0, 'held for the digest');

    const early = await makeDigests({ up_to: '2000-01-01' });
    assert.equal(early.status, 200, early.text);
    assert.equal(early.body.digests, 0, 'no digest for a day long past');
    assert.equal((await makeDigests({ up_to: 'eile' })).status, 422);

    const made = await makeDigests();
    assert.equal(made.status, 200, made.text);
    assert.equal(made.body.digests, 2, 'one per person');
    const [digest] = await waitForMail(cluster.mailDir, portal(kHolder));
    assert.match(digest.subject, /^Teie teated kutseregistrist [0-9]{2}\.[0-9]{2}\.[0-9]{4}$/);
    assert.match(digest.body, /3 teadet/);
    for (const certificate of issued) assert.match(digest.body, new RegExp(certificate.number));
    assert.doesNotMatch(digest.body, new RegExp(other.number), 'only the person\'s own notices');
    assert.match(digest.messageId, /^<digest-[0-9a-f-]{36}\.state_portal@kutseregister\.ee>$/);
    const [theirs] = await waitForMail(cluster.mailDir, portal(kOther));
    assert.match(theirs.body, new RegExp(other.number));

    assert.equal((await makeDigests()).body.digests, 0);
    await sleep(800);
    assert.equal(mailTo(cluster.mailDir, portal(kHolder)).length, 1, 'one message');
  });
});
