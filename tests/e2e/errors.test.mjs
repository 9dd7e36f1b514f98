// e2e.errors: bad requests get clean RFC 9457 answers, through the gateway and directly at the
// certificate service, and leave the service healthy: malformed JSON (400), a wrong content type
// (415), over-size bodies (413, also 10 MB), unknown routes (404), wrong methods (405 + Allow).
// Every error body is checked against openapi.yaml and for leaks (stack traces, SQL, library
// names, passwords, the DSN: see lib/contract.mjs). And HTTP/1.1 keep-alive: a request without a
// Connection header does not get "Connection: close", and the socket serves the next request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { checkResponse, fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { RawConnection } from './lib/raw-http.mjs';
import { internalToken } from './lib/token.mjs';

const kCertificatesPath = `/api/v1/bodies/${kBodyId}/certificates`;
const [kHolder] = personalCodes(1, 301);

describe('errors: bad requests get clean problem answers and the services stay healthy', { timeout: 180000 }, () => {
  let cluster;

  withStartedCluster('errors', (started) => {
    cluster = started;
  });

  // The two doors: the public gateway (dev identity header) and the certificate service itself
  // (an internal token signed like the gateway's, so the request reaches the body parser).
  const targets = [
    {
      name: 'gateway',
      base: () => cluster.gatewayUrl,
      auth: () => identityHeader(kClerk),
    },
    {
      name: 'certificate service',
      base: () => cluster.url('certificate'),
      auth: () => ({ Authorization: `Bearer ${internalToken(cluster.privateKeyFile, 'certificate', kClerk)}` }),
    },
  ];

  async function assertHealthy(target) {
    const health = await fetchChecked(`${target.base()}/healthz`);
    assert.equal(health.status, 200, `${target.name} /healthz after the bad request: ${health.text}`);
    assert.deepEqual(health.body, { status: 'ok' });
    // The gateway is only as useful as what is behind it.
    if (target.name === 'gateway') {
      const direct = await fetchChecked(`${cluster.url('certificate')}/healthz`);
      assert.equal(direct.status, 200);
    }
  }

  function post(target, body, headers = {}) {
    return fetchChecked(`${target.base()}${kCertificatesPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...target.auth(), ...headers },
      body,
    });
  }

  function assertProblem(answer, status, code) {
    assert.equal(answer.status, status, answer.text);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(answer.body.code, code, answer.text);
    assert.equal(answer.body.type, `https://kutse.ee/problems/${code}`);
  }

  for (const target of targets) {
    describe(`at the ${target.name}`, () => {
      it('accepts a well-formed request (control)', async () => {
        const answer = await post(target, JSON.stringify(certificateBody({ holder_personal_code: kHolder })), {
          'Content-Type': 'application/json; charset=utf-8',
        });
        assert.equal(answer.status, 201, answer.text);
        await assertHealthy(target);
      });

      it('answers malformed JSON with 400 malformed_json', async () => {
        for (const body of ['{"holder_name": ', 'not json at all', '{"level": 4,}', '\u0000\u0001']) {
          const answer = await post(target, body);
          assertProblem(answer, 400, 'malformed_json');
          assert.equal(answer.body.instance, kCertificatesPath);
          assert.equal(answer.body.trace_id, answer.headers.get('x-request-id'));
        }
        await assertHealthy(target);
      });

      it('answers well-formed JSON that is not an object with 422 validation_failed', async () => {
        for (const body of ['[1, 2, 3]', '"text"', '42', 'null']) {
          const answer = await post(target, body);
          assertProblem(answer, 422, 'validation_failed');
          assert.equal(answer.body.errors?.length, 1, answer.text);
        }
        await assertHealthy(target);
      });

      it('answers a wrong content type with 415 unsupported_media_type', async () => {
        const json = JSON.stringify(certificateBody({ holder_personal_code: kHolder }));
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/json']) {
          assertProblem(await post(target, json, { 'Content-Type': type }), 415, 'unsupported_media_type');
        }
        await assertHealthy(target);
      });

      it('answers a body over the route\'s 64 KiB limit (80 KB) with 413 problem+json', async () => {
        const eighty = JSON.stringify({ holder_name: 'x'.repeat(80 * 1024) });
        const answer = await post(target, eighty);
        assertProblem(answer, 413, 'payload_too_large');
        await assertHealthy(target);
      });

      it('answers a 10 MB body with 413 problem+json', async () => {
        // Far above anything the server reads into memory: refused while reading the request.
        const huge = JSON.stringify({ holder_name: 'x'.repeat(10 * 1024 * 1024) });
        const answer = await post(target, huge);
        assertProblem(answer, 413, 'payload_too_large');
        await assertHealthy(target);
      });

      it('answers an unknown route with 404 not_found', async () => {
        for (const path of ['/api/v1/nothing-here', '/nothing-here', '/api/v1/bodies']) {
          const answer = await fetchChecked(`${target.base()}${path}`, { headers: target.auth(), undocumented: true });
          assertProblem(answer, 404, 'not_found');
          assert.equal(answer.body.instance, path);
        }
        // A documented route with a bodyId that is no registry code: documented 404.
        const badBody = await fetchChecked(`${target.base()}/api/v1/bodies/8001234x/certificates`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...target.auth() },
          body: JSON.stringify(certificateBody({ holder_personal_code: kHolder })),
        });
        assertProblem(badBody, 404, 'not_found');
        await assertHealthy(target);
      });

      it('answers a wrong method with 405 and an Allow header', async () => {
        for (const [method, path, allow] of [
          ['DELETE', kCertificatesPath, 'POST'],
          ['GET', kCertificatesPath, 'POST'],
          ['PUT', kCertificatesPath, 'POST'],
          ['POST', '/healthz', 'GET'],
          ['DELETE', '/readyz', 'GET'],
        ]) {
          const answer = await fetchChecked(`${target.base()}${path}`, {
            method,
            headers: target.auth(),
            undocumented: true,
          });
          assertProblem(answer, 405, 'method_not_allowed');
          const allowed = (answer.headers.get('allow') ?? '').split(',').map((m) => m.trim());
          assert.ok(allowed.includes(allow), `${method} ${path}: Allow "${answer.headers.get('allow')}" lists ${allow}`);
          assert.ok(!allowed.includes(method), `${method} ${path}: Allow does not list ${method}`);
        }
        await assertHealthy(target);
      });

      it('keeps an HTTP/1.1 connection without a Connection header alive for the next request', async () => {
        const port = new URL(target.base()).port;
        const connection = await RawConnection.connect(Number(port));
        try {
          const host = `Host: 127.0.0.1:${port}\r\n`;
          const first = await connection.request(`GET /healthz HTTP/1.1\r\n${host}\r\n`);
          checkResponse('GET', '/healthz', first);
          assert.equal(first.status, 200);
          assert.doesNotMatch(first.headers.connection ?? '', /close/i, 'no "Connection: close" for HTTP/1.1');

          const body = JSON.stringify(certificateBody({ holder_personal_code: kHolder }));
          const headers = Object.entries({ 'Content-Type': 'application/json', ...target.auth() })
            .map(([name, value]) => `${name}: ${value}\r\n`)
            .join('');
          const second = await connection.request(
            `POST ${kCertificatesPath} HTTP/1.1\r\n${host}${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
          );
          checkResponse('POST', kCertificatesPath, second);
          assert.equal(second.status, 201, second.body);
          assert.doesNotMatch(second.headers.connection ?? '', /close/i);

          const third = await connection.request(`GET /readyz HTTP/1.1\r\n${host}\r\n`);
          checkResponse('GET', '/readyz', third);
          assert.equal(third.status, 200);
          assert.equal(connection.closed, false, 'the same socket served all three requests and is still open');
        } finally {
          connection.close();
        }
      });
    });
  }

  it('stops every service cleanly on SIGTERM', async () => {
    cluster.assertAllRunning();
    await cluster.stopAll();
  });
});
