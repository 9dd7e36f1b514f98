// e2e.slice: the first vertical slice, end to end through the gateway. A clerk records a
// certificate; the certificate service writes certificate.issued.v1 to its outbox; the relay
// publishes it; the notification service consumes it through its inbox; the holder reads the
// notice in Estonian or English, page by page. Plus the gateway's guards (401/403/422),
// idempotent creation, metrics and the served OpenAPI document.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import YAML from 'yaml';
import { kServices, withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked, openapiFile } from './lib/contract.mjs';
import {
  allNotices,
  certificateBody,
  identityHeader,
  kBodyId,
  kClerk,
  kHolder,
  kOtherBodyId,
  listNotices,
  metricSum,
  recordCertificate,
  recordCertificateOk,
  scrapeMetrics,
  waitFor,
} from './lib/api.mjs';
import { personalCodes, withWrongCheckDigit } from './lib/personal-codes.mjs';

// Holders of this file only (seeded, so other test files use other codes).
const [kPagedHolder, kHolderA, kHolderB, kHolderNone, kIdempotentHolder, kRefusedHolder, kMetricsHolder] =
  personalCodes(7, 201);

describe('slice: certificate recorded through the gateway becomes the holder\'s notice', { timeout: 180000 }, () => {
  let cluster;
  let gw;
  let servedDocumentOnDisk;

  before(() => {
    servedDocumentOnDisk = fs.readFileSync(openapiFile(), 'utf8'); // the gateway reads it at start
  });
  withStartedCluster('slice', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  async function noticeFor(personalCode, number, language) {
    return waitFor(
      `the notice of ${number} for ${personalCode}`,
      async () => {
        const page = await listNotices(gw, personalCode, { language });
        assert.equal(page.status, 200, page.text);
        const item = page.body.items.find((n) => n.certificate_number === number);
        return item ? { page, item } : undefined;
      },
      { timeoutMs: 10000 },
    );
  }

  it('records a certificate and the holder reads its notice in Estonian and in English', async () => {
    const input = certificateBody();
    const answer = await recordCertificate(gw, input, { headers: { 'X-Request-Id': 'e2e-slice-record-1' } });
    assert.equal(answer.status, 201, answer.text);
    assert.equal(answer.headers.get('x-request-id'), 'e2e-slice-record-1', 'the caller\'s request id is kept');
    const certificate = answer.body;
    assert.match(certificate.number, /^K-[0-9]{6}$/);
    for (const field of Object.keys(input)) assert.equal(certificate[field], input[field], field);
    assert.equal(certificate.awarding_body_id, kBodyId);
    assert.equal(certificate.status, 'valid');
    assert.ok(Math.abs(Date.parse(certificate.issued_at) - Date.now()) < 5 * 60 * 1000, 'issued_at is now');

    const estonian = await noticeFor(kHolder.personal_code, certificate.number);
    assert.equal(estonian.page.headers.get('content-language'), 'et');
    assert.equal(estonian.item.kind, 'certificate_issued');
    assert.equal(estonian.item.read, false);
    assert.ok(estonian.item.body.includes(certificate.number), estonian.item.body);
    assert.equal(certificate.standard_name, 'Keevitaja, tase 4', 'the standard\'s name, from the reference data');
    assert.equal(certificate.level, 4, 'the standard\'s level');
    assert.ok(estonian.item.body.includes(certificate.standard_name), estonian.item.body);
    assert.match(`${estonian.item.title} ${estonian.item.body}`, /kutsetunnistus/i, 'Estonian by default');
    assert.ok(Math.abs(Date.parse(estonian.item.created_at) - Date.now()) < 5 * 60 * 1000);

    const english = await listNotices(gw, kHolder.personal_code, { language: 'en' });
    assert.equal(english.status, 200);
    assert.equal(english.headers.get('content-language'), 'en');
    const item = english.body.items.find((n) => n.id === estonian.item.id);
    assert.ok(item, 'the same notice is listed in English');
    assert.equal(item.certificate_number, certificate.number);
    assert.ok(item.body.includes(certificate.number), item.body);
    assert.match(`${item.title} ${item.body}`, /certificate/i, 'English when asked');
    assert.doesNotMatch(`${item.title} ${item.body}`, /kutsetunnistus/i, 'no Estonian left in the English text');
    assert.notEqual(item.title, estonian.item.title);
  });

  it('pages three notices with limit=1, newest first, without duplicates or gaps', async () => {
    const numbers = [];
    for (let i = 0; i < 3; i += 1) {
      const certificate = await recordCertificateOk(
        gw,
        certificateBody({ holder_personal_code: kPagedHolder, standard_code: `KEEVITAJA-${i + 2}` }),
      );
      numbers.push(certificate.number);
    }
    await waitFor('three notices', async () => (await allNotices(gw, kPagedHolder)).length >= 3);

    const walked = [];
    let cursor;
    for (let page = 1; page <= 3; page += 1) {
      const answer = await listNotices(gw, kPagedHolder, { limit: 1, cursor });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.items.length, 1, `page ${page} holds exactly one notice`);
      walked.push(answer.body.items[0]);
      if (page < 3) {
        assert.equal(typeof answer.body.next_cursor, 'string', `page ${page} has a next_cursor`);
        cursor = answer.body.next_cursor;
      } else {
        assert.equal(answer.body.next_cursor, null, 'the last page has next_cursor null');
      }
    }
    assert.deepEqual(
      walked.map((n) => n.certificate_number),
      [...numbers].reverse(),
      'newest first, each notice exactly once',
    );
    for (let i = 1; i < walked.length; i += 1) {
      assert.ok(Date.parse(walked[i - 1].created_at) >= Date.parse(walked[i].created_at), 'created_at descending');
    }
    const onePage = await listNotices(gw, kPagedHolder, { limit: 100 });
    assert.equal(onePage.body.next_cursor, null);
    assert.deepEqual(onePage.body.items.map((n) => n.id), walked.map((n) => n.id), 'paging = one big page');
    const twoPerPage = await allNotices(gw, kPagedHolder, { limit: 2 });
    assert.deepEqual(twoPerPage.map((n) => n.id), walked.map((n) => n.id), 'limit=2 walks the same list');

    for (const [query, pointer] of [
      ['limit=0', '/limit'],
      ['limit=101', '/limit'],
      ['limit=abc', '/limit'],
      ['cursor=not-a-cursor', '/cursor'],
    ]) {
      const bad = await fetchChecked(`${gw}/api/v1/me/notifications?${query}`, {
        headers: identityHeader({ personal_code: kPagedHolder }),
      });
      assert.equal(bad.status, 400, `${query}: ${bad.text}`);
      assert.equal(bad.body.code, 'bad_request');
      assert.ok(bad.body.errors?.some((e) => e.pointer === pointer), `${query} names ${pointer}: ${bad.text}`);
    }
  });

  it('shows a holder only their own notices', async () => {
    const ofA = [];
    for (let i = 0; i < 2; i += 1) {
      ofA.push((await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolderA }))).number);
    }
    const ofB = (await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolderB }))).number;
    await waitFor('A\'s and B\'s notices', async () => {
      const [a, b] = await Promise.all([allNotices(gw, kHolderA), allNotices(gw, kHolderB)]);
      return a.length >= 2 && b.length >= 1;
    });
    const a = await allNotices(gw, kHolderA);
    const b = await allNotices(gw, kHolderB);
    assert.deepEqual(a.map((n) => n.certificate_number).sort(), [...ofA].sort(), 'A sees exactly A\'s');
    assert.deepEqual(b.map((n) => n.certificate_number), [ofB], 'B sees exactly B\'s, none of A\'s');
    const none = await listNotices(gw, kHolderNone);
    assert.equal(none.status, 200);
    assert.deepEqual(none.body, { items: [], next_cursor: null }, 'a person without certificates has no notices');
  });

  it('answers a repeated Idempotency-Key with the first certificate and records nothing twice', async () => {
    const key = crypto.randomUUID();
    const input = certificateBody({ holder_personal_code: kIdempotentHolder });
    const first = await recordCertificate(gw, input, { idempotencyKey: key });
    assert.equal(first.status, 201, first.text);
    const again = await recordCertificate(gw, input, { idempotencyKey: key });
    assert.equal(again.status, 201, again.text);
    assert.deepEqual(again.body, first.body, 'the repeat returns the first result');
    // Repeats racing each other get the same answer too.
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => recordCertificate(gw, input, { idempotencyKey: key })),
    );
    for (const answer of racing) {
      assert.equal(answer.status, 201, answer.text);
      assert.deepEqual(answer.body, first.body);
    }
    const conflict = await recordCertificate(gw, { ...input, standard_code: 'KEEVITAJA-5' }, { idempotencyKey: key });
    assert.equal(conflict.status, 409, conflict.text);
    assert.equal(conflict.body.code, 'conflict');

    // A later certificate for the same holder: once its notice is there, the consumer has handled
    // every earlier event too, so a second notice for the first number would be visible by now.
    const sentinel = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kIdempotentHolder, standard_code: 'EHITUSJUHT-6' }));
    await noticeFor(kIdempotentHolder, sentinel.number);
    const notices = await allNotices(gw, kIdempotentHolder);
    assert.deepEqual(
      notices.map((n) => n.certificate_number).sort(),
      [first.body.number, sentinel.number].sort(),
      'one notice per certificate, none for the repeats',
    );
    const stored = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.certificates WHERE holder_personal_code = '${kIdempotentHolder}'`,
    );
    assert.equal(stored, 2, 'two certificates stored: the keyed one once, and the sentinel');
    const events = await cluster.sqlNumber(`SELECT count(*) FROM certificate.outbox WHERE subject = '${first.body.number}'`);
    assert.equal(events, 1, 'one certificate.issued.v1 event for the keyed certificate');
  });

  it('refuses anonymous callers (401) and clerks of another body (403)', async () => {
    const input = certificateBody({ holder_personal_code: kRefusedHolder });
    const anonymous = await recordCertificate(gw, input, { clerk: null });
    assert.equal(anonymous.status, 401, anonymous.text);
    assert.equal(anonymous.body.code, 'unauthenticated');
    assert.equal(anonymous.body.trace_id, anonymous.headers.get('x-request-id'), 'trace_id = X-Request-Id');

    const anonymousList = await fetchChecked(`${gw}/api/v1/me/notifications`);
    assert.equal(anonymousList.status, 401, anonymousList.text);
    assert.equal(anonymousList.body.code, 'unauthenticated');

    const garbled = await recordCertificate(gw, input, { clerk: null, headers: { 'X-Kutse-Dev-Identity': '{not json' } });
    assert.equal(garbled.status, 401, garbled.text);

    const otherBody = await recordCertificate(gw, input, { bodyId: kOtherBodyId });
    assert.equal(otherBody.status, 403, otherBody.text);
    assert.equal(otherBody.body.code, 'forbidden');

    const holderOnly = await recordCertificate(gw, input, { clerk: { personal_code: kRefusedHolder } });
    assert.equal(holderOnly.status, 403, holderOnly.text);

    const english = await recordCertificate(gw, input, { bodyId: kOtherBodyId, headers: { 'Accept-Language': 'en' } });
    assert.equal(english.status, 403);
    assert.equal(english.headers.get('content-language'), 'en');
    assert.notEqual(english.body.title, otherBody.body.title, 'problem titles follow Accept-Language');

    const stored = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.certificates WHERE holder_personal_code = '${kRefusedHolder}'`,
    );
    assert.equal(stored, 0, 'nothing was recorded by the refused requests');
  });

  it('answers 422 with a JSON pointer for every offending field', async () => {
    const pointersOf = (answer) => answer.body.errors.map((e) => e.pointer).sort();
    const base = certificateBody({ holder_personal_code: kRefusedHolder });

    const badCode = await recordCertificate(gw, { ...base, holder_personal_code: withWrongCheckDigit(kRefusedHolder) });
    assert.equal(badCode.status, 422, badCode.text);
    assert.equal(badCode.body.code, 'validation_failed');
    assert.deepEqual(pointersOf(badCode), ['/holder_personal_code']);

    const { holder_name: _name, standard_code: _code, ...missing } = base;
    const missingFields = await recordCertificate(gw, missing);
    assert.equal(missingFields.status, 422, missingFields.text);
    assert.deepEqual(pointersOf(missingFields), ['/holder_name', '/standard_code']);

    // The old shape (a standard's name and a level instead of its code) is no longer a certificate.
    const { standard_code: _standard, ...old } = base;
    const oldShape = await recordCertificate(gw, { ...old, standard_name: 'Keevitaja, tase 4', level: 4 });
    assert.equal(oldShape.status, 422, oldShape.text);
    assert.ok(pointersOf(oldShape).includes('/standard_code'), `the standard's code is wanted: ${oldShape.text}`);

    const unknown = await recordCertificate(gw, { ...base, favourite_colour: 'blue' });
    assert.equal(unknown.status, 422, unknown.text);
    assert.deepEqual(pointersOf(unknown), ['/favourite_colour']);

    const empty = await recordCertificate(gw, {});
    assert.equal(empty.status, 422, empty.text);
    for (const pointer of ['/holder_personal_code', '/holder_name', '/standard_code', '/decision_date', '/decision_number', '/valid_from']) {
      assert.ok(pointersOf(empty).includes(pointer), `{} is missing ${pointer}: ${empty.text}`);
    }

    const backwards = await recordCertificate(gw, { ...base, valid_from: '2030-01-01', valid_until: '2029-12-31' });
    assert.equal(backwards.status, 422, backwards.text);
    assert.deepEqual(pointersOf(backwards), ['/valid_until']);

    const english = await recordCertificate(gw, missing, { headers: { 'Accept-Language': 'en' } });
    assert.equal(english.status, 422);
    assert.equal(english.headers.get('content-language'), 'en');
    assert.equal(missingFields.headers.get('content-language'), 'et');

    const stored = await cluster.sqlNumber(
      `SELECT count(*) FROM certificate.certificates WHERE holder_personal_code = '${kRefusedHolder}'`,
    );
    assert.equal(stored, 0, 'nothing was recorded by the invalid requests');
  });

  it('counts requests in every service\'s /metrics', async () => {
    const certificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kMetricsHolder }));
    await noticeFor(kMetricsHolder, certificate.number);

    const expectations = {
      gateway: [
        { method: 'POST', status: '201' },
        { method: 'GET', status: '200' },
      ],
      certificate: [{ route: '/api/v1/bodies/{bodyId}/certificates', method: 'POST', status: '201' }],
      notification: [{ route: '/api/v1/me/notifications', method: 'GET', status: '200' }],
      workflow: [{ route: '/readyz', method: 'GET', status: '200' }],
      stamping: [{ route: '/readyz', method: 'GET', status: '200' }],
    };
    for (const service of kServices) {
      const samples = await scrapeMetrics(cluster.url(service));
      const requests = samples.filter((s) => s.name === 'http_requests_total');
      assert.ok(requests.length > 0, `${service} exposes http_requests_total`);
      for (const sample of requests) {
        assert.ok(sample.labels.route && sample.labels.method && /^[1-5][0-9]{2}$/.test(sample.labels.status),
          `${service}: http_requests_total has route, method and status labels: ${JSON.stringify(sample.labels)}`);
      }
      assert.ok(metricSum(samples, 'http_requests_total') > 0, `${service} counted requests`);
      for (const labels of expectations[service]) {
        assert.ok(
          metricSum(samples, 'http_requests_total', labels) > 0,
          `${service}: http_requests_total${JSON.stringify(labels)} > 0`,
        );
      }
      assert.ok(metricSum(samples, 'http_request_duration_seconds_count') > 0, `${service} has a latency histogram`);
    }
  });

  it('serves openapi.yaml', async () => {
    const answer = await fetchChecked(`${gw}/openapi.yaml`);
    assert.equal(answer.status, 200);
    assert.equal(answer.text, servedDocumentOnDisk, 'the gateway serves the repository\'s openapi.yaml as is');
    const document = YAML.parse(answer.text);
    assert.match(document.openapi, /^3\.1\./);
    assert.ok(document.paths['/api/v1/bodies/{bodyId}/certificates']?.post);
    assert.ok(document.paths['/api/v1/me/notifications']?.get);
  });

  it('stops every service cleanly on SIGTERM', async () => {
    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});
