// A local OpenID Connect provider that behaves like TARA, Estonia's state authentication service, for
// local runs and tests of Kutse. NOT for production: in-memory state, demo people, no real authentication.
//
// Configuration: environment variables, see README.md. Logs go to stdout; personal codes only at
// KUTSE_LOG_LEVEL=debug.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exportJWK, generateKeyPair, calculateJwkThumbprint } from 'jose';
import Provider, { errors, interactionPolicy } from 'oidc-provider';

const kName = 'kutse-oidc-provider';
const kHere = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------------
// Logging

const kDebug = ['debug', 'trace'].includes((process.env.KUTSE_LOG_LEVEL || '').toLowerCase());

function log(level, message) {
  if (level === 'debug' && !kDebug) return;
  process.stdout.write(`${new Date().toISOString()} ${level} ${kName}: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`${kName}: ERROR: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------
// Configuration

function required(name, what) {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    fail(`${name} is not set (${what}); see deploy/local/oidc-provider/README.md`);
  }
  return value.trim();
}

function httpUrl(name, value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`${name}: '${value}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(`${name}: '${value}' is not an http(s) URL`);
  }
  if (url.hash) fail(`${name}: '${value}' must not have a #fragment`);
  return url;
}

function urlList(name, value) {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) fail(`${name} lists no URL`);
  list.forEach((u) => httpUrl(name, u));
  return list;
}

// KUTSE_OIDC_CLIENT_SECRET, or else the contents of KUTSE_OIDC_CLIENT_SECRET_FILE taken verbatim (as the
// gateway reads its copy of the same file: a trailing newline would be part of the secret on both sides).
function readClientSecret() {
  const value = process.env.KUTSE_OIDC_CLIENT_SECRET;
  if (value) return value;
  const file = process.env.KUTSE_OIDC_CLIENT_SECRET_FILE;
  if (!file) {
    fail('neither KUTSE_OIDC_CLIENT_SECRET nor KUTSE_OIDC_CLIENT_SECRET_FILE is set (client_secret of the '
      + 'relying party); see deploy/local/oidc-provider/README.md');
  }
  let secret;
  try {
    secret = fs.readFileSync(file, 'utf8');
  } catch (err) {
    fail(`KUTSE_OIDC_CLIENT_SECRET_FILE: cannot read ${file}: ${err.message}`);
  }
  if (!secret) fail(`KUTSE_OIDC_CLIENT_SECRET_FILE: ${file} is empty`);
  return secret;
}

function readConfig() {
  const portText = required('KUTSE_OIDC_PORT', 'TCP port to listen on, on 127.0.0.1');
  if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
    fail(`KUTSE_OIDC_PORT='${portText}' is not a port number`);
  }
  const issuer = required('KUTSE_OIDC_ISSUER', 'e.g. http://127.0.0.1:<port>, no trailing slash');
  const issuerUrl = httpUrl('KUTSE_OIDC_ISSUER', issuer);
  if (issuer.endsWith('/')) fail(`KUTSE_OIDC_ISSUER='${issuer}' must not end with a slash`);
  if (issuerUrl.pathname !== '/' || issuerUrl.search) {
    fail(`KUTSE_OIDC_ISSUER='${issuer}' must be scheme://host:port only (no path, no query), like TARA's https://tara.ria.ee`);
  }
  const clientId = required('KUTSE_OIDC_CLIENT_ID', 'client_id of the relying party (the gateway)');
  const clientSecret = readClientSecret();
  const redirectUris = urlList(
    'KUTSE_OIDC_REDIRECT_URIS',
    required('KUTSE_OIDC_REDIRECT_URIS', 'comma-separated, e.g. http://localhost:8080/auth/callback'),
  );
  const postLogout = process.env.KUTSE_OIDC_POST_LOGOUT_REDIRECT_URIS?.trim();
  const postLogoutRedirectUris = postLogout ? urlList('KUTSE_OIDC_POST_LOGOUT_REDIRECT_URIS', postLogout) : [];
  const keyFile = path.resolve(required('KUTSE_OIDC_KEY_FILE', 'JWKS file with the private signing key; created if missing'));
  const alg = (process.env.KUTSE_OIDC_SIGNING_ALG || 'RS256').trim();
  if (alg !== 'RS256' && alg !== 'ES256') {
    fail(`KUTSE_OIDC_SIGNING_ALG='${alg}' is not supported: use RS256 (TARA's, the default) or ES256`);
  }
  return {
    port: Number(portText), issuer, clientId, clientSecret, redirectUris, postLogoutRedirectUris, keyFile, alg,
  };
}

// ---------------------------------------------------------------------------------------------------
// Signing key: a JWKS file with private keys; generated (mode 0600) when missing, so restarts keep it.

function keyMatchesAlg(jwk, alg) {
  if (jwk.alg && jwk.alg !== alg) return false;
  return alg === 'RS256' ? jwk.kty === 'RSA' : jwk.kty === 'EC' && jwk.crv === 'P-256';
}

async function generateKeyFile(file, alg) {
  const { privateKey } = await generateKeyPair(alg, alg === 'RS256' ? { modulusLength: 2048, extractable: true } : { extractable: true });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk, 'sha256');
  jwk.alg = alg;
  jwk.use = 'sig';
  const text = `${JSON.stringify({ keys: [jwk] }, null, 2)}\n`;
  // Written aside, then linked into place: never a half-written file, never over one written meanwhile.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file);
    log('info', `generated a new ${alg} signing key (kid ${jwk.kid}) in ${file}`);
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
}

async function loadKeys(file, alg) {
  if (!fs.existsSync(file)) await generateKeyFile(file, alg);
  let jwks;
  try {
    jwks = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    fail(`KUTSE_OIDC_KEY_FILE ${file}: cannot read a JSON Web Key Set: ${err.message}`);
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) {
    log('warn', `${file} is readable by group or others; it holds a private key (chmod 600 it)`);
  }
  const keys = Array.isArray(jwks?.keys) ? jwks.keys : [];
  if (keys.some((k) => typeof k.kid !== 'string' || !k.kid || !k.d)) {
    fail(`KUTSE_OIDC_KEY_FILE ${file}: every key needs a "kid" and its private part`);
  }
  const signing = keys.filter((k) => keyMatchesAlg(k, alg));
  if (signing.length === 0) {
    fail(`KUTSE_OIDC_KEY_FILE ${file} has no ${alg} key (${alg === 'RS256' ? 'RSA' : 'EC P-256'}): `
      + 'delete the file to generate one, or point KUTSE_OIDC_KEY_FILE to another file');
  }
  return { keys: signing.map((k) => ({ ...k, alg, use: 'sig' })), kid: signing[0].kid };
}

// ---------------------------------------------------------------------------------------------------
// Demo people

const kWeights1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const kWeights2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

// The birth date an Estonian personal code (GYYMMDDSSSC) encodes, or null if it is not a valid code.
function personalCodeBirthDate(code) {
  if (!/^\d{11}$/.test(code)) return null;
  const d = [...code].map(Number);
  const sum = (w) => w.reduce((acc, weight, i) => acc + weight * d[i], 0) % 11;
  let check = sum(kWeights1);
  if (check === 10) check = sum(kWeights2);
  if (check === 10) check = 0;
  if (check !== d[10]) return null;
  const century = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 }[d[0]];
  if (!century) return null;
  const year = century + Number(code.slice(1, 3));
  const month = Number(code.slice(3, 5));
  const day = Number(code.slice(5, 7));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function loadPeople() {
  const file = path.join(kHere, 'demo-people.json');
  const { people } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const bySub = new Map();
  for (const p of people) {
    const sub = p.personal_code ? `EE${p.personal_code}` : p.sub;
    const where = `${file}: ${sub ?? JSON.stringify(p)}`;
    if (!sub || (p.personal_code && p.sub)) fail(`${where}: give either personal_code or sub`);
    if (p.personal_code) {
      const born = personalCodeBirthDate(p.personal_code);
      if (p.invalid_on_purpose && born) fail(`${where}: marked invalid_on_purpose but is a valid personal code`);
      if (!p.invalid_on_purpose && born !== p.date_of_birth) {
        fail(`${where}: ${born ? `the code says born ${born}, not ${p.date_of_birth}` : 'not a valid personal code'}`);
      }
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.date_of_birth ?? '') || !p.given_name || !p.family_name) {
      fail(`${where}: needs given_name, family_name and date_of_birth (YYYY-MM-DD)`);
    }
    if (!Array.isArray(p.amr) || p.amr.length === 0 || !['low', 'substantial', 'high'].includes(p.acr)) {
      fail(`${where}: needs amr (array) and acr (low, substantial or high)`);
    }
    if (bySub.has(sub.toUpperCase())) fail(`${where}: listed twice`);
    bySub.set(sub.toUpperCase(), { ...p, sub });
  }
  return bySub;
}

// login_hint names a demo person by personal code (60001019906) or by sub (EE60001019906, LV010101-12345).
function personForHint(people, hint) {
  if (typeof hint !== 'string') return undefined;
  const h = hint.trim().toUpperCase();
  return people.get(/^\d{11}$/.test(h) ? `EE${h}` : h);
}

// ---------------------------------------------------------------------------------------------------
// HTML

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
.warn{background:#fff3cd;border:1px solid #e0c060;padding:.5rem .75rem;border-radius:4px}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd}
button{padding:.3rem .8rem;cursor:pointer}
</style></head><body>
<p class="warn">Local TARA stand-in for development and tests. Not TARA, no real authentication.</p>
${body}
</body></html>`;
}

function loginPage(uid, people, clientId, unknownHint) {
  const rows = [...people.values()].map((p) => `<tr>
<td>${escapeHtml(p.given_name)} ${escapeHtml(p.family_name)}</td><td><code>${escapeHtml(p.sub)}</code></td>
<td>${escapeHtml(p.amr.join(', '))}</td><td>${escapeHtml(p.note ?? '')}</td>
<td><form method="post" action="/interaction/${escapeHtml(uid)}/login"><input type="hidden" name="sub" value="${escapeHtml(p.sub)}">
<button type="submit" data-sub="${escapeHtml(p.sub)}">Log in</button></form></td></tr>`).join('\n');
  return page('TARA stand-in: choose a demo person', `<h1>Log in to ${escapeHtml(clientId)}</h1>
${unknownHint ? '<p class="warn">The login_hint of this request names no demo person.</p>' : ''}
<p>Choose a demo person. (Send <code>login_hint=&lt;personal code&gt;</code> to skip this page.)</p>
<table><thead><tr><th>person</th><th>sub</th><th>amr</th><th></th><th></th></tr></thead><tbody>
${rows}
</tbody></table>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><p><button type="submit" id="cancel">Return to the service provider (user_cancel)</button></p></form>`);
}

// ---------------------------------------------------------------------------------------------------
// The provider

const kTaraScopes = ['openid', 'idcard', 'mid', 'smartid', 'eidas', 'eidasonly', 'email', 'phone'];
const kIdTokenTtl = 10 * 60; // TARA: 40 s; longer here so a debugger pause does not break a login
const kCodeTtl = 60; // oidc-provider's default; TARA: 30 s
const kSessionTtl = 30 * 60; // TARA's session timeout

async function readForm(req, limit = 8192) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new errors.InvalidRequest('request body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function buildProvider(config, keys, people) {
  // TARA authenticates on every authorization request (no single sign-on): the login prompt is
  // requested unless this very request comes back from the interaction with a login result.
  const policy = interactionPolicy.base();
  policy.get('login').checks.add(new interactionPolicy.Check(
    'tara_no_sso',
    'TARA authenticates the person on every authorization request',
    (ctx) => !ctx.oidc.result?.login,
  ));

  // The state of each authorization request, by authorization code, for the ID token (TARA puts it there).
  const stateByCode = new Map();

  const provider = new Provider(config.issuer, {
    clients: [{
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uris: config.redirectUris,
      post_logout_redirect_uris: config.postLogoutRedirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: config.alg,
    }],
    clientAuthMethods: ['client_secret_basic'],
    responseTypes: ['code'],
    scopes: kTaraScopes,
    acrValues: ['low', 'substantial', 'high'],
    claims: {
      // sub, profile_attributes, acr, amr, auth_time: always in the ID token, as TARA sends them.
      // given_name, family_name, date_of_birth: flat, in the userinfo response only (TARA's /oidc/profile);
      // findAccount's claims() returns one shape or the other by use.
      openid: ['sub', 'profile_attributes', 'acr', 'amr', 'auth_time', 'given_name', 'family_name', 'date_of_birth'],
      iss: null,
    },
    conformIdTokenClaims: false, // the person's data in the ID token from the token endpoint, as TARA does
    jwks: { keys: keys.keys },
    enabledJWA: { idTokenSigningAlgValues: [config.alg] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('base64url')],
      // Own names: cookies are per host, not per port, and the relying party runs on the same host.
      names: { session: 'tara_session', interaction: 'tara_interaction', resume: 'tara_interaction_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
      // `secure` follows the request: set over https, unset over plain http (no proxy is trusted).
    },
    routes: {
      authorization: '/oidc/authorize',
      token: '/oidc/token',
      jwks: '/oidc/jwks',
      userinfo: '/oidc/profile',
      end_session: '/session/end',
    },
    pkce: { required: () => false }, // confidential client; a code_challenge (S256) is enforced when sent
    extraParams: {
      // TARA: state is compulsory, at least 8 characters.
      state(ctx, value) {
        if (typeof value !== 'string' || value.length < 8) {
          throw new errors.InvalidRequest('state is compulsory and must be at least 8 characters');
        }
      },
      // TARA: openid is compulsory; other scope values than TARA's cause invalid_scope.
      scope(ctx, value) {
        // The request's own value: with resourceIndicators off, oidc-provider has already dropped unknown scopes.
        const raw = (ctx.method === 'POST' ? ctx.oidc.body : ctx.query)?.scope;
        const scopes = String(typeof raw === 'string' ? raw : (value ?? '')).split(' ').filter(Boolean);
        if (!scopes.includes('openid')) throw new errors.InvalidScope('required scope <openid> not provided', 'openid');
        const unknown = scopes.find((s) => !kTaraScopes.includes(s) && !/^eidas:country:[a-z]{2}$/.test(s));
        if (unknown) throw new errors.InvalidScope('scope not supported', unknown);
      },
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false }, // opaque access tokens for the userinfo endpoint only
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // No confirmation click: the form submits itself (a browser that runs no script shows a button).
        async logoutSource(ctx, form) {
          ctx.body = page('Logging out', `${form}
<noscript><button type="submit" form="op.logoutForm" name="logout" value="yes">Log out</button></noscript>
<script>var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script>`);
        },
      },
    },
    interactions: {
      policy,
      url: (ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    async findAccount(ctx, sub) {
      const person = people.get(String(sub).toUpperCase());
      if (!person) return undefined;
      return {
        accountId: person.sub,
        async claims(use) {
          const attributes = {
            date_of_birth: person.date_of_birth,
            family_name: person.family_name,
            given_name: person.given_name,
          };
          return use === 'userinfo' ? { sub: person.sub, ...attributes } : { sub: person.sub, profile_attributes: attributes };
        },
      };
    },
    // The client is first-party: no consent screen. Every authorization gets a grant for what it asked.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope([...ctx.oidc.requestParamOIDCScopes].join(' '));
      if (ctx.oidc.requestParamClaims.size) grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async () => false,
    expiresWithSession: async () => false, // codes do not depend on the provider's session (TARA has none)
    ttl: {
      AuthorizationCode: kCodeTtl,
      IdToken: kIdTokenTtl,
      AccessToken: kIdTokenTtl,
      Interaction: kSessionTtl,
      Session: kSessionTtl,
      Grant: kSessionTtl,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('Error', `<h1>Authentication error</h1>${Object.entries(out)
        .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`).join('')}`);
    },
  });

  // ID token payload as TARA's: + jti, nbf, state, at_hash; - sid (TARA has no sessions).
  const { IdToken } = provider;
  const payload = IdToken.prototype.payload;
  IdToken.prototype.payload = async function taraPayload() {
    const claims = await payload.call(this);
    delete claims.sid;
    claims.jti = crypto.randomUUID();
    claims.nbf = Math.floor(Date.now() / 1000);
    const code = this.ctx?.oidc?.entities?.AuthorizationCode;
    if (code && stateByCode.has(code.jti)) {
      claims.state = stateByCode.get(code.jti);
      stateByCode.delete(code.jti); // a code is used once
    }
    const at = this.ctx?.oidc?.entities?.AccessToken;
    if (at?.jti) claims.at_hash = at.jti; // opaque token: its value is its id; issue() hashes at_hash
    return claims;
  };

  provider.on('authorization_code.saved', (code) => {
    const state = Provider.ctx?.oidc?.params?.state;
    if (state) {
      stateByCode.set(code.jti, state);
      setTimeout(() => stateByCode.delete(code.jti), (kCodeTtl + 60) * 1000).unref();
    }
  });

  // Minimal logs, no personal data at info.
  provider.on('server_error', (ctx, err) => log('error', `${ctx.method} ${ctx.path}: ${err.stack || err}`));
  for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'userinfo.error']) {
    provider.on(event, (ctx, err) => log('info', `${event}: ${err.error || err.name}${err.error_description ? ` (${err.error_description})` : ''}`));
  }
  provider.on('grant.success', (ctx) => {
    log('info', `token issued to client ${ctx.oidc.client.clientId}`);
    log('debug', `token issued for ${ctx.oidc.entities.Account?.accountId}`);
  });
  provider.on('end_session.success', () => log('info', 'logged out at the provider'));

  // Health, TARA's alternative discovery path, and the interactions (demo login without a form).
  provider.use(async (ctx, next) => {
    if (ctx.path === '/readyz' || ctx.path === '/healthz') {
      ctx.type = 'text/plain';
      ctx.body = 'ok\n';
      return;
    }
    if (ctx.path === '/oidc/.well-known/openid-configuration') ctx.path = '/.well-known/openid-configuration';
    if (ctx.path === '/.well-known/openid-configuration') {
      await next();
      if (ctx.status === 200 && ctx.body && typeof ctx.body === 'object') {
        ctx.body.grant_types_supported = ['authorization_code']; // no refresh tokens, as TARA
      }
      return;
    }
    const match = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|abort))?$/.exec(ctx.path);
    if (!match) {
      await next();
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    const [, uid, action] = match;
    try {
      if ((action && ctx.method !== 'POST') || (!action && ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
        ctx.status = 405;
        ctx.body = 'method not allowed\n';
        return;
      }
      const interaction = await provider.interactionDetails(ctx.req, ctx.res);
      if (interaction.uid !== uid) throw new errors.SessionNotFound('interaction cookie does not match the URL');
      const { prompt, params } = interaction;

      if (prompt.name === 'consent') { // not expected (loadExistingGrant grants), but never show a screen
        const grant = new provider.Grant({ clientId: params.client_id, accountId: interaction.session.accountId });
        grant.addOIDCScope(String(params.scope ?? 'openid').split(' ').filter((s) => kTaraScopes.includes(s)).join(' '));
        const grantId = await grant.save();
        ctx.status = 303;
        ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } }));
        return;
      }

      if (action === 'abort') {
        log('info', `interaction ${uid}: cancelled by the user (user_cancel)`);
        ctx.status = 303;
        ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, {
          error: 'user_cancel', error_description: 'User canceled the authentication process.',
        }, { mergeWithLastSubmission: false }));
        return;
      }

      let person;
      let via;
      if (action === 'login') {
        const form = await readForm(ctx.req);
        person = people.get(String(form.get('sub') ?? '').toUpperCase());
        if (!person) throw new errors.InvalidRequest('no such demo person');
        via = 'form';
      } else {
        person = personForHint(people, params.login_hint);
        via = 'login_hint';
      }
      if (!person) {
        ctx.type = 'html';
        ctx.body = loginPage(uid, people, params.client_id, params.login_hint !== undefined);
        return;
      }

      // A new authentication replaces whatever the provider's session held (TARA has no SSO): drop the
      // old session, so that switching people in one browser needs no logout confirmation.
      if (interaction.session?.uid) {
        const old = await provider.Session.findByUid(interaction.session.uid);
        if (old) await old.destroy();
        interaction.session = undefined;
        await interaction.persist();
      }
      log('info', `interaction ${uid}: signed in (${via}, amr ${person.amr.join(' ')})`);
      log('debug', `interaction ${uid}: sub ${person.sub}`);
      const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
        login: { accountId: person.sub, amr: person.amr, acr: person.acr, remember: false },
      }, { mergeWithLastSubmission: false });
      ctx.status = 303;
      ctx.redirect(returnTo);
    } catch (err) {
      if (!(err instanceof errors.OIDCProviderError)) throw err;
      log('info', `interaction ${uid}: ${err.error} (${err.error_description})`);
      ctx.status = err.statusCode || 400;
      ctx.type = 'html';
      ctx.body = page('Error', `<h1>Authentication error</h1><p><strong>${escapeHtml(err.error)}</strong>: ${escapeHtml(err.error_description ?? '')}</p>
<p>Start the login again from the service.</p>`);
    }
  });

  return provider;
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main() {
  const config = readConfig();
  const people = loadPeople();
  const keys = await loadKeys(config.keyFile, config.alg);
  const provider = buildProvider(config, keys, people);

  const server = provider.listen(config.port, '127.0.0.1');
  server.on('error', (err) => fail(`cannot listen on 127.0.0.1:${config.port}: ${err.message}`));
  server.on('listening', () => {
    log('info', `listening on http://127.0.0.1:${config.port}, issuer ${config.issuer}, `
      + `client ${config.clientId}, ${config.alg} key ${keys.kid}, ${people.size} demo people`);
  });

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log('info', `${signal}: stopping`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => fail(err.stack || String(err)));
