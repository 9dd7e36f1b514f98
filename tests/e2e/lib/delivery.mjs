// "Nothing lost, nothing twice": recording many certificates and proving that exactly one notice
// per recorded certificate arrived, by three independent counts (the notification schema, its
// inbox, and the public API page by page), after the pipeline has gone quiet.
import assert from 'node:assert/strict';
import { allNotices, certificateBody, recordCertificate, runPool, waitFor } from './api.mjs';
import { kStandardCodes } from './reference-data.mjs';

/**
 * Records `count` certificates through the given gateway(s) (round robin), `concurrency` in flight,
 * for holders[i % holders.length]. Returns every answer in order: {index, status, number, body}.
 */
export async function recordMany(gatewayUrls, holders, count, { concurrency = 16, offset = 0, timeoutMs = 30000 } = {}) {
  const urls = Array.isArray(gatewayUrls) ? gatewayUrls : [gatewayUrls];
  const indexes = Array.from({ length: count }, (_, i) => offset + i);
  return runPool(indexes, concurrency, async (index) => {
    const holder = holders[index % holders.length];
    const answer = await recordCertificate(
      urls[index % urls.length],
      certificateBody({
        holder_personal_code: holder,
        standard_code: kStandardCodes[index % kStandardCodes.length],
        decision_number: `KK-${index}`,
      }),
      { timeoutMs },
    );
    return { index, holder, status: answer.status, number: answer.body?.number, body: answer.body };
  });
}

/** Asserts that every answer is 201 (summarising the statuses otherwise); returns the numbers. */
export function createdNumbers(answers) {
  const byStatus = {};
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  const failed = answers.filter((a) => a.status !== 201);
  assert.equal(
    failed.length,
    0,
    `every certificate must be recorded (statuses: ${JSON.stringify(byStatus)}; first failure: ${JSON.stringify(failed[0]?.body)})`,
  );
  const numbers = answers.map((a) => a.number);
  assert.equal(new Set(numbers).size, numbers.length, 'every certificate got a number of its own');
  return numbers;
}

async function notificationCounts(cluster) {
  const row = (
    await cluster.psql(
      'SELECT count(*), count(DISTINCT source_event_id), count(DISTINCT certificate_number) FROM notification.notices',
    )
  ).trim();
  const [total, events, numbers] = row.split('|').map(Number);
  return { total, events, numbers };
}

/**
 * Waits (at most timeoutMs) until the notices of `numbers` have arrived and the pipeline is quiet
 * (certificate outbox fully published, every queue of the vhost empty), then asserts that there is
 * exactly one notice per number: by SQL, by the inbox, and through the API of every gateway given.
 */
export async function assertExactlyOneNoticeEach(cluster, { numbers, holders, gatewayUrls, timeoutMs = 60000 }) {
  const expected = numbers.length;
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1000, deadline - Date.now());

  await waitFor(
    `${expected} notices in the notification schema`,
    async () => {
      const counts = await notificationCounts(cluster);
      assert.ok(counts.total <= expected, `more notices than certificates: ${JSON.stringify(counts)}`);
      return counts.total === expected ? counts : undefined;
    },
    { timeoutMs: left(), intervalMs: 250 },
  );

  // Quiet: nothing left that could still turn into a (duplicate) notice.
  let state;
  await waitFor(
    () => `the outbox published and every queue empty (last: ${JSON.stringify(state)})`,
    async () => {
      const unpublished = await cluster.sqlNumber('SELECT count(*) FROM certificate.outbox WHERE published_at IS NULL');
      const queues = await cluster.queues();
      for (const name of ['kutse.unroutable', 'notification.events.dead']) {
        assert.equal(queues[name]?.ready ?? 0, 0, `${name} holds messages: events were parked or dead-lettered`);
      }
      const busy = Object.entries(queues).filter(([, q]) => q.ready + q.unacked > 0);
      state = { unpublished, busy };
      return unpublished === 0 && busy.length === 0;
    },
    { timeoutMs: left(), intervalMs: 500 },
  );

  const counts = await notificationCounts(cluster);
  assert.deepEqual(
    counts,
    { total: expected, events: expected, numbers: expected },
    'exactly one notice per certificate, each from its own event',
  );
  const inbox = await cluster.sqlNumber(`SELECT count(*) FROM notification.inbox WHERE type = 'certificate.issued.v1'`);
  assert.equal(inbox, expected, 'the inbox recorded each event exactly once');
  const stored = (await cluster.psql('SELECT certificate_number FROM notification.notices')).trim().split('\n');
  assert.deepEqual(new Set(stored), new Set(numbers), 'the notices are for exactly the recorded certificates');
  const recorded = await cluster.sqlNumber('SELECT count(*) FROM certificate.certificates');
  assert.equal(recorded, expected, 'the register holds exactly the recorded certificates');

  // And as the holders see it, page by page, through every gateway.
  const urls = Array.isArray(gatewayUrls) ? gatewayUrls : [gatewayUrls];
  for (const url of urls) {
    const seen = [];
    for (const holder of holders) {
      const items = await allNotices(url, holder, { limit: 37 });
      for (const item of items) seen.push(item.certificate_number);
    }
    assert.equal(seen.length, expected, `${url}: the holders' lists add up to ${expected} notices`);
    assert.deepEqual(new Set(seen), new Set(numbers), `${url}: the holders see exactly the recorded certificates`);
  }
}
