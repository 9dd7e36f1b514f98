// e2e.replicas: two replicas of every service do exactly what one replica of each does.
// The same mixed workload runs twice, each time on a fresh cluster: once with one replica of every
// service, once with two of every service (two gateways sharing the sessions of one database, the
// second gateway forwarding to the second replica of each service, so both replicas of every
// service take requests, consume events and run their jobs). The workload: certificates issued one
// by one and in batches, published and hidden by their holders through either gateway, declared
// invalid and annulled by a clerk, expired by the certificate service's own job, and requests made by
// the holders (each twice under one Idempotency-Key) and taken into work by the clerk. When both runs
// have settled, what they left behind (every certificate's state, history and events, every notice)
// must be the same: nothing lost, nothing done twice, no job run twice.
//
// Certificate numbers depend on the order requests arrive in, so the runs are compared by the
// decision number each certificate was recorded with, which the workload makes unique.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Browser } from './lib/browser.mjs';
import { Cluster, kServices } from './lib/cluster.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, metricSum, runPool, scrapeMetrics, waitFor } from './lib/api.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { kJuri, kMari, kMihkel, kOie } from './lib/demo-people.mjs';
import { isoDay } from './lib/reference-data.mjs';

const kHolders = [kOie, kJuri, kMari, kMihkel];
const kSingles = 80; // issued one by one
const kBatches = 2; // of kBatchSize, one through each gateway
const kBatchSize = 40;
const kExpiryIntervalMs = '300';
const kConcurrency = 8;

/** What the i-th certificate of the workload is: its holder, decision number and fate. */
function planned(i) {
  const holder = kHolders[i % kHolders.length];
  return {
    index: i,
    holder,
    decisionNumber: `REPL-${String(i).padStart(4, '0')}`,
    // Every tenth has already passed its valid-until: the expiry job must expire it, once.
    due: i % 10 === 0,
    publish: i % 3 === 0,
    hideAgain: i % 6 === 0,
    invalidate: i % 7 === 1,
    annul: i % 11 === 2 && i % 7 !== 1, // annulled only when not also declared invalid
    // Of the certificates that stay valid: the holder asks a question about some, a reprint of others.
    request: i % 5 === 3 ? 'question' : i % 5 === 4 ? 'reprint' : undefined,
  };
}

function bodyOf(plan) {
  return certificateBody({
    holder_personal_code: plan.holder.personal_code,
    holder_name: plan.holder.name,
    decision_number: plan.decisionNumber,
    ...(plan.due ? { standard_code: 'KEEVITAJA-3', valid_from: isoDay(-366), valid_until: isoDay(-2) } : {}),
  });
}

/** Starts every service `replicas` times; gateway r forwards to replica r of every service. */
async function startCluster(name, replicas) {
  const cluster = await Cluster.create(name);
  const backends = kServices.filter((s) => s !== 'gateway');
  for (let replica = 0; replica < replicas; replica += 1) {
    for (const service of backends) {
      await cluster.start(service, { replica, ...(service === 'certificate' ? { env: { KUTSE_EXPIRY_INTERVAL_MS: kExpiryIntervalMs } } : {}) });
    }
  }
  for (let replica = 0; replica < replicas; replica += 1) {
    await Promise.all(backends.map((service) => cluster.waitReady(service, { replica })));
  }
  for (let replica = 0; replica < replicas; replica += 1) {
    const upstreams = Object.fromEntries(backends.map((service) => [service, replica]));
    await cluster.startAndWait('gateway', { replica, ...(replica > 0 ? { upstreams } : {}) });
  }
  return cluster;
}

/** A signed-in holder on every gateway: signed in once on the first, the same session on the others. */
async function holderSessions(gatewayUrls, person) {
  const first = new Browser(gatewayUrls[0]);
  await first.signIn(person.personal_code);
  const me = await first.me();
  assert.equal(me.status, 200, `${person.name} signed in: ${me.text}`);
  const sessions = [first];
  for (const url of gatewayUrls.slice(1)) {
    const other = new Browser(url);
    other.setCookie('kutse_session', first.cookie('kutse_session'));
    assert.equal((await other.me()).status, 200, 'the other gateway knows the session');
    sessions.push(other);
  }
  for (const browser of sessions) browser.csrf = me.body.csrf_token; // Browser.send() sends it
  return sessions.map((browser) => ({ browser, url: browser.gatewayOrigin, csrf: me.body.csrf_token }));
}

function clerkPost(gatewayUrl, urlPath, body) {
  return fetchChecked(`${gatewayUrl}${urlPath}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...identityHeader(kClerk) },
    body: JSON.stringify(body),
  });
}

/** Runs the whole workload through `gatewayUrls` (round robin); resolves to {decision number: plan}. */
async function runWorkload(cluster, gatewayUrls) {
  const gateway = (i) => gatewayUrls[i % gatewayUrls.length];
  const plans = new Map();
  const numbers = new Map(); // decision number -> certificate number

  await runPool([...Array(kSingles).keys()], kConcurrency, async (i) => {
    const plan = planned(i);
    plans.set(plan.decisionNumber, plan);
    const answer = await clerkPost(gateway(i), `/api/v1/bodies/${kBodyId}/certificates`, bodyOf(plan));
    assert.equal(answer.status, 201, `certificate ${i}: ${answer.text}`);
    numbers.set(plan.decisionNumber, answer.body.number);
  });
  await Promise.all([...Array(kBatches).keys()].map(async (b) => {
    const batch = [...Array(kBatchSize).keys()].map((j) => planned(kSingles + b * kBatchSize + j));
    for (const plan of batch) plans.set(plan.decisionNumber, plan);
    const answer = await clerkPost(gateway(b), `/api/v1/bodies/${kBodyId}/certificate-batches`, {
      certificates: batch.map(bodyOf),
    });
    assert.equal(answer.status, 201, `batch ${b}: ${answer.text}`);
    assert.equal(answer.body.count, kBatchSize);
    answer.body.certificates.forEach((certificate, j) => numbers.set(batch[j].decisionNumber, certificate.number));
  }));

  // Holders publish and hide through either gateway, with one session each.
  const sessions = new Map();
  for (const person of kHolders) sessions.set(person.personal_code, await holderSessions(gatewayUrls, person));
  const ordered = [...plans.values()];
  const setPublished = async (plan, i, published) => {
    const session = sessions.get(plan.holder.personal_code)[i % gatewayUrls.length];
    const answer = await session.browser.request(`${session.url}/api/v1/me/certificates/${numbers.get(plan.decisionNumber)}/publication`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
      body: JSON.stringify({ published }),
    });
    assert.equal(answer.status, 200, `publication of ${plan.decisionNumber}: ${answer.text}`);
  };
  // An expired certificate may still be published; wait for the job only where the outcome depends on it.
  const live = ordered.filter((plan) => !plan.due);
  await runPool(live.filter((p) => p.publish), kConcurrency, (plan, i) => setPublished(plan, i, true));
  await runPool(live.filter((p) => p.hideAgain), kConcurrency, (plan, i) => setPublished(plan, i + 1, false));
  await makeRequests(gatewayUrls, sessions, live.filter((p) => p.request && !p.invalidate && !p.annul), numbers);
  const change = async (plan, i, kind) => {
    const answer = await clerkPost(gateway(i), `/api/v1/bodies/${kBodyId}/certificates/${numbers.get(plan.decisionNumber)}/${kind}`, {
      reason: 'Kutsekomisjoni otsus',
    });
    assert.equal(answer.status, 200, `${kind} of ${plan.decisionNumber}: ${answer.text}`);
  };
  await runPool(live.filter((p) => p.invalidate), kConcurrency, (plan, i) => change(plan, i, 'invalidation'));
  await runPool(live.filter((p) => p.annul), kConcurrency, (plan, i) => change(plan, i, 'annulment'));

  await settled(cluster, ordered.filter((p) => p.due).length);
  return plans;
}

/**
 * The holders' requests through either gateway, each created twice with one Idempotency-Key (the
 * repeat through the other gateway gives the same request); the body's clerk takes every reprint
 * into work, through either gateway.
 */
async function makeRequests(gatewayUrls, sessions, plans, numbers) {
  const ids = await runPool(plans, kConcurrency, async (plan, i) => {
    const number = numbers.get(plan.decisionNumber);
    const body = plan.request === 'question'
      ? { kind: 'question', certificate_number: number, message: 'Kas tunnistust saab pikendada?' }
      : { kind: 'reprint', certificate_number: number, delivery: { method: 'collect_in_person' } };
    const headers = { 'idempotency-key': `repl-${plan.decisionNumber}` };
    const mine = sessions.get(plan.holder.personal_code);
    const first = await mine[i % mine.length].browser.send('POST', '/api/v1/me/requests', body, { headers });
    assert.equal(first.status, 201, `${plan.request} on ${plan.decisionNumber}: ${first.text}`);
    const again = await mine[(i + 1) % mine.length].browser.send('POST', '/api/v1/me/requests', body, { headers });
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.id, first.body.id, 'the repeat gives the first request');
    return first.body.id;
  });
  const reprints = ids.filter((_, k) => plans[k].request === 'reprint');
  await runPool(reprints, kConcurrency, async (id, i) => {
    const taken = await fetchChecked(`${gatewayUrls[i % gatewayUrls.length]}/api/v1/bodies/${kBodyId}/requests/${id}/take`, {
      method: 'POST',
      headers: identityHeader(kClerk),
    });
    assert.equal(taken.status, 200, `taking ${id}: ${taken.text}`);
  });
}

/** Waits until every due certificate has expired and every event has been published and consumed. */
async function settled(cluster, dueCount) {
  await waitFor(`all ${dueCount} due certificates expired`, async () =>
    (await cluster.sqlNumber("SELECT count(*) FROM certificate.certificates WHERE status = 'expired'")) === dueCount,
  { timeoutMs: 30000, intervalMs: 250 });
  await waitFor('every outbox published and every queue empty', async () => {
    const schemas = (await cluster.psql("SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox'"))
      .split('\n').filter((line) => line !== '');
    for (const schema of schemas) {
      if ((await cluster.sqlNumber(`SELECT count(*) FROM ${schema}.outbox WHERE published_at IS NULL`)) > 0) return false;
    }
    // Events no service consumes yet wait in kutse.unroutable; the outcome counts them.
    const queues = await cluster.queues();
    return Object.entries(queues).every(([name, q]) => name === 'kutse.unroutable' || (q.ready === 0 && q.unacked === 0));
  }, { timeoutMs: 60000, intervalMs: 250 });
  // The notices of the last events: stable over three expiry periods, so nothing is still on its way.
  let last = -1;
  await waitFor('the notices stop changing', async () => {
    const now = await cluster.sqlNumber('SELECT count(*) FROM notification.notices');
    const stable = now === last;
    last = now;
    return stable;
  }, { timeoutMs: 30000, intervalMs: 3 * Number(kExpiryIntervalMs) });
}

/** What a run left behind, keyed by decision number (numbers differ between runs). */
async function outcome(cluster) {
  const rows = async (sql) => (await cluster.psql(sql)).split('\n').filter((line) => line !== '').map((line) => line.split('|'));
  const certificates = await rows(`
    SELECT c.decision_number, c.status, c.published, c.holder_personal_code,
           string_agg(h.change, ',' ORDER BY h.id)
    FROM certificate.certificates c JOIN certificate.certificate_history h USING (number)
    GROUP BY c.number ORDER BY c.decision_number`);
  const events = await rows(`
    SELECT c.decision_number, o.type, count(*)
    FROM certificate.outbox o JOIN certificate.certificates c ON c.number = o.subject
    GROUP BY 1, 2 ORDER BY 1, 2`);
  const notices = await rows(`
    SELECT c.decision_number, n.holder_personal_code, n.kind, count(*)
    FROM notification.notices n JOIN certificate.certificates c ON c.number = n.certificate_number
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const requests = await rows(`
    SELECT c.decision_number, r.kind, r.state, string_agg(h.action || ':' || h.to_state, ',' ORDER BY h.id)
    FROM workflow.requests r JOIN certificate.certificates c ON c.number = r.certificate_number
         JOIN workflow.request_history h ON h.request_id = r.id
    GROUP BY r.id, c.decision_number ORDER BY 1, 2`);
  const requestEvents = await rows(`
    SELECT c.decision_number, o.type, count(*)
    FROM workflow.outbox o JOIN workflow.requests r ON r.id::text = o.subject
         JOIN certificate.certificates c ON c.number = r.certificate_number
    GROUP BY 1, 2 ORDER BY 1, 2`);
  const consumed = await cluster.sqlNumber('SELECT count(*) FROM notification.inbox');
  const unroutable = (await cluster.queues())['kutse.unroutable']?.ready ?? 0;
  const expiryRuns = await cluster.sqlNumber(
    "SELECT count(*) FROM certificate.certificate_history WHERE change = 'expired'");
  return { certificates, events, notices, requests, requestEvents, consumed, unroutable, expiryRuns };
}

/** Each replica took its share: a comparison of idle replicas would prove nothing. */
async function assertEveryReplicaWorked(cluster, replicas) {
  let consumed = 0;
  for (let replica = 0; replica < replicas; replica += 1) {
    const gateway = await scrapeMetrics(cluster.url('gateway', replica));
    assert.ok(metricSum(gateway, 'http_requests_total') > 0, `gateway ${replica} served requests`);
    const certificate = await scrapeMetrics(cluster.url('certificate', replica));
    assert.ok(
      metricSum(certificate, 'http_requests_total', { route: '/api/v1/bodies/{bodyId}/certificates', status: '201' }) > 0,
      `certificate replica ${replica} recorded certificates`,
    );
    const notification = await scrapeMetrics(cluster.url('notification', replica));
    consumed += metricSum(notification, 'events_consumed_total', { outcome: 'handled' });
  }
  const inbox = await cluster.sqlNumber('SELECT count(*) FROM notification.inbox');
  assert.equal(consumed, inbox, 'the notification replicas handled each event once between them');
}

describe('replicas: two of every service give the same result as one of each', { timeout: 300000 }, () => {
  const clusters = [];
  after(async () => {
    for (const cluster of clusters) await cluster.destroy();
  });

  async function run(name, replicas) {
    const cluster = await startCluster(name, replicas);
    clusters.push(cluster);
    const gatewayUrls = [...Array(replicas).keys()].map((r) => cluster.url('gateway', r));
    const plans = await runWorkload(cluster, gatewayUrls);
    const result = await outcome(cluster);
    if (replicas > 1) await assertEveryReplicaWorked(cluster, replicas);
    cluster.assertAllRunning();
    await cluster.stopAll();
    return { plans, result };
  }

  it('runs the mixed workload on one replica of each, then on two of each, with equal results', async (t) => {
    const one = await run('repl_one', 1);
    const two = await run('repl_two', 2);
    const total = kSingles + kBatches * kBatchSize;
    assert.equal(one.result.certificates.length, total, 'every certificate recorded once');

    // The plan holds in the one-replica run (so the comparison compares something real) ...
    for (const [decision, status, published, holder, history] of one.result.certificates) {
      const plan = one.plans.get(decision);
      assert.ok(plan, `an unplanned certificate ${decision}`);
      assert.equal(holder, plan.holder.personal_code);
      const expectedStatus = plan.due ? 'expired' : plan.invalidate ? 'invalidated' : plan.annul ? 'annulled' : 'valid';
      assert.equal(status, expectedStatus, `${decision}: ${history}`);
      const isPublished = !plan.due && plan.publish && !plan.hideAgain;
      assert.equal(published, isPublished ? 't' : 'f', `${decision} published`);
      assert.equal(history.split(',').filter((c) => c === 'expired').length, plan.due ? 1 : 0, `${decision}: expired once`);
    }
    assert.equal(one.result.expiryRuns, [...one.plans.values()].filter((p) => p.due).length);
    const asked = [...one.plans.values()].filter((p) => p.request && !p.due && !p.invalidate && !p.annul);
    assert.equal(one.result.requests.length, asked.length, 'one request per ask, repeats included');
    for (const [decision, kind, state, history] of one.result.requests) {
      assert.equal(kind, one.plans.get(decision).request);
      assert.deepEqual([state, history], kind === 'reprint'
        ? ['in_review', 'submit:submitted,take:in_review'] : ['submitted', 'submit:submitted'], decision);
    }
    const issuedNotices = one.result.notices.filter(([, , kind]) => kind === 'certificate_issued');
    assert.equal(issuedNotices.length, total, 'one "issued" notice per certificate');
    assert.ok(one.result.notices.every(([, , , count]) => count === '1'), 'no notice twice');

    // ... and two replicas of everything leave exactly the same behind.
    assert.deepEqual(two.result.certificates, one.result.certificates, 'certificates: state, publication, history');
    assert.deepEqual(two.result.events, one.result.events, 'events per certificate');
    assert.deepEqual(two.result.notices, one.result.notices, 'notices per certificate, holder and kind');
    assert.deepEqual(two.result.requests, one.result.requests, 'requests: kind, state, history');
    assert.deepEqual(two.result.requestEvents, one.result.requestEvents, 'request events');
    assert.equal(two.result.consumed, one.result.consumed, 'events consumed by the notification service');
    assert.equal(two.result.unroutable, one.result.unroutable, 'events no service consumes (yet)');
    assert.equal(two.result.expiryRuns, one.result.expiryRuns, 'each expiry done once');
    t.diagnostic(`${total} certificates, ${one.result.requests.length} requests, ${one.result.notices.length} notice groups, ` +
      `${one.result.consumed} events consumed, ${one.result.expiryRuns} expired by the job`);
  });
});
