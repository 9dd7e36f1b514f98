// tests/bench/issue_at_rate.mjs: issues certificates through the gateway at a fixed rate (an open
// model: a request leaves every 1/rate s whether or not earlier ones were answered), as one signed-in
// clerk, each for a different holder; every `sampleEvery`-th certificate goes to one of the sampled
// holders, whose "My notifications" is then polled through the gateway until the notice shows it.
// Prints one JSON line: what was sent and answered, and the latencies in ms. Used by
// notice-latency.sh; reads its options from one JSON argument.
import { setTimeout as sleep } from 'node:timers/promises';

const options = JSON.parse(process.argv[2]);
const { gateway, clerkCookie, csrf, bodyId, standard, rate, seconds, samples, sampleEvery, pollMs, maxInFlight } = options;

const weights = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 1], [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]];
function withCheckDigit(first) {
  const digits = [...first].map(Number);
  for (const w of weights) {
    const r = digits.reduce((s, d, i) => s + d * w[i], 0) % 11;
    if (r < 10) return first + r;
  }
  return `${first}0`;
}
/** The i-th holder of a run: a valid personal code of a woman born in 1960-87, distinct per i < 280,000. */
function holderCode(i, run) {
  const day = new Date(Date.UTC(1960, 0, 1) + (i % 10000) * 86400000);
  const yymmdd = `${String(day.getUTCFullYear() % 100).padStart(2, '0')}${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}`;
  return withCheckDigit(`4${yymmdd}${String((Math.floor(i / 10000) * 7 + run) % 1000).padStart(3, '0')}`);
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const run = Number(options.run ?? 0);
const postLatencies = [];
const visibleLatencies = [];
const statuses = new Map();
let inFlight = 0;
let skipped = 0;
let sent = 0;
const pending = [];

async function pollUntilVisible(sample, number, answeredAt) {
  const deadline = answeredAt + 30000;
  while (performance.now() < deadline) {
    const response = await fetch(`${gateway}/api/v1/me/notifications?limit=5`, { headers: { Cookie: sample.cookie } });
    const page = await response.json();
    if (response.status !== 200) {
      statuses.set(`notifications ${response.status}`, (statuses.get(`notifications ${response.status}`) ?? 0) + 1);
      return;
    }
    if (page.items.some((notice) => notice.certificate_number === number)) {
      visibleLatencies.push(performance.now() - answeredAt);
      return;
    }
    await sleep(pollMs);
  }
  statuses.set('not visible in 30 s', (statuses.get('not visible in 30 s') ?? 0) + 1);
}

async function issue(i) {
  const sample = i % sampleEvery === 0 ? samples[(i / sampleEvery) % samples.length] : null;
  const holder = sample ? sample.code : holderCode(i, run);
  const body = {
    holder_personal_code: holder,
    holder_name: sample ? sample.name : `Teavituse Saaja ${i}`,
    standard_code: standard,
    decision_date: '2025-12-15',
    decision_number: `N-${run}-${i}`,
    valid_from: '2026-01-01',
  };
  const started = performance.now();
  inFlight += 1;
  try {
    const response = await fetch(`${gateway}/api/v1/bodies/${bodyId}/certificates`, {
      method: 'POST',
      headers: { Cookie: clerkCookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    const answeredAt = performance.now();
    postLatencies.push(answeredAt - started);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status === 201 && sample) await pollUntilVisible(sample, answer.number, answeredAt);
  } catch (error) {
    statuses.set(error.code ?? 'error', (statuses.get(error.code ?? 'error') ?? 0) + 1);
  } finally {
    inFlight -= 1;
  }
}

const intervalMs = 1000 / rate;
const total = Math.round(rate * seconds);
const begin = performance.now();
for (let i = 0; i < total; i += 1) {
  const due = begin + i * intervalMs;
  const wait = due - performance.now();
  if (wait > 1) await sleep(wait);
  if (inFlight >= maxInFlight) {
    skipped += 1;
    continue;
  }
  sent += 1;
  pending.push(issue(i));
}
const sendSeconds = (performance.now() - begin) / 1000;
await Promise.all(pending);

const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
process.stdout.write(`${JSON.stringify({
  sent,
  skipped,
  statuses: Object.fromEntries(statuses),
  achievedRate: round(sent / sendSeconds),
  post: { p50: round(percentile(postLatencies, 50)), p99: round(percentile(postLatencies, 99)) },
  visible: { count: visibleLatencies.length, p50: round(percentile(visibleLatencies, 50)), p99: round(percentile(visibleLatencies, 99)), max: round(Math.max(...visibleLatencies)) },
})}\n`);
