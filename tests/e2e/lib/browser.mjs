// A minimal browser for sign-in tests: follows redirects by hand and keeps cookies per origin
// (host and port), so the gateway's and the identity provider's cookies stay apart. Answers from
// the gateway are checked against openapi.yaml like every other e2e response.
import assert from 'node:assert/strict';

import { fetchChecked } from './contract.mjs';

export class Browser {
  constructor(gatewayUrl) {
    this.gatewayOrigin = new URL(gatewayUrl).origin;
    this.jars = new Map(); // origin -> Map(name -> value)
  }

  cookie(name, origin = this.gatewayOrigin) {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(name, value, origin = this.gatewayOrigin) {
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    this.jars.get(origin).set(name, value);
  }

  cookieHeader(origin) {
    const jar = this.jars.get(origin);
    if (!jar || jar.size === 0) return undefined;
    return [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  remember(origin, response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!this.jars.has(origin)) this.jars.set(origin, new Map());
      if (expired || value === '') this.jars.get(origin).delete(name);
      else this.jars.get(origin).set(name, value);
    }
  }

  /** One request with this browser's cookies; gateway answers are contract-checked. */
  async request(url, { method = 'GET', headers = {}, body, undocumented = false, timeoutMs } = {}) {
    const origin = new URL(url).origin;
    const cookie = this.cookieHeader(origin);
    const init = { method, redirect: 'manual', headers: { ...headers, ...(cookie ? { cookie } : {}) }, body };
    let answer;
    if (origin === this.gatewayOrigin) {
      answer = await fetchChecked(url, { ...init, undocumented, ...(timeoutMs ? { timeoutMs } : {}) });
    } else {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15000) });
      const text = await response.text();
      answer = { status: response.status, headers: response.headers, text, body: text };
    }
    this.remember(origin, answer);
    return answer;
  }

  /**
   * Follows redirects from `url` until an answer is not a redirect, or a redirect leads back to the
   * gateway outside /auth/ (the page the person returns to, which the SPA would show). Returns every
   * step: [{url, answer}].
   */
  async follow(url, { maxSteps = 12 } = {}) {
    const steps = [];
    let next = url;
    for (let i = 0; i < maxSteps; i += 1) {
      const answer = await this.request(next);
      steps.push({ url: next, answer });
      const location = answer.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(answer.status) || !location) return steps;
      next = new URL(location, next).toString();
      const target = new URL(next);
      if (target.origin === this.gatewayOrigin && !target.pathname.startsWith('/auth/')) {
        steps.push({ url: next, answer: null });
        return steps;
      }
    }
    assert.fail(`more than ${maxSteps} redirects from ${url}`);
  }

  /** Signs a demo person in through the gateway and the provider; returns the steps taken. */
  async signIn(personalCode, { returnTo = '/' } = {}) {
    const start = `${this.gatewayOrigin}/auth/login?login_hint=${encodeURIComponent(personalCode)}&return_to=${encodeURIComponent(returnTo)}`;
    return this.follow(start);
  }

  /** GET /api/v1/me; returns the answer. */
  me() {
    return this.request(`${this.gatewayOrigin}/api/v1/me`);
  }

  /**
   * A browser with `personalCode` signed in, its CSRF token in `csrf` (send() puts it on every
   * request) and its roles in `roles`.
   */
  static async signedIn(gatewayUrl, personalCode) {
    const browser = new Browser(gatewayUrl);
    await browser.signIn(personalCode);
    const me = await browser.me();
    assert.equal(me.status, 200, `${personalCode} signed in: ${me.text}`);
    browser.csrf = me.body.csrf_token;
    browser.roles = me.body.roles;
    return browser;
  }

  /** A request to the gateway's `urlPath` with the CSRF token; `body` goes as JSON. */
  send(method, urlPath, body, { headers = {} } = {}) {
    const all = { ...headers, 'x-csrf-token': this.csrf };
    if (body !== undefined) all['content-type'] = 'application/json';
    return this.request(`${this.gatewayOrigin}${urlPath}`, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}
