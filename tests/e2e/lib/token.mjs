// Internal service tokens (ES256 JWT) as the gateway issues them, for tests that call a service
// directly, past the gateway. Mirrors libs/auth: issuer "kutse-gateway", audience = the service,
// kid = hex of the first 8 bytes of SHA-256 over the public key's DER SubjectPublicKeyInfo.
import crypto from 'node:crypto';
import fs from 'node:fs';

const kIssuer = 'kutse-gateway';

function base64url(data) {
  return Buffer.from(data).toString('base64url');
}

/**
 * A token for `audience` (a service name) naming `identity`:
 * {personal_code, name, roles} like the X-Kutse-Dev-Identity header.
 */
export function internalToken(privateKeyFile, audience, identity, lifetimeSeconds = 60) {
  const privateKey = crypto.createPrivateKey(fs.readFileSync(privateKeyFile));
  const spki = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const kid = crypto.createHash('sha256').update(spki).digest().subarray(0, 8).toString('hex');
  const now = Math.floor(Date.now() / 1000);
  const roles = ['holder', ...(identity.roles ?? []).filter((r) => r !== 'holder')];
  const header = { alg: 'ES256', typ: 'JWT', kid };
  const claims = {
    sub: `EE${identity.personal_code}`,
    name: identity.name ?? '',
    roles,
    iss: kIssuer,
    aud: audience,
    iat: now,
    exp: now + lifetimeSeconds,
    jti: crypto.randomUUID(),
  };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${base64url(signature)}`;
}
