// The authorization matrix: every operation in openapi.yaml, called by every kind of caller, gets
// exactly the answer the matrix allows. An operation added to openapi.yaml without a row here fails
// the test, so nobody can add a route without deciding who may call it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { certificateBody } from './lib/api.mjs';
import { Browser } from './lib/browser.mjs';
import { withStartedCluster, kBootstrapAdmin } from './lib/cluster.mjs';
import { contract } from './lib/contract.mjs';
import { kJuri, kKadri, kOie, kToomas } from './lib/demo-people.mjs';
import { kBodyX, kBodyY } from './lib/reference-data.mjs';

// A real PDF, so that a file route's upload check lets it through to the caller's check.
const kPdf = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/uploads/protocol.pdf'));

const X = kBodyX;
const Y = kBodyY;
const kCallers = ['anonymous', 'holderA', 'holderB', 'clerkX', 'clerkY', 'admin', 'clientX'];
const kPeople = {
  holderA: kOie.personal_code,
  holderB: kJuri.personal_code,
  clerkX: kKadri.personal_code,
  clerkY: kToomas.personal_code,
  admin: kBootstrapAdmin,
};

// status(es) for every caller; `all` is shorthand for everyone.
const everyone = (status) => Object.fromEntries(kCallers.map((c) => [c, status]));
const only = (allowed, otherwise, anonymous = 401) =>
  Object.fromEntries(kCallers.map((c) => [c, c === 'anonymous' ? anonymous : allowed[c] ?? otherwise]));
const persons = (status) => ({ holderA: status, holderB: status, clerkX: status, clerkY: status, admin: status });

const kMatrix = {
  'GET /healthz': { path: '/healthz', expect: everyone(200) },
  'GET /readyz': { path: '/readyz', expect: everyone(200) },
  'GET /metrics': { path: '/metrics', expect: everyone(200) },
  'GET /openapi.yaml': { path: '/openapi.yaml', expect: everyone(200) },
  'GET /auth/login': { path: '/auth/login', expect: everyone(302) },
  'GET /auth/callback': { path: '/auth/callback', expect: everyone(400) },
  // Without the CSRF token on purpose: a signed-in person's logout needs it.
  'POST /auth/logout': { path: '/auth/logout', csrf: false, expect: only({ ...persons(403), clientX: 204 }, 204, 204) },
  'GET /api/v1/me': { path: '/api/v1/me', expect: only(persons(200), 403) },
  'GET /api/v1/public/status': { path: '/api/v1/public/status', expect: everyone(200) },
  // A preflight from an origin no body registered is refused for everyone alike.
  'OPTIONS /api/v1/public/status': {
    path: '/api/v1/public/status',
    headers: { origin: 'https://unregistered.example' },
    expect: everyone(403),
  },
  'GET /api/v1/me/notifications': { path: '/api/v1/me/notifications', expect: only(persons(200), 403) },
  'GET /api/v1/me/notifications/unread-count': { path: '/api/v1/me/notifications/unread-count', expect: only(persons(200), 403) },
  // No notice has this id: each person is let in and finds none of theirs.
  'POST /api/v1/me/notifications/{noticeId}/read': {
    path: '/api/v1/me/notifications/6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c/read',
    expect: only(persons(404), 403),
  },
  'POST /api/v1/me/notifications/read-all': {
    path: '/api/v1/me/notifications/read-all',
    body: () => ({ up_to: '6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c' }),
    expect: only(persons(404), 403),
  },
  'GET /api/v1/me/notification-settings': { path: '/api/v1/me/notification-settings', expect: only(persons(200), 403) },
  // Without an address, so no confirmation code is sent; each person saves their own.
  'PUT /api/v1/me/notification-settings': {
    path: '/api/v1/me/notification-settings',
    body: () => ({ language: 'et', state_portal: true, email_enabled: false, email: null }),
    expect: only(persons(200), 403),
  },
  // No address waits for a code: each person is let in and told so.
  'POST /api/v1/me/notification-settings/email-confirmation': {
    path: '/api/v1/me/notification-settings/email-confirmation',
    body: () => ({ code: '123456' }),
    expect: only(persons(409), 403),
  },
  'GET /api/v1/admin/notification-deliveries': {
    path: '/api/v1/admin/notification-deliveries?state=dead',
    expect: only({ admin: 200 }, 403),
  },
  'POST /api/v1/admin/notification-deliveries/{deliveryId}/retry': {
    path: '/api/v1/admin/notification-deliveries/6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c/retry',
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/notification-digests': {
    path: '/api/v1/admin/notification-digests',
    body: () => ({}),
    expect: only({ admin: 200 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/certificates': {
    path: `/api/v1/bodies/${X}/certificates`,
    body: () => certificateBody(),
    expect: only({ clerkX: 201 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/certificate-batches': {
    path: `/api/v1/bodies/${X}/certificate-batches`,
    body: () => ({ certificates: [certificateBody()] }),
    expect: only({ clerkX: 201 }, 403),
  },
  'GET /api/v1/me/data-access-log': { path: '/api/v1/me/data-access-log', expect: only(persons(200), 403) },
  // The register: holders' own certificates, the public register, and the bodies' status changes.
  // K-999999 is never recorded here, so the answers do not depend on data.
  'GET /api/v1/me/certificates': { path: '/api/v1/me/certificates', expect: only(persons(200), 403) },
  'PUT /api/v1/me/certificates/{number}/publication': {
    path: '/api/v1/me/certificates/K-999999/publication',
    body: () => ({ published: true }),
    expect: only(persons(404), 403),
  },
  'GET /api/v1/public/certificates': { path: '/api/v1/public/certificates', expect: everyone(200) },
  'GET /api/v1/public/certificates/{number}': { path: '/api/v1/public/certificates/K-999999', expect: everyone(404) },
  'POST /api/v1/bodies/{bodyId}/certificates/{number}/invalidation': {
    path: `/api/v1/bodies/${X}/certificates/K-999999/invalidation`,
    body: () => ({ reason: 'x' }),
    expect: only({ clerkX: 404, admin: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/certificates/{number}/annulment': {
    path: `/api/v1/bodies/${X}/certificates/K-999999/annulment`,
    body: () => ({ reason: 'x' }),
    expect: only({ clerkX: 404, admin: 404 }, 403),
  },
  // No certificate has this number: each person is let in and finds none of theirs.
  'POST /api/v1/me/certificates/{number}/stamps': {
    path: '/api/v1/me/certificates/K-999999/stamps',
    body: () => ({ format: 'pdf', language: 'et' }),
    expect: only(persons(404), 403),
  },
  'GET /api/v1/me/certificates/{number}': { path: '/api/v1/me/certificates/K-999999', expect: only(persons(404), 403) },
  // The holder's stamps: each person lists their own; no stamp has this id.
  'GET /api/v1/me/stamps': { path: '/api/v1/me/stamps', expect: only(persons(200), 403) },
  'POST /api/v1/me/stamps/{stamp}/withdrawal': {
    path: '/api/v1/me/stamps/00000000-0000-4000-8000-000000000000/withdrawal',
    expect: only(persons(404), 403),
  },
  // The public's verification: anyone, signed in or not. No stamp has this code; the PDF has no seal.
  'GET /api/v1/public/verifications/{verificationCode}': {
    path: '/api/v1/public/verifications/AAAAAAAAAAAAAAAAAAAAAAAA',
    expect: everyone(404),
  },
  'POST /api/v1/public/verifications': {
    path: '/api/v1/public/verifications',
    raw: () => ({ type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n') }),
    expect: everyone(200),
  },
  // The holder's requests (workflow). K-999999 is no one's certificate and the id no one's request,
  // so every person gets the same 404 and the answers do not depend on data.
  'POST /api/v1/me/requests': {
    path: '/api/v1/me/requests',
    body: () => ({ kind: 'question', certificate_number: 'K-999999', message: 'x' }),
    expect: only(persons(404), 403),
  },
  'GET /api/v1/me/requests': { path: '/api/v1/me/requests', expect: only(persons(200), 403) },
  'GET /api/v1/me/requests/{id}': { path: '/api/v1/me/requests/00000000-0000-4000-8000-000000000000', expect: only(persons(404), 403) },
  'POST /api/v1/me/requests/{id}/withdraw': { path: '/api/v1/me/requests/00000000-0000-4000-8000-000000000000/withdraw', expect: only(persons(404), 403) },
  'POST /api/v1/me/requests/{id}/close': { path: '/api/v1/me/requests/00000000-0000-4000-8000-000000000000/close', expect: only(persons(404), 403) },
  // A body's inbox: its clerks only (the register keeper's admins have their own).
  'GET /api/v1/bodies/{bodyId}/requests': { path: `/api/v1/bodies/${X}/requests`, expect: only({ clerkX: 200 }, 403) },
  'GET /api/v1/bodies/{bodyId}/requests/{id}': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000`,
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/take': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/take`,
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/accept': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/accept`,
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/reject': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/reject`,
    body: () => ({ reason: 'x' }),
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/mark-delivered': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/mark-delivered`,
    body: () => ({ delivery: 'posted' }),
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/approve': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/approve`,
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/answer': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/answer`,
    body: () => ({ message: 'x' }),
    expect: only({ clerkX: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/requests/{id}/close': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/close`,
    expect: only({ clerkX: 404 }, 403),
  },
  // The register keeper's inbox: its admins only; a decision on no one's request is 404 for them.
  'GET /api/v1/admin/requests': { path: '/api/v1/admin/requests', expect: only({ admin: 200 }, 403) },
  'GET /api/v1/admin/requests/{id}': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000',
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/take': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/take',
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/accept': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/accept',
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/reject': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/reject',
    body: () => ({ reason: 'x' }),
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/mark-delivered': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/mark-delivered',
    body: () => ({ delivery: 'posted' }),
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/approve': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/approve',
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/answer': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/answer',
    body: () => ({ message: 'x' }),
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/admin/requests/{id}/close': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/close',
    expect: only({ admin: 404 }, 403),
  },
  // A file to no one's request: each person is let in and finds none of theirs.
  'POST /api/v1/me/requests/{id}/attachments': {
    path: '/api/v1/me/requests/00000000-0000-4000-8000-000000000000/attachments',
    file: () => ({ type: 'application/pdf', bytes: kPdf }),
    expect: only(persons(404), 403),
  },
  'GET /api/v1/me/requests/{id}/attachments/{attachmentId}': {
    path: '/api/v1/me/requests/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000001',
    expect: only(persons(404), 403),
  },
  'GET /api/v1/bodies/{bodyId}/requests/{id}/attachments/{attachmentId}': {
    path: `/api/v1/bodies/${X}/requests/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000001`,
    expect: only({ clerkX: 404 }, 403),
  },
  'GET /api/v1/admin/requests/{id}/attachments/{attachmentId}': {
    path: '/api/v1/admin/requests/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000001',
    expect: only({ admin: 404 }, 403),
  },
  'POST /api/v1/me/requests/{id}/messages': {
    path: '/api/v1/me/requests/00000000-0000-4000-8000-000000000000/messages',
    body: () => ({ message: 'x' }),
    expect: only(persons(404), 403),
  },
  'GET /api/v1/bodies/{bodyId}/certificates/{number}': {
    path: `/api/v1/bodies/${X}/certificates/K-999999`,
    expect: only({ clerkX: 404, admin: 404 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/certificates/{number}/prints': {
    path: `/api/v1/bodies/${X}/certificates/K-999999/prints`,
    body: () => ({ reason: 'reprint', delivery: 'post' }),
    expect: only({ clerkX: 404, admin: 404 }, 403),
  },
  // The register's reference data (tests/e2e/fixtures/reference_data.sql): anyone reads it, only
  // admins enter it. The admins' bodies are empty on purpose: the answer (422) shows they were let
  // in, and nothing changes.
  'GET /api/v1/public/standards': { path: '/api/v1/public/standards', expect: everyone(200) },
  'GET /api/v1/public/standards/{code}': { path: '/api/v1/public/standards/KEEVITAJA-4', expect: everyone(200) },
  'GET /api/v1/public/awarding-bodies': { path: '/api/v1/public/awarding-bodies', expect: everyone(200) },
  'GET /api/v1/public/awarding-bodies/{registryCode}': { path: `/api/v1/public/awarding-bodies/${X}`, expect: everyone(200) },
  'PUT /api/v1/admin/standards/{code}': {
    path: '/api/v1/admin/standards/KEEVITAJA-4',
    body: () => ({}),
    expect: only({ admin: 422 }, 403),
  },
  'PUT /api/v1/admin/awarding-bodies/{registryCode}': {
    path: `/api/v1/admin/awarding-bodies/${X}`,
    body: () => ({}),
    expect: only({ admin: 422 }, 403),
  },
  'POST /api/v1/admin/certificate-imports': {
    path: '/api/v1/admin/certificate-imports',
    body: () => ({}),
    expect: only({ admin: 422 }, 403),
  },
  'GET /api/v1/admin/role-assignments': { path: '/api/v1/admin/role-assignments', expect: only({ admin: 200 }, 403) },
  'POST /api/v1/admin/role-assignments': {
    path: '/api/v1/admin/role-assignments',
    body: () => ({}),
    expect: only({ admin: 422 }, 403),
  },
  'DELETE /api/v1/admin/role-assignments/{assignmentId}': {
    path: '/api/v1/admin/role-assignments/999999999',
    expect: only({ admin: 404 }, 403),
  },
  'GET /api/v1/bodies/{bodyId}/api-clients': {
    path: `/api/v1/bodies/${X}/api-clients`,
    expect: only({ clerkX: 200, admin: 200 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/api-clients': {
    path: `/api/v1/bodies/${X}/api-clients`,
    body: () => ({}),
    expect: only({ clerkX: 422, admin: 422 }, 403),
  },
  'POST /api/v1/bodies/{bodyId}/api-clients/{clientId}/secret': {
    path: `/api/v1/bodies/${X}/api-clients/${X}-00000000/secret`,
    expect: only({ clerkX: 404, admin: 404 }, 403),
  },
  'DELETE /api/v1/bodies/{bodyId}/api-clients/{clientId}': {
    path: `/api/v1/bodies/${X}/api-clients/${X}-00000000`,
    expect: only({ clerkX: 404, admin: 404 }, 403),
  },
};

function documentedOperations() {
  const operations = [];
  for (const [path, item] of Object.entries(contract().document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete', 'options']) {
      if (item[method]) operations.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return operations;
}

describe('authorization: every route × every kind of caller', () => {
  let cluster;
  const callers = {};
  withStartedCluster('authz', async (started) => {
    cluster = started;
    for (const [name, code] of Object.entries(kPeople)) {
      callers[name] = new Browser(cluster.gatewayUrl);
      await callers[name].signIn(code);
    }
    const grant = async (code, body) => {
      const me = await callers.admin.me();
      const answer = await callers.admin.request(`${cluster.gatewayUrl}/api/v1/admin/role-assignments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.body.csrf_token },
        body: JSON.stringify({ personal_code: code, role: 'clerk', body_id: body }),
      });
      assert.equal(answer.status, 201);
    };
    await grant(kPeople.clerkX, X);
    await grant(kPeople.clerkY, Y);
    for (const name of Object.keys(kPeople)) {
      callers[name].csrf = (await callers[name].me()).body.csrf_token;
    }
    const created = await callers.clerkX.request(`${cluster.gatewayUrl}/api/v1/bodies/${X}/api-clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': callers.clerkX.csrf },
      body: JSON.stringify({ name: 'Keevitajate koduleht', scopes: ['public:read'] }),
    });
    assert.equal(created.status, 201);
    callers.clientX = new Browser(cluster.gatewayUrl);
    callers.clientX.basic = Buffer.from(`${created.body.client_id}:${created.body.client_secret}`).toString('base64');
    callers.anonymous = new Browser(cluster.gatewayUrl);
  });

  it('has a row for every operation in openapi.yaml, and none for an operation that is not there', () => {
    const documented = documentedOperations();
    const missing = documented.filter((operation) => !kMatrix[operation]);
    assert.deepEqual(missing, [], 'operations in openapi.yaml without a row in the authorization matrix');
    const stale = Object.keys(kMatrix).filter((operation) => !documented.includes(operation));
    assert.deepEqual(stale, [], 'rows for operations that openapi.yaml does not have');
  });

  for (const [operation, row] of Object.entries(kMatrix)) {
    it(`${operation}`, async () => {
      const method = operation.split(' ')[0];
      const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
      const seen = {};
      for (const name of kCallers) {
        const browser = callers[name];
        const headers = {};
        if (browser.basic) headers.authorization = `Basic ${browser.basic}`;
        Object.assign(headers, row.headers ?? {});
        if (unsafe && browser.csrf && row.csrf !== false) headers['x-csrf-token'] = browser.csrf;
        let body;
        if (row.body) {
          headers['content-type'] = 'application/json';
          body = JSON.stringify(row.body());
        } else if (row.raw) {
          const file = row.raw();
          headers['content-type'] = file.type;
          body = file.bytes;
        }
        if (row.file) {
          const file = row.file();
          headers['content-type'] = file.type;
          body = file.bytes;
        }
        const answer = await browser.request(`${cluster.gatewayUrl}${row.path}`, { method, headers, body });
        seen[name] = answer.status;
      }
      assert.deepEqual(seen, row.expect);
    });
  }
});

describe('API clients: credentials of a body\'s home page', () => {
  let cluster;
  let clerk;
  withStartedCluster('clients', async (started) => {
    cluster = started;
    const admin = new Browser(cluster.gatewayUrl);
    await admin.signIn(kBootstrapAdmin);
    const csrf = (await admin.me()).body.csrf_token;
    const granted = await admin.request(`${cluster.gatewayUrl}/api/v1/admin/role-assignments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ personal_code: kPeople.clerkX, role: 'clerk', body_id: X }),
    });
    assert.equal(granted.status, 201);
    clerk = new Browser(cluster.gatewayUrl);
    await clerk.signIn(kPeople.clerkX);
    clerk.csrf = (await clerk.me()).body.csrf_token;
  });

  const create = (body) =>
    clerk.request(`${cluster.gatewayUrl}/api/v1/bodies/${X}/api-clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': clerk.csrf },
      body: JSON.stringify(body),
    });
  const call = (id, secret) =>
    new Browser(cluster.gatewayUrl).request(`${cluster.gatewayUrl}/api/v1/public/status`, {
      headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
    });

  it('creates, lists without secrets, rotates and revokes; old secrets stop working at once', async () => {
    const created = await create({ name: 'Keevitajate koduleht', scopes: ['public:read', 'rounds:read'], allowed_origins: ['https://www.keevitajad.ee'] });
    assert.equal(created.status, 201);
    const { client_id: id, client_secret: secret } = created.body;
    assert.match(id, new RegExp(`^${X}-[0-9a-f]{8}$`));
    assert.equal((await call(id, secret)).status, 200);
    const wrong = await call(id, `${secret}x`);
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('www-authenticate'), /^Basic/);

    const listed = await clerk.request(`${cluster.gatewayUrl}/api/v1/bodies/${X}/api-clients`);
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.some((c) => c.client_id === id));
    assert.ok(!listed.text.includes(secret), 'the secret is never listed');

    const rotated = await clerk.request(`${cluster.gatewayUrl}/api/v1/bodies/${X}/api-clients/${id}/secret`, {
      method: 'POST',
      headers: { 'x-csrf-token': clerk.csrf },
    });
    assert.equal(rotated.status, 200);
    assert.equal((await call(id, secret)).status, 401, 'the old secret is refused');
    assert.equal((await call(id, rotated.body.client_secret)).status, 200);

    const revoked = await clerk.request(`${cluster.gatewayUrl}/api/v1/bodies/${X}/api-clients/${id}`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': clerk.csrf },
    });
    assert.equal(revoked.status, 204);
    assert.equal((await call(id, rotated.body.client_secret)).status, 401, 'a revoked client is refused');
  });

  it('holds a client to its rate limit with 429 and Retry-After', async () => {
    const created = await create({ name: 'Väike koduleht', scopes: ['public:read'], rate_limit_per_minute: 3 });
    assert.equal(created.status, 201);
    const statuses = [];
    let last;
    for (let i = 0; i < 4; i += 1) {
      last = await call(created.body.client_id, created.body.client_secret);
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.equal(last.body.code, 'too_many_requests');
    assert.ok(Number(last.headers.get('retry-after')) >= 1);
  });

  it('lets browsers on registered origins read the public endpoints (CORS), and no one else', async () => {
    const origin = 'https://www.keevitajad.ee';
    const created = await create({ name: 'Koduleht CORS', scopes: ['public:read'], allowed_origins: [origin] });
    assert.equal(created.status, 201);
    const browser = new Browser(cluster.gatewayUrl);
    const allowed = await browser.request(`${cluster.gatewayUrl}/api/v1/public/status`, { headers: { origin } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), origin);
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const stranger = await browser.request(`${cluster.gatewayUrl}/api/v1/public/status`, { headers: { origin: 'https://evil.example' } });
    assert.equal(stranger.status, 200);
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    const preflight = await browser.request(`${cluster.gatewayUrl}/api/v1/public/status`, { method: 'OPTIONS', headers: { origin } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    const refused = await browser.request(`${cluster.gatewayUrl}/api/v1/public/status`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(refused.status, 403);
  });

  it('refuses malformed requests field by field', async () => {
    const answer = await create({ name: '', scopes: ['everything'], allowed_origins: ['javascript:alert(1)'], rate_limit_per_minute: 0 });
    assert.equal(answer.status, 422);
    assert.deepEqual(answer.body.errors.map((e) => e.pointer).sort(), ['/allowed_origins/0', '/name', '/rate_limit_per_minute', '/scopes/0']);
  });
});
