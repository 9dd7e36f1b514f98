// Signing in through a real OpenID Connect provider that behaves like TARA, sessions, CSRF and
// signing out, all through the gateway.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Browser } from './lib/browser.mjs';
import { withStartedCluster, kBootstrapAdmin } from './lib/cluster.mjs';
import { kJuri, kOie } from './lib/demo-people.mjs';

const kHolder = kOie.personal_code;
const kOtherHolder = kJuri.personal_code;

function sessionCookieLine(steps) {
  for (const { answer } of steps) {
    const line = answer?.headers.getSetCookie().find((l) => l.startsWith('kutse_session='));
    if (line) return line;
  }
  return undefined;
}

describe('auth: sign-in through the TARA-like provider, sessions, CSRF and sign-out', () => {
  let cluster;
  withStartedCluster('auth', (started) => {
    cluster = started;
  });

  it('redirects to the provider with state, nonce, PKCE and the login_hint passed on', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    const answer = await browser.request(`${cluster.gatewayUrl}/auth/login?login_hint=${kOtherHolder}`);
    assert.equal(answer.status, 302);
    const location = new URL(answer.headers.get('location'));
    assert.equal(location.origin, cluster.identity.issuer);
    for (const name of ['state', 'nonce', 'code_challenge']) assert.ok(location.searchParams.get(name)?.length >= 40, name);
    assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(location.searchParams.get('response_type'), 'code');
    assert.equal(location.searchParams.get('scope'), 'openid');
    assert.equal(location.searchParams.get('login_hint'), kOtherHolder);
  });

  it('signs a holder in, shows who they are, and the session cookie is HttpOnly and SameSite=Lax', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    const steps = await browser.signIn(kHolder, { returnTo: '/minu/tunnistused' });
    const last = steps.at(-1);
    assert.equal(new URL(last.url).pathname, '/minu/tunnistused', 'back where the person started');
    const line = sessionCookieLine(steps);
    assert.ok(line, 'a session cookie was set');
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Lax/);
    assert.doesNotMatch(line, /Secure/, 'plain http in local development');
    const me = await browser.me();
    assert.equal(me.status, 200);
    assert.equal(me.body.personal_code, kHolder);
    assert.equal(me.body.given_name, 'Õie');
    assert.equal(me.body.family_name, 'Šmidt');
    assert.deepEqual(me.body.roles, ['holder']);
    assert.ok(me.body.csrf_token.length >= 40);
    assert.equal(me.body.date_of_birth, undefined, 'never the date of birth');
  });

  it('gives the configured admin the admin role', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    await browser.signIn(kBootstrapAdmin);
    const me = await browser.me();
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.roles, ['holder', 'admin']);
  });

  it('forwards the session person to the services', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    await browser.signIn(kOtherHolder);
    const notices = await browser.request(`${cluster.gatewayUrl}/api/v1/me/notifications`);
    assert.equal(notices.status, 200);
    assert.deepEqual(notices.body.items, []);
  });

  it('answers 401 without a session, and for a made-up session cookie', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    assert.equal((await browser.me()).status, 401);
    browser.setCookie('kutse_session', 'bm90LWEtcmVhbC1zZXNzaW9uLWlkLWF0LWFsbC0xMjM0NTY3');
    assert.equal((await browser.me()).status, 401);
    assert.equal((await browser.request(`${cluster.gatewayUrl}/api/v1/me/notifications`)).status, 401);
  });

  it('refuses a cross-site POST without the CSRF token, before it reaches any service', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    await browser.signIn(kHolder);
    const forged = await browser.request(`${cluster.gatewayUrl}/api/v1/bodies/80012345/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    assert.equal(forged.status, 403);
    assert.equal(forged.body.code, 'csrf_failed');
    const wrongToken = await browser.request(`${cluster.gatewayUrl}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    assert.equal(wrongToken.status, 403);
    assert.equal((await browser.me()).status, 200, 'the session survived the refused logout');
  });

  it('signs out everywhere: the old cookie is refused on this gateway and on another replica', async () => {
    await cluster.startAndWait('gateway', { replica: 1 });
    const browser = new Browser(cluster.gatewayUrl);
    await browser.signIn(kHolder);
    const cookie = browser.cookie('kutse_session');
    const me = await browser.me();
    const replica = new Browser(cluster.url('gateway', 1));
    replica.setCookie('kutse_session', cookie);
    assert.equal((await replica.me()).status, 200, 'the other replica knows the session (and caches it)');

    const out = await browser.request(`${cluster.gatewayUrl}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': me.body.csrf_token },
    });
    assert.equal(out.status, 204);
    assert.match(out.headers.getSetCookie().join('\n'), /kutse_session=;.*Max-Age=0/);
    assert.equal(browser.cookie('kutse_session'), undefined, 'the browser dropped the cookie');

    const stale = new Browser(cluster.gatewayUrl);
    stale.setCookie('kutse_session', cookie);
    assert.equal((await stale.me()).status, 401, 'the logged-out cookie is refused here');
    // The other replica hears of the logout through PostgreSQL NOTIFY; allow it a moment.
    let status;
    for (let i = 0; i < 20; i += 1) {
      status = (await replica.me()).status;
      if (status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 401, 'the logged-out cookie is refused on the other replica too');
    await cluster.stop('gateway', { replica: 1 });
  });

  it('refuses someone whose subject is not EE and a valid personal code, with a clear error', async () => {
    for (const hint of ['EE12345678901', 'LV010101-12345']) {
      const browser = new Browser(cluster.gatewayUrl);
      const steps = await browser.signIn(hint);
      const last = steps.at(-1).answer;
      assert.equal(last.status, 403, hint);
      assert.equal(last.body.code, 'not_an_estonian_person');
      assert.equal(browser.cookie('kutse_session'), undefined);
    }
  });

  it('uses a sign-in answer only once', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    const steps = await browser.signIn(kHolder);
    const callback = steps.find((s) => new URL(s.url).pathname === '/auth/callback');
    assert.ok(callback, 'went through the callback');
    const replay = await new Browser(cluster.gatewayUrl).request(callback.url);
    assert.equal(replay.status, 400);
    assert.equal(replay.body.code, 'login_expired');
  });

  it('returns only to paths on this site', async () => {
    const browser = new Browser(cluster.gatewayUrl);
    for (const target of ['//evil.example/', 'https://evil.example/']) {
      const answer = await browser.request(`${cluster.gatewayUrl}/auth/login?return_to=${encodeURIComponent(target)}`);
      assert.equal(answer.status, 400, target);
    }
  });
});
