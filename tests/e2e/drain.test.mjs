// e2e.drain: SIGTERM the certificate service in the middle of a steady stream of writes through
// the gateway. Every request either succeeds (201) or gets a clean problem+json error from the
// gateway (502 bad_gateway once the service is gone); the service exits 0; and nothing recorded is
// lost: every certificate in the register, acknowledged or not, ends up with exactly one notice
// (the next certificate replica to run publishes what the stopped one left in its outbox).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withStartedCluster } from './lib/cluster.mjs';
import { certificateBody, recordCertificate, recordCertificateOk, runPool, waitFor } from './lib/api.mjs';
import { assertExactlyOneNoticeEach } from './lib/delivery.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const kRequests = 200;
const kConcurrency = 20;
const kPauseMs = 25; // per worker between requests: a steady stream, not a burst
const kSigtermAfter = 40; // completed requests before SIGTERM
const kAfterExit = 40; // the last requests are sent only once the service has exited
const kHolders = personalCodes(20, 501);

describe('drain: SIGTERM to the certificate service under load', { timeout: 150000 }, () => {
  let cluster;
  withStartedCluster('drain', (started) => {
    cluster = started;
  });

  let outcomes;
  let registered;

  it('answers every request with 201 or a clean 502 from the gateway, and the service exits 0', async (t) => {
    let completed = 0;
    let stopping;
    let exited = false;
    outcomes = await runPool(
      Array.from({ length: kRequests }, (_, i) => i),
      kConcurrency,
      async (index) => {
        if (index >= kRequests - kAfterExit) {
          await waitFor('the certificate service to exit', () => exited, { timeoutMs: 30000, intervalMs: 20 });
        }
        const phase = exited ? 'after exit' : stopping ? 'draining' : 'before SIGTERM';
        let answer;
        try {
          answer = await recordCertificate(
            cluster.gatewayUrl,
            certificateBody({ holder_personal_code: kHolders[index % kHolders.length], decision_number: `KK-${index}` }),
            { timeoutMs: 20000 },
          );
        } catch (error) {
          // A contract breach or a broken connection to the gateway: both are failures.
          return { index, phase, error };
        }
        completed += 1;
        if (completed === kSigtermAfter && !stopping) {
          stopping = cluster.stop('certificate', { timeoutMs: 30000 }).then((result) => {
            exited = true;
            return result;
          });
          stopping.catch(() => {}); // handled below by `await stopping`
        }
        await sleep(kPauseMs);
        return { index, phase, status: answer.status, body: answer.body };
      },
    );

    const stopped = await stopping; // asserts exit code 0
    t.diagnostic(`certificate service exited ${stopped.ms} ms after SIGTERM`);

    const broken = outcomes.filter((o) => o.error);
    assert.equal(broken.length, 0, `every request got an HTTP answer that matches the contract: ${broken[0]?.error?.stack}`);
    const summary = {};
    for (const o of outcomes) summary[`${o.phase}: ${o.status}`] = (summary[`${o.phase}: ${o.status}`] ?? 0) + 1;
    t.diagnostic(`outcomes: ${JSON.stringify(summary)}`);

    for (const o of outcomes) {
      if (o.status === 201) continue;
      assert.ok([502, 503, 504].includes(o.status), `request ${o.index} (${o.phase}): HTTP ${o.status} ${JSON.stringify(o.body)}`);
      assert.ok(['bad_gateway', 'unavailable', 'gateway_timeout'].includes(o.body.code), JSON.stringify(o.body));
    }
    const before = outcomes.filter((o) => o.phase === 'before SIGTERM');
    assert.ok(before.length >= kSigtermAfter, 'the load was running before SIGTERM');
    // Requests already on their way when SIGTERM lands may meet the draining service, which refuses
    // new work with 503 (nothing recorded, safe to resend); at most one per concurrent client.
    const refusedBefore = before.filter((o) => o.status !== 201);
    assert.ok(
      refusedBefore.length <= kConcurrency && refusedBefore.every((o) => o.status === 503 && o.body.code === 'unavailable'),
      `requests before SIGTERM succeeded, but for at most ${kConcurrency} in flight at that moment: ${JSON.stringify(refusedBefore.map((o) => o.status))}`,
    );
    const afterExit = outcomes.filter((o) => o.index >= kRequests - kAfterExit);
    assert.ok(
      afterExit.every((o) => o.status === 502 && o.body.code === 'bad_gateway'),
      'with the service gone the gateway answers 502 bad_gateway',
    );
    // The gateway itself stayed up throughout.
    cluster.assertAllRunning();
  });

  it('loses nothing: every registered certificate, acknowledged or not, gets exactly one notice', async (t) => {
    assert.ok(outcomes, 'the load ran');
    // Another certificate replica comes up (here: the same one again) and publishes whatever the
    // stopped one left in its outbox.
    await cluster.startAndWait('certificate');
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.body.number);
    registered = (await cluster.psql('SELECT number FROM certificate.certificates')).trim().split('\n').filter(Boolean);
    for (const number of acknowledged) assert.ok(registered.includes(number), `${number} was acknowledged and is registered`);
    t.diagnostic(`${acknowledged.length} acknowledged with 201, ${registered.length} in the register`);
    await assertExactlyOneNoticeEach(cluster, {
      numbers: registered,
      holders: kHolders,
      gatewayUrls: cluster.gatewayUrl,
      timeoutMs: 60000,
    });
  });

  it('does not record a certificate whose request was answered 502 (in-flight requests finish)', () => {
    assert.ok(registered, 'the register was read');
    const acknowledged = new Set(outcomes.filter((o) => o.status === 201).map((o) => o.body.number));
    const unacknowledged = registered.filter((number) => !acknowledged.has(number));
    assert.deepEqual(
      unacknowledged,
      [],
      `${unacknowledged.length} certificate(s) were recorded although the client was told 502 ` +
        '"could not be reached; try again": a retry would record them twice. The draining service ' +
        'took these requests but its answer never left the socket.',
    );
  });

  it('takes writes again after the restart, and every service stops cleanly', async () => {
    await recordCertificateOk(cluster.gatewayUrl, certificateBody({ holder_personal_code: kHolders[0] }));
    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});
