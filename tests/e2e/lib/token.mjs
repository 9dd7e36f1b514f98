// Tokens for tests that call a service directly, past the gateway. Mirrors libs/auth: ES256 JWTs,
// kid = hex of the first 8 bytes of SHA-256 over the public key's DER SubjectPublicKeyInfo.
//  - internalToken: the gateway's internal token (issuer "kutse-gateway", audience = the service),
//    naming a person;
//  - serviceToken: a calling service's own token (ADR 0005: iss = sub = "service:<name>", audience
//    = the service it calls).
import crypto from 'node:crypto';
import fs from 'node:fs';

const kIssuer = 'kutse-gateway';

function base64url(data) {
  return Buffer.from(data).toString('base64url');
}

// The claims signed with the PEM private key, the header naming that key.
function signed(privateKeyPem, claims) {
  const privateKey = crypto.createPrivateKey(privateKeyPem);
  const spki = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const kid = crypto.createHash('sha256').update(spki).digest().subarray(0, 8).toString('hex');
  const header = { alg: 'ES256', typ: 'JWT', kid };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}

/**
 * A token for `audience` (a service name) naming `identity`:
 * {personal_code, name, roles} like the X-Kutse-Dev-Identity header.
 */
export function internalToken(privateKeyFile, audience, identity, lifetimeSeconds = 60) {
  const now = Math.floor(Date.now() / 1000);
  const roles = ['holder', ...(identity.roles ?? []).filter((r) => r !== 'holder')];
  return signed(fs.readFileSync(privateKeyFile), {
    sub: `EE${identity.personal_code}`,
    name: identity.name ?? '',
    roles,
    iss: kIssuer,
    aud: audience,
    iat: now,
    exp: now + lifetimeSeconds,
    jti: crypto.randomUUID(),
  });
}

/**
 * The token `service` signs with its own private key (PEM text) to call `audience`. `claims`
 * replaces any claim, e.g. {exp} for an expired one.
 */
export function serviceToken(privateKeyPem, service, audience, claims = {}) {
  const now = Math.floor(Date.now() / 1000);
  return signed(privateKeyPem, {
    iss: `service:${service}`,
    sub: `service:${service}`,
    aud: audience,
    iat: now,
    exp: now + 60,
    jti: crypto.randomUUID(),
    ...claims,
  });
}
