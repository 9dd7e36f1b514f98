// e2e.delivery: "nothing lost, nothing twice", proved three ways with 1,000 certificates each.
//   (a) the notification service is down while they are recorded, and catches up when it returns;
//   (b) RabbitMQ is restarted (stop_app / start_app) in the middle of recording;
//   (c) two notification and two certificate replicas run at once (competing consumers, competing
//       outbox relays), fed through two gateways;
//   (d) every queue is a quorum queue (KUTSE_AMQP_QUEUE_TYPE=quorum, as on Kubernetes), with 200.
// Each part ends with exactly that many notices: by SQL, by the inbox, and through the API.
//
// Part (b) stops the shared RabbitMQ application for a few seconds: run this file alone (ctest
// RESOURCE_LOCK), never beside another test that needs the broker.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, withStartedCluster } from './lib/cluster.mjs';
import { metricSum, scrapeMetrics, waitFor } from './lib/api.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { assertExactlyOneNoticeEach, createdNumbers, recordMany } from './lib/delivery.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const kCount = 1000;
const kConcurrency = 16;
const kHolders = personalCodes(10, 401); // 100 certificates each

describe('delivery (a): the notification service is down while 1,000 certificates are recorded', { timeout: 150000 }, () => {
  let cluster;
  withStartedCluster('deliv_down', (started) => {
    cluster = started;
  });

  it('delivers exactly 1,000 notices once the notification service is back', async () => {
    await cluster.stop('notification');
    const answers = await recordMany(cluster.gatewayUrl, kHolders, kCount, { concurrency: kConcurrency });
    const numbers = createdNumbers(answers);
    const notices = await cluster.sqlNumber('SELECT count(*) FROM notification.notices');
    assert.equal(notices, 0, 'no notices while the notification service is down');

    await cluster.startAndWait('notification');
    await assertExactlyOneNoticeEach(cluster, { numbers, holders: kHolders, gatewayUrls: cluster.gatewayUrl, timeoutMs: 60000 });
    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});

describe('delivery (b): RabbitMQ restarts while 1,000 certificates are recorded', { timeout: 180000 }, () => {
  let cluster;
  // Its destroy() also starts the broker again if the test stopped it and failed.
  withStartedCluster('deliv_broker', (started) => {
    cluster = started;
  });

  it('delivers exactly 1,000 notices after the broker is back', async () => {
    // 400 with the broker up, 300 while it is stopped, 300 while it starts again.
    const before = await recordMany(cluster.gatewayUrl, kHolders, 400, { concurrency: kConcurrency });
    await cluster.stopBroker();
    const during = await recordMany(cluster.gatewayUrl, kHolders, 300, { concurrency: kConcurrency, offset: 400 });
    // The outage is real: the relay cannot publish, and the services say they are not ready.
    const unpublished = await cluster.sqlNumber('SELECT count(*) FROM certificate.outbox WHERE published_at IS NULL');
    assert.ok(unpublished >= 300, `the 300 recorded during the outage wait in the outbox (${unpublished})`);
    for (const service of ['certificate', 'notification']) {
      await waitFor(`${service} /readyz 503 while the broker is down`, async () => {
        const answer = await fetchChecked(`${cluster.url(service)}/readyz`);
        return answer.status === 503 ? answer : undefined;
      }, { timeoutMs: 10000 });
    }
    await sleep(2000);
    const restarting = cluster.startBroker();
    restarting.catch(() => {}); // awaited below; a failure surfaces there
    const afterwards = await recordMany(cluster.gatewayUrl, kHolders, 300, { concurrency: kConcurrency, offset: 700 });
    await restarting;
    for (const service of ['certificate', 'notification']) await cluster.waitReady(service, { timeoutMs: 30000 });

    const numbers = createdNumbers([...before, ...during, ...afterwards]);
    assert.equal(numbers.length, kCount);
    await assertExactlyOneNoticeEach(cluster, { numbers, holders: kHolders, gatewayUrls: cluster.gatewayUrl, timeoutMs: 90000 });
    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});

describe('delivery (c): two notification and two certificate replicas compete', { timeout: 150000 }, () => {
  let cluster;
  before(async () => {
    cluster = await Cluster.create('deliv_replicas');
    for (const service of ['certificate', 'notification']) {
      await cluster.start(service, { replica: 0 });
      await cluster.start(service, { replica: 1 });
    }
    await cluster.start('workflow');
    await cluster.start('stamping');
    for (const [service, replica] of [['certificate', 0], ['certificate', 1], ['notification', 0], ['notification', 1], ['workflow', 0], ['stamping', 0]]) {
      await cluster.waitReady(service, { replica });
    }
    // Gateway 1 forwards to the second replicas, so both certificate replicas take writes.
    await cluster.startAndWait('gateway', { replica: 0 });
    await cluster.startAndWait('gateway', { replica: 1, upstreams: { certificate: 1, notification: 1 } });
  });
  after(async () => {
    await cluster?.destroy();
  });

  it('delivers exactly 1,000 notices and handles no event twice', async (t) => {
    const gateways = [cluster.url('gateway', 0), cluster.url('gateway', 1)];
    const answers = await recordMany(gateways, kHolders, kCount, { concurrency: kConcurrency });
    const numbers = createdNumbers(answers);
    await assertExactlyOneNoticeEach(cluster, { numbers, holders: kHolders, gatewayUrls: gateways, timeoutMs: 60000 });

    const duplicates = await cluster.sqlNumber(
      'SELECT count(*) FROM (SELECT source_event_id FROM notification.notices GROUP BY source_event_id HAVING count(*) > 1) d',
    );
    assert.equal(duplicates, 0, 'no source event produced two notices');

    const handled = [];
    const published = [];
    for (const replica of [0, 1]) {
      const samples = await scrapeMetrics(cluster.url('notification', replica));
      handled.push(metricSum(samples, 'events_consumed_total', { type: 'certificate.issued.v1', outcome: 'handled' }));
      const certificate = await scrapeMetrics(cluster.url('certificate', replica));
      published.push(metricSum(certificate, 'outbox_published_total'));
      assert.ok(
        metricSum(certificate, 'http_requests_total', { route: '/api/v1/bodies/{bodyId}/certificates', status: '201' }) > 0,
        `certificate replica ${replica} recorded certificates`,
      );
    }
    t.diagnostic(`events handled per notification replica: ${handled}; published per relay: ${published}`);
    assert.equal(handled[0] + handled[1], kCount, `the two consumers handled each event once between them (${handled})`);
    assert.ok(handled[0] > 0 && handled[1] > 0, `both notification replicas took part (${handled})`);
    assert.equal(published[0] + published[1], kCount, `the two relays published each event once between them (${published})`);

    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});

describe('delivery (d): with quorum queues, as production runs them', { timeout: 150000 }, () => {
  let cluster;
  before(async () => {
    cluster = await Cluster.create('deliv_quorum');
    await cluster.startAll({ env: { KUTSE_AMQP_QUEUE_TYPE: 'quorum' } });
  });
  after(async () => {
    await cluster?.destroy();
  });

  it('declares every queue as a quorum queue and delivers each notice once', async () => {
    const count = 200;
    const answers = await recordMany(cluster.gatewayUrl, kHolders, count, { concurrency: kConcurrency });
    const numbers = createdNumbers(answers);
    await assertExactlyOneNoticeEach(cluster, { numbers, holders: kHolders, gatewayUrls: cluster.gatewayUrl, timeoutMs: 60000 });

    const types = await cluster.queueTypes();
    const expected = ['kutse.unroutable', 'notification.events', 'notification.events.retry.1', 'notification.events.retry.3', 'notification.events.dead'];
    for (const name of expected) assert.equal(types[name], 'quorum', `${name} is a quorum queue (${JSON.stringify(types)})`);
    const classic = Object.entries(types).filter(([, type]) => type !== 'quorum');
    assert.deepEqual(classic, [], 'no queue of the deployment is classic');
    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});
