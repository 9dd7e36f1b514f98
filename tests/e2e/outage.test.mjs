// e2e.outage: when a service's database goes away, its callers get 503 problem+json with
// Retry-After (never a 500: an outage is not a bug of ours), in their language, through the
// gateway; reads and writes come back by themselves once the database does, and nothing was
// half-written meanwhile. The outage is real: the certificate service's role loses CONNECT on this
// cluster's database and its open connections are ended (other test clusters share the server and
// the role, so the whole server or the role's login is not touched).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kClerk, recordCertificate } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kHolderCode] = personalCodes(1, 401);

describe('outage: a database that goes away is answered 503 with Retry-After, and recovery is automatic', { timeout: 180000 }, () => {
  let cluster;
  withStartedCluster('outage', (started) => {
    cluster = started;
  });

  const standards = (language = 'et') =>
    fetchChecked(`${cluster.gatewayUrl}/api/v1/public/standards`, { headers: { 'Accept-Language': language } });

  async function cutOff() {
    await cluster.psql(
      `REVOKE CONNECT ON DATABASE ${cluster.database} FROM kutse_certificate; ` +
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'kutse_certificate' AND datname = '${cluster.database}'`,
    );
  }

  async function reconnect() {
    await cluster.psql(`GRANT CONNECT ON DATABASE ${cluster.database} TO kutse_certificate`);
  }

  // Polls until `check` returns true (bounded).
  async function eventually(what, check, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return;
      assert.ok(Date.now() < deadline, `${what} within ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  it('answers 503 with Retry-After while the database is away, then serves again', async () => {
    assert.equal((await standards()).status, 200, 'serving before the outage');
    const before = Number((await cluster.psql('SELECT count(*) FROM certificate.certificates')).trim());
    await cutOff();
    try {
      // The first request may still find a connection that was ended a moment ago; the pool drops
      // it, tries to connect again and cannot.
      let down;
      await eventually('a 503 for a read', async () => {
        down = await standards('en');
        assert.ok(down.status === 200 || down.status === 503, `only 200 or 503 during the outage, got ${down.status}: ${down.text}`);
        return down.status === 503;
      });
      assert.equal(down.body.code, 'unavailable');
      assert.equal(down.headers.get('content-type'), 'application/problem+json');
      assert.equal(down.headers.get('retry-after'), '5');
      assert.equal(down.headers.get('content-language'), 'en');
      assert.match(down.body.detail, /database/i);
      const estonian = await standards('et');
      assert.equal(estonian.status, 503);
      assert.equal(estonian.body.title, 'Teenus ei ole saadaval');

      const write = await recordCertificate(cluster.gatewayUrl, certificateBody({ holder_personal_code: kHolderCode }), {
        clerk: kClerk,
      });
      assert.equal(write.status, 503, `a write during the outage: ${write.text}`);
      assert.equal(write.headers.get('retry-after'), '5');

      const mine = await fetchChecked(`${cluster.gatewayUrl}/api/v1/me/certificates`, {
        headers: identityHeader({ personal_code: kHolderCode, name: 'Isik Katkestus' }),
      });
      assert.equal(mine.status, 503);
      // The gateway's own routes have a database of their own, which is still there.
      const me = await fetchChecked(`${cluster.gatewayUrl}/api/v1/me`, { headers: identityHeader(kClerk) });
      assert.equal(me.status, 200, me.text);
    } finally {
      await reconnect();
    }
    await eventually('reads served again', async () => (await standards()).status === 200);
    const issued = await recordCertificate(cluster.gatewayUrl, certificateBody({ holder_personal_code: kHolderCode }), {
      clerk: kClerk,
    });
    assert.equal(issued.status, 201, `a write after the outage: ${issued.text}`);
    const after = Number((await cluster.psql('SELECT count(*) FROM certificate.certificates')).trim());
    assert.equal(after, before + 1, 'the write refused during the outage left nothing behind; the later one is there once');
    cluster.assertAllRunning();
  });
});
