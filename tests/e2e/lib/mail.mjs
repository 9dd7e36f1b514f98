// Reading what the notification service mailed: the cluster's SMTP server (deploy/local/mail-sink)
// keeps each message it accepted as one .eml file; these helpers parse them as a mail reader would
// (unfolded headers, RFC 2047 encoded-words, a base64 or quoted-printable body in UTF-8).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function decodeWords(value) {
  // Whitespace between two encoded-words is not part of the text (RFC 2047 §6.2).
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding, text) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

function decodeBody(raw, encoding) {
  if (/^base64$/i.test(encoding ?? '')) return Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/^quoted-printable$/i.test(encoding ?? '')) {
    const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (m, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return raw;
}

/** One kept message: {file, envelopeTo, headers (lower-case names), subject, body, messageId, raw}. */
export function parseMessage(file) {
  const raw = fs.readFileSync(file, 'latin1');
  const split = raw.indexOf('\r\n\r\n');
  assert.ok(split > 0, `${file}: no empty line after the header`);
  const headers = {};
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    file,
    raw,
    headers,
    envelopeTo: headers['x-kutse-envelope-to'],
    subject: decodeWords(headers.subject ?? ''),
    body: decodeBody(raw.slice(split + 4), headers['content-transfer-encoding']).replace(/\r\n/g, '\n'),
    messageId: headers['message-id'],
  };
}

/** Every message the server kept so far, in the order it accepted them. */
export function mailbox(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseMessage(path.join(dir, name)));
}

/** The messages to one address. */
export const mailTo = (dir, address) => mailbox(dir).filter((m) => m.envelopeTo === address);

/** Waits until `count` messages to `address` are there (bounded); resolves to them. */
export async function waitForMail(dir, address, { count = 1, timeoutMs = 15000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailTo(dir, address);
    if (found.length >= count) return found;
    assert.ok(Date.now() < deadline, `${count} message(s) to ${address} not there within ${timeoutMs} ms (have ${found.length})`);
    await sleep(50);
  }
}

/** The confirmation code of the newest confirmation message to `address`. */
export async function confirmationCode(dir, address, { count = 1 } = {}) {
  const messages = await waitForMail(dir, address, { count });
  const code = /\b([0-9]{6})\b/.exec(messages[messages.length - 1].body)?.[1];
  assert.ok(code, `no code in ${messages[messages.length - 1].body}`);
  return code;
}
