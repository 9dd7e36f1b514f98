// Small helpers over the public API for the e2e tests. Every call goes through fetchChecked, so
// every answer is also checked against openapi.yaml.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchChecked } from './contract.mjs';
import { kKadri, kOie } from './demo-people.mjs';
import { kBodyX } from './reference-data.mjs';

export const kBodyId = kBodyX;
export const kOtherBodyId = '80099999';
export const kClerk = { ...kKadri, roles: [`clerk:${kBodyId}`] };
export const kHolder = { ...kOie };

/** The development identity header; JSON with non-ASCII escaped, since header values are bytes. */
export function identityHeader(identity) {
  const json = JSON.stringify(identity).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { 'X-Kutse-Dev-Identity': json };
}

/**
 * A certificate to issue: a welder of level 4 (KEEVITAJA-4 of the reference data, which body X may
 * award) for kHolder, decided on 2025-12-15, valid five years from 2026-01-01 (the end the standard
 * gives; issue_date defaults to today). Overrides replace members; a member set to undefined is
 * left out.
 */
export function certificateBody(overrides = {}) {
  const body = {
    holder_personal_code: kHolder.personal_code,
    holder_name: kHolder.name,
    standard_code: 'KEEVITAJA-4',
    decision_date: '2025-12-15',
    decision_number: 'KK-2025/118',
    valid_from: '2026-01-01',
    valid_until: '2030-12-31',
    ...overrides,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return body;
}

/** POST a certificate as `clerk` (default: clerk of kBodyId). Returns the checked answer. */
export function recordCertificate(baseUrl, body, { bodyId = kBodyId, clerk = kClerk, idempotencyKey, headers = {}, timeoutMs } = {}) {
  return fetchChecked(`${baseUrl}/api/v1/bodies/${bodyId}/certificates`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(clerk ? identityHeader(clerk) : {}),
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    timeoutMs,
  });
}

/** POST and assert 201 with the certificate echoed back; returns the certificate. */
export async function recordCertificateOk(baseUrl, body, options) {
  const answer = await recordCertificate(baseUrl, body, options);
  assert.equal(answer.status, 201, `recording a certificate: HTTP ${answer.status} ${answer.text}`);
  assert.match(answer.body.number, body.certificate_type === 'partial_qualification' ? /^OK-[0-9]{6,}$/ : /^K-[0-9]{6,}$/);
  assert.equal(answer.body.holder_personal_code, body.holder_personal_code);
  return answer.body;
}

/** One page of the holder's notices. */
export function listNotices(baseUrl, personalCode, { limit, cursor, language } = {}) {
  const query = new URLSearchParams();
  if (limit !== undefined) query.set('limit', String(limit));
  if (cursor !== undefined) query.set('cursor', cursor);
  const qs = query.toString();
  return fetchChecked(`${baseUrl}/api/v1/me/notifications${qs ? `?${qs}` : ''}`, {
    headers: { ...identityHeader({ personal_code: personalCode }), ...(language ? { 'Accept-Language': language } : {}) },
  });
}

/**
 * Every notice of the holder, following next_cursor (limit per page). Asserts 200 on each page,
 * at most `limit` items per page and no notice twice. Returns the items in the order served.
 */
export async function allNotices(baseUrl, personalCode, { limit = 100, maxPages = 1000 } = {}) {
  const items = [];
  const seen = new Set();
  let cursor;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await listNotices(baseUrl, personalCode, { limit, cursor });
    assert.equal(answer.status, 200, `listing notices: HTTP ${answer.status} ${answer.text}`);
    assert.ok(answer.body.items.length <= limit, `a page has ${answer.body.items.length} items, limit ${limit}`);
    for (const item of answer.body.items) {
      assert.ok(!seen.has(item.id), `notice ${item.id} served twice while paging`);
      seen.add(item.id);
      items.push(item);
    }
    if (answer.body.next_cursor === null) return items;
    assert.ok(answer.body.items.length > 0, 'a page with a next_cursor must not be empty');
    cursor = answer.body.next_cursor;
  }
  assert.fail(`more than ${maxPages} pages of notices`);
}

/**
 * Polls `probe` every intervalMs until it returns a truthy value (which is returned), at most
 * timeoutMs; then throws, describing the last value seen.
 */
export async function waitFor(description, probe, { timeoutMs = 10000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  const what = typeof description === 'function' ? description() : description;
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 500)})`);
}

/** Runs fn(item, index) over items with at most `concurrency` in flight; results in item order. */
export async function runPool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Prometheus text format → [{name, labels: {...}, value}] (comments skipped). */
export function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    assert.ok(match, `not a Prometheus sample line: ${line}`);
    const labels = {};
    if (match[2]) {
      for (const pair of match[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** Sum of a metric's samples whose labels include `where`. */
export function metricSum(samples, name, where = {}) {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

export async function scrapeMetrics(baseUrl) {
  const answer = await fetchChecked(`${baseUrl}/metrics`);
  assert.equal(answer.status, 200);
  return parseMetrics(answer.text);
}
