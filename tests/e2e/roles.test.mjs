// Staff roles: the configured admin grants and withdraws clerk roles, the history keeps who and
// when, and a clerk's powers follow at once, through sign-in sessions (no development header).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { certificateBody } from './lib/api.mjs';
import { Browser } from './lib/browser.mjs';
import { withStartedCluster, kBootstrapAdmin } from './lib/cluster.mjs';
import { kKadri, kOie } from './lib/demo-people.mjs';
import { kBodyX } from './lib/reference-data.mjs';

const kClerk = kKadri.personal_code;
const kBody = kBodyX;

async function signedIn(cluster, personalCode) {
  const browser = new Browser(cluster.gatewayUrl);
  await browser.signIn(personalCode);
  const me = await browser.me();
  assert.equal(me.status, 200);
  browser.csrf = me.body.csrf_token;
  browser.roles = me.body.roles;
  return browser;
}

function json(browser, method, path, body) {
  return browser.request(`${browser.gatewayOrigin}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': browser.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('roles: an admin grants and withdraws staff roles', () => {
  let cluster;
  let admin;
  withStartedCluster('roles', async (started) => {
    cluster = started;
    admin = await signedIn(cluster, kBootstrapAdmin);
  });

  it('keeps role management to admins', async () => {
    const anonymous = new Browser(cluster.gatewayUrl);
    assert.equal((await anonymous.request(`${cluster.gatewayUrl}/api/v1/admin/role-assignments`)).status, 401);
    const holder = await signedIn(cluster, kOie.personal_code);
    assert.equal((await holder.request(`${cluster.gatewayUrl}/api/v1/admin/role-assignments`)).status, 403);
    const attempt = await json(holder, 'POST', '/api/v1/admin/role-assignments', {
      personal_code: kOie.personal_code,
      role: 'admin',
    });
    assert.equal(attempt.status, 403);
    assert.equal(attempt.body.code, 'forbidden');
  });

  it('refuses a malformed grant field by field', async () => {
    const answer = await json(admin, 'POST', '/api/v1/admin/role-assignments', {
      personal_code: '38001085719',
      role: 'clerk',
      colour: 'blue',
    });
    assert.equal(answer.status, 422);
    const pointers = answer.body.errors.map((e) => e.pointer).sort();
    assert.deepEqual(pointers, ['/body_id', '/colour', '/personal_code']);
    const adminOfBody = await json(admin, 'POST', '/api/v1/admin/role-assignments', {
      personal_code: kClerk,
      role: 'admin',
      body_id: kBody,
    });
    assert.equal(adminOfBody.status, 422);
  });

  it('makes a clerk who can then record certificates of that body only, until withdrawn', async () => {
    const granted = await json(admin, 'POST', '/api/v1/admin/role-assignments', {
      personal_code: kClerk,
      role: 'clerk',
      body_id: kBody,
      reason: 'kutse andja taotlus 2026-11-27',
    });
    assert.equal(granted.status, 201);
    assert.equal(granted.body.role, 'clerk');
    assert.equal(granted.body.body_id, kBody);
    assert.equal(granted.body.granted_by, `EE${kBootstrapAdmin}`);
    const again = await json(admin, 'POST', '/api/v1/admin/role-assignments', {
      personal_code: kClerk,
      role: 'clerk',
      body_id: kBody,
    });
    assert.equal(again.status, 409);

    const clerk = await signedIn(cluster, kClerk);
    assert.deepEqual(clerk.roles, ['holder', `clerk:${kBody}`]);
    const recorded = await json(clerk, 'POST', `/api/v1/bodies/${kBody}/certificates`, certificateBody());
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const elsewhere = await json(clerk, 'POST', '/api/v1/bodies/80054321/certificates', certificateBody());
    assert.equal(elsewhere.status, 403);

    const withdrawn = await admin.request(
      `${cluster.gatewayUrl}/api/v1/admin/role-assignments/${granted.body.id}?reason=${encodeURIComponent('lahkus tööle')}`,
      { method: 'DELETE', headers: { 'x-csrf-token': admin.csrf } },
    );
    assert.equal(withdrawn.status, 204);
    const refused = await json(clerk, 'POST', `/api/v1/bodies/${kBody}/certificates`, certificateBody());
    assert.equal(refused.status, 403, 'the same session lost the role at once');
    const gone = await admin.request(`${cluster.gatewayUrl}/api/v1/admin/role-assignments/${granted.body.id}`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': admin.csrf },
    });
    assert.equal(gone.status, 404);

    const history = await admin.request(
      `${cluster.gatewayUrl}/api/v1/admin/role-assignments?personal_code=${kClerk}&include_withdrawn=true`,
    );
    assert.equal(history.status, 200);
    const entry = history.body.items.find((item) => item.id === granted.body.id);
    assert.equal(entry.withdrawn_by, `EE${kBootstrapAdmin}`);
    assert.ok(entry.withdrawn_at);
    assert.equal(entry.withdraw_reason, 'lahkus tööle');
    assert.equal(entry.grant_reason, 'kutse andja taotlus 2026-11-27');
    const active = await admin.request(`${cluster.gatewayUrl}/api/v1/admin/role-assignments?personal_code=${kClerk}`);
    assert.deepEqual(active.body.items, []);
  });
});
