// e2e.hostile_input: the contract kept both ways. Every operation of openapi.yaml (every service
// and the gateway's own routes), called as the caller it is for, gets malformed input of every kind
// the document rules out: path parameters and every documented query parameter with invalid UTF-8,
// NUL and other control characters, values against their schema, garbage cursors; a stray query
// parameter with a NUL; an Accept that rules out the answer; and for JSON bodies an unknown media
// type, invalid UTF-8, a control character inside each string member of the documented example,
// `null` for each member typed without null, each required member left out and an unknown member
// where the schema forbids additional ones. No answer is a 5xx, none is a 2xx, each is a problem
// that fetchChecked holds against openapi.yaml, and the otherwise identical valid requests (sent
// afterwards) succeed, so no refusal was an accident of the set-up. Nothing the walk sent was
// stored. Then the writes that store text keep Estonian letters, emoji and (in multi-line fields)
// tabs and line breaks byte for byte, read back through the API and from PostgreSQL.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { certificateBody, identityHeader, kBodyId, kClerk, kHolder, recordCertificateOk, runPool, waitFor } from './lib/api.mjs';
import { kBootstrapAdmin, withStartedCluster } from './lib/cluster.mjs';
import { contract, fetchChecked } from './lib/contract.mjs';
import { confirmationCode } from './lib/mail.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { kClosedBody } from './lib/reference-data.mjs';

const kAdmin = { personal_code: kBootstrapAdmin, name: 'Anne Admin', roles: ['admin'] };
const kOrigin = 'https://www.keevitajad.ee';
const kUnknownMedia = 'application/x-kutse-unknown';
// The file an operation that takes a file (ADR 0006) is sent: a real PDF, which its upload check lets in.
const kPdf = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/uploads/protocol.pdf'));
// Targets of the admins' writes that exist only in this cluster.
const kNewStandard = 'HOSTIILNE-4';
const kNewBody = '80099001';
const kMethods = ['get', 'put', 'post', 'delete', 'options', 'patch'];
// Fresh people for role grants: granting the same role twice is a 409, which would hide a probe
// that was wrongly let through.
const kFreshPeople = personalCodes(900, 1101);

// Malformed values, percent-encoded as they go on the wire.
const kBadPathValues = [
  ['invalid UTF-8', '%FF'],
  ['an overlong UTF-8 sequence', '%C0%AF'],
  ['NUL', '%00'],
  ['U+0001', '%01'],
  ['ESC', '%1B'],
  ['a C1 control', '%C2%85'],
  ['a huge value', 'A'.repeat(4096)],
];
const kBadQueryValues = [
  ['invalid UTF-8', '%FF'],
  ['a broken UTF-8 sequence', '%C3%28'],
  ['NUL', '%00'],
  ['NUL inside', 'a%00b'],
  ['U+0001', '%01'],
  ['tab', 'a%09b'],
  ['LF', 'a%0Ab'],
  ['ESC', '%1B'],
  ['DEL', '%7F'],
  ['a C1 control', '%C2%85'],
];
// Inside JSON strings (sent as JSON escapes, which every parser turns back into the character).
const kBodyControls = [
  ['NUL', '\u0000'],
  ['U+0001', '\u0001'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['a C1 control', '\u0085'],
  ['a lone surrogate', '\ud800'],
];
// Refused only in single-line members; the document says which members may span lines.
const kLineBreaks = [
  ['tab', '\t'],
  ['LF', '\n'],
  ['CR', '\r'],
];
const kInvalidUtf8 = [
  ['an invalid UTF-8 byte', Buffer.from([0xff, 0xfe])],
  ['an overlong UTF-8 sequence', Buffer.from([0xc0, 0xaf])],
  ['a UTF-8-encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
];

function cursorGarbage() {
  return [
    ['random base64url', crypto.randomBytes(24).toString('base64url')],
    ['random base64 with padding', encodeURIComponent(crypto.randomBytes(20).toString('base64'))],
    ['base64url of binary junk', Buffer.from([0xff, 0x00, 0x41, 0x1b, 0xfe]).toString('base64url')],
    ['base64url of JSON junk', Buffer.from('{"c":"2026-01-01","i":"x"}').toString('base64url')],
    ['base64url of a sentence', Buffer.from('ei ole kursor').toString('base64url')],
    ['an over-long cursor', 'QUFB'.repeat(300)],
    ['a negative number', '-1'],
    ['zero', '0'],
  ];
}

const doc = () => contract().document;
const deref = (node) => contract().deref(node);
const typesOf = (schema) => [].concat(deref(schema).type ?? []);

// A multi-line member says so in its description (openapi.yaml: "It may span lines").
function isMultiline(schemaNode) {
  const text = `${schemaNode?.description ?? ''} ${deref(schemaNode)?.description ?? ''}`;
  return /may span lines/i.test(text);
}

function documentedOperations() {
  const operations = [];
  for (const [template, rawItem] of Object.entries(doc().paths)) {
    const item = deref(rawItem);
    for (const method of kMethods) {
      if (!item[method]) continue;
      const operation = item[method];
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref);
      operations.push({ method: method.toUpperCase(), template, operation, parameters, id: `${method.toUpperCase()} ${template}` });
    }
  }
  return operations;
}

function callerFor(template) {
  if (template.startsWith('/api/v1/me')) return { personal_code: kHolder.personal_code, name: kHolder.name };
  if (template.startsWith('/api/v1/bodies/')) return kClerk;
  if (template.startsWith('/api/v1/admin/')) return kAdmin;
  return null; // /api/v1/public, /auth, operations
}

function jsonBodyOf(operation) {
  const media = operation.requestBody && deref(operation.requestBody).content?.['application/json'];
  if (!media) return undefined;
  const examples = media.example !== undefined
    ? [['example', media.example]]
    : Object.entries(media.examples ?? {}).map(([name, example]) => [name, deref(example).value]);
  assert.ok(examples.length > 0, `${operation.operationId}: a JSON request body without an example to walk`);
  return { schema: media.schema, examples };
}

// Whether every success the operation documents is without content (a redirect, 204): then an
// Accept that names no media type rules nothing out.
function answersWithoutContent(operation) {
  return Object.entries(operation.responses)
    .filter(([status]) => /^[23]/.test(status))
    .every(([, response]) => Object.keys(deref(response).content ?? {}).length === 0);
}

// ---- mutations of an example body -------------------------------------------------------------

function setAt(value, path, replacement) {
  const copy = structuredClone(value);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  if (replacement === undefined) delete node[path.at(-1)];
  else node[path.at(-1)] = replacement;
  return copy;
}

const pointerOf = (path) => `/${path.join('/')}`;

// `null`, removal and unknown-member mutations the schema forbids, walking the example beside it
// (into the first element of each list).
function schemaMutations(schemaNode, value, path = []) {
  const schema = deref(schemaNode);
  const out = [];
  if (Array.isArray(value)) {
    if (value.length > 0 && schema.items) out.push(...schemaMutations(schema.items, value[0], [...path, 0]));
    return out;
  }
  if (value === null || typeof value !== 'object' || !schema.properties) return out;
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties)) {
    const at = [...path, name];
    if (!typesOf(property).includes('null')) {
      out.push({ kind: 'null', label: `null at ${pointerOf(at)}`, body: (v) => setAt(v, at, null) });
    }
    if (required.has(name) && name in value) {
      out.push({ kind: 'required', label: `${pointerOf(at)} left out`, body: (v) => setAt(v, at, undefined) });
    }
    if (name in value) out.push(...schemaMutations(property, value[name], at));
  }
  if (schema.additionalProperties === false) {
    const at = [...path, 'x_kutse_unknown'];
    out.push({ kind: 'unknown member', label: `unknown member ${pointerOf(at)}`, body: (v) => setAt(v, at, 'x') });
  }
  return out;
}

// Every string in the example, with whether its member may span lines.
function stringLeaves(schemaNode, value, path = [], multiline = false) {
  if (typeof value === 'string') return [{ path, multiline }];
  const schema = deref(schemaNode ?? {});
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(schema.items, item, [...path, i], multiline));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, member]) => {
    const property = schema.properties?.[name];
    return stringLeaves(property, member, [...path, name], isMultiline(property));
  });
}

function withCharacter(text, character) {
  // In the middle, where trimming cannot take it away.
  return text.length >= 2 ? `${text.slice(0, 1)}${character}${text.slice(1)}` : `${text}${character}${text}`;
}

function invalidUtf8Body(value, leaf, bytes) {
  if (!leaf) {
    // No string to spoil: a member name of those bytes instead.
    return Buffer.concat([Buffer.from('{"'), bytes, Buffer.from('":1,'), Buffer.from(JSON.stringify(value).slice(1))]);
  }
  const marker = '\ue000';
  const marked = setAt(value, leaf.path, `${leaf.text}${marker}`);
  const [before, after] = JSON.stringify(marked).split(marker);
  return Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
}

// ---- the walk ---------------------------------------------------------------------------------

function shortError(error) {
  return String(error?.message ?? error).split('\n').slice(0, 4).join(' | ').slice(0, 500);
}

describe('hostile input: every operation refuses what openapi.yaml rules out, and stores text as sent', { timeout: 240000 }, () => {
  let cluster;
  let gw;
  const fixture = {};

  async function send(method, path, { query = [], headers = {}, body, identity } = {}) {
    const qs = query.map(([name, raw]) => `${name}=${raw}`).join('&');
    return fetchChecked(`${gw}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers: { ...(identity ? identityHeader(identity) : {}), ...headers },
      body,
      redirect: 'manual', // a redirect is the answer under test, not a page to go to
    });
  }

  async function sendJson(method, path, value, identity, headers = {}) {
    return send(method, path, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(value), identity });
  }

  function expectStatus(answer, status, what) {
    assert.equal(answer.status, status, `${what}: HTTP ${answer.status} ${answer.text.slice(0, 400)}`);
    return answer.body;
  }

  async function freshCertificate(holder = kHolder) {
    return (await recordCertificateOk(gw, certificateBody({ holder_personal_code: holder.personal_code, holder_name: holder.name })))
      .number;
  }

  withStartedCluster('hostile', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
    const client = await sendJson('POST', `/api/v1/bodies/${kBodyId}/api-clients`, { name: 'Koduleht', scopes: ['public:read'], allowed_origins: [kOrigin] }, kClerk);
    fixture.clientId = expectStatus(client, 201, 'creating an API client').client_id;
    const grant = await sendJson('POST', '/api/v1/admin/role-assignments', { personal_code: kFreshPeople[0], role: 'assessor', body_id: kBodyId }, kAdmin);
    fixture.assignmentId = String(expectStatus(grant, 201, 'granting a role').id);
    fixture.number = await freshCertificate();
    const published = await sendJson('PUT', `/api/v1/me/certificates/${fixture.number}/publication`, { published: true }, kHolder);
    expectStatus(published, 200, 'publishing the fixture certificate');
    fixture.noticeId = await waitFor('the holder\'s notice of the fixture certificate', async () => {
      const page = await send('GET', '/api/v1/me/notifications', { identity: kHolder });
      return page.body.items?.find((item) => item.certificate_number === fixture.number)?.id;
    }, { timeoutMs: 15000 });
    // The documented example's address waits for its code (the valid PUT sends none again), and the
    // notice's state-portal message, once sent, is made dead for the valid retry.
    const example = doc().paths['/api/v1/me/notification-settings'].put.requestBody.content['application/json'].example;
    expectStatus(await sendJson('PUT', '/api/v1/me/notification-settings', example, kHolder), 200, 'adding an e-mail address');
    fixture.emailCode = await confirmationCode(cluster.mailDir, example.email);
    fixture.deliveryId = await waitFor('the fixture notice\'s sent message', async () =>
      (await cluster.psql(
        "UPDATE notification.deliveries SET state = 'dead' WHERE state = 'sent' AND channel = 'state_portal' " +
          `AND notice_id = '${fixture.noticeId}' RETURNING id`,
      )).trim() || undefined, { timeoutMs: 15000 });
  });

  let nextPerson = 1;
  // The valid value of each path parameter, per operation; some targets are made fresh for each
  // request so that a probe wrongly let through cannot change what the next probe finds.
  async function pathValue(op, name) {
    switch (name) {
      case 'bodyId':
        return kBodyId;
      case 'registryCode':
        return op.template.startsWith('/api/v1/admin/') ? kNewBody : kBodyId;
      case 'code':
        return op.template.startsWith('/api/v1/admin/') ? kNewStandard : 'KEEVITAJA-4';
      case 'number':
        return /\/(invalidation|annulment)$/.test(op.template) ? freshCertificate() : fixture.number;
      case 'assignmentId':
        return fixture.assignmentId;
      case 'clientId':
        return fixture.clientId;
      case 'id': // a request fit for the step: see requestFor()
        return op.template.includes('/attachments') ? (await attachmentFixture(op.template)).id : requestFor(op.template);
      case 'noticeId':
        return fixture.noticeId;
      case 'stamp': // a fresh stamp of the holder's, so that a withdrawal wrongly let through changes nothing else
        return freshStamp();
      case 'verificationCode': // a stamp the walk never withdraws
        fixture.verificationCode ??= sealedFixture().then((sealed) => sealed.code);
        return fixture.verificationCode;
      case 'deliveryId':
        return fixture.deliveryId;
      case 'attachmentId':
        return (await attachmentFixture(op.template)).attachmentId;
      default:
        assert.fail(`${op.id}: no valid value known for the path parameter ${name}; add one to pathValue()`);
    }
  }

  async function freshRequest(kind, number = fixture.number) {
    const body = {
      reprint: { kind, certificate_number: number, delivery: { method: 'collect_in_person' } },
      duplicate: { kind, certificate_number: number, reason: 'lost' },
      question: { kind, certificate_number: number, message: 'Kas tunnistust saab pikendada?' },
    }[kind];
    return expectStatus(await sendJson('POST', '/api/v1/me/requests', body, kHolder), 201, `making a ${kind} request`).id;
  }

  // A new stamp of the fixture certificate: the sealed file and the stamp as the holder's list gives it.
  async function stampFixtureCertificate() {
    const made = await sendJson('POST', `/api/v1/me/certificates/${fixture.number}/stamps`, { format: 'pdf', language: 'et' }, kHolder);
    expectStatus(made, 200, 'stamping the fixture certificate');
    const listed = await send('GET', '/api/v1/me/stamps', { query: [['limit', '1']], identity: kHolder });
    return { bytes: Buffer.from(made.bytes), stamp: expectStatus(listed, 200, 'listing the holder\'s stamps').items[0] };
  }

  // One sealed copy of the fixture certificate, made once: its bytes and its verification code.
  function sealedFixture() {
    fixture.sealed ??= stampFixtureCertificate().then(({ bytes, stamp }) => ({ bytes, code: stamp.verification_url.split('/verify/')[1] }));
    return fixture.sealed;
  }

  // A new stamp of the fixture certificate: its id.
  async function freshStamp() {
    return (await stampFixtureCertificate()).stamp.id;
  }

  // A duplicate request for inaccurate data with one file, in the body's inbox or (under
  // /api/v1/admin/) the register keeper's; made once for each and shared by the probes.
  function attachmentFixture(template) {
    const key = template.startsWith('/api/v1/admin/') ? 'adminAttachment' : 'attachment';
    fixture[key] ??= (async () => {
      const number = key === 'adminAttachment' ? await closedBodyCertificate() : await freshCertificate();
      const body = { kind: 'duplicate', certificate_number: number, reason: 'inaccurate_data', corrections: [{ field: 'specialisation', value: 'Metallaktiivgaaskeevitus' }] };
      const id = expectStatus(await sendJson('POST', '/api/v1/me/requests', body, kHolder), 201, 'making a duplicate request for inaccurate data').id;
      const file = await send('POST', `/api/v1/me/requests/${id}/attachments`, { headers: { 'Content-Type': 'application/pdf' }, body: kPdf, identity: kHolder });
      return { id, attachmentId: expectStatus(file, 201, 'attaching a file').id };
    })();
    return fixture[key];
  }

  // A certificate of the closed body, whose requests go to the register keeper.
  async function closedBodyCertificate() {
    const number = await freshCertificate();
    await cluster.psql(`UPDATE certificate.certificates SET awarding_body_id = '${kClosedBody}' WHERE number = '${number}'`);
    return number;
  }

  // A request a handler's step can be taken on: a reprint to withdraw, accept, reject or (accepted)
  // mark delivered; a duplicate (one open per certificate) to approve; else a question. A step
  // under /api/v1/admin/ gets one routed to the register keeper.
  async function requestFor(template) {
    const step = template.split('/').pop();
    const admin = template.startsWith('/api/v1/admin/');
    if (step === 'approve') return freshRequest('duplicate', admin ? await closedBodyCertificate() : await freshCertificate());
    const number = admin ? (fixture.closedNumber ??= await closedBodyCertificate()) : fixture.number;
    if (!['withdraw', 'accept', 'reject', 'mark-delivered'].includes(step)) return freshRequest('question', number);
    const id = await freshRequest('reprint', number);
    if (step === 'mark-delivered') {
      const base = admin ? '/api/v1/admin/requests' : `/api/v1/bodies/${kBodyId}/requests`;
      const accepted = await send('POST', `${base}/${id}/accept`, { headers: { 'If-Match': '"1"' }, identity: callerFor(template) });
      expectStatus(accepted, 200, 'accepting a reprint');
    }
    return id;
  }

  // A handler's decision needs the If-Match of the request as read; nothing when it cannot be read.
  async function ifMatchFor(op, path) {
    if (!/\/requests\/\{id\}\/(accept|reject|mark-delivered|approve|answer|close)$/.test(op.template) || op.template.startsWith('/api/v1/me/')) return {};
    const read = await send('GET', path.replace(/\/[^/]+$/, ''), { identity: callerFor(op.template) });
    return read.status === 200 ? { 'If-Match': read.headers.get('etag') } : {};
  }

  function freshen(op, value, label) {
    // A request is made on the holder's own certificate, unless the number is what is probed.
    if (op.template === '/api/v1/me/requests' && !label.includes('/certificate_number')) {
      return { ...value, certificate_number: fixture.number };
    }
    if (op.template === '/api/v1/admin/role-assignments' && !label.includes('/personal_code')) {
      return { ...value, personal_code: kFreshPeople[nextPerson++] };
    }
    // The documented example names a notice of nobody's; the walk's holder has one of their own.
    if (op.template === '/api/v1/me/notifications/read-all' && !label.includes('/up_to')) {
      return { ...value, up_to: fixture.noticeId };
    }
    // The code that was mailed, not the documented example's.
    if (op.template === '/api/v1/me/notification-settings/email-confirmation' && !label.includes('/code')) {
      return { ...value, code: fixture.emailCode };
    }
    return value;
  }

  // The otherwise valid request of `op`, with `change` applied: {path, query, headers, body}.
  async function requestOf(op, change = {}) {
    const values = {};
    for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
      values[parameter.name] = change.path?.[parameter.name] ?? (await pathValue(op, parameter.name));
    }
    const path = op.template.replace(/\{([^}]+)\}/g, (_, name) => values[name]);
    const headers = await ifMatchFor(op, path);
    if (op.parameters.some((p) => p.in === 'header' && p.name === 'Origin')) headers.Origin = kOrigin;
    const json = jsonBodyOf(op.operation);
    let body;
    if (op.operation.requestBody && deref(op.operation.requestBody).content?.['application/pdf']) {
      headers['Content-Type'] = 'application/pdf';
      body = kPdf;
    }
    if (json) {
      headers['Content-Type'] = 'application/json';
      const value = change.bodyValue ?? json.examples[0][1];
      body = change.rawBody ?? JSON.stringify(freshen(op, value, change.label ?? ''));
    } else if (op.operation.requestBody && deref(op.operation.requestBody).content?.['application/pdf']) {
      // A file as the raw body (ADR 0006): the walk's own sealed copy.
      headers['Content-Type'] = 'application/pdf';
      body = (await sealedFixture()).bytes;
    }
    Object.assign(headers, change.headers ?? {});
    return { method: op.method, path, query: change.query ?? [], headers, body, identity: callerFor(op.template) };
  }

  function probesOf(op) {
    const probes = [];
    const add = (kind, label, change, expected) => probes.push({ op, kind, label, change: { ...change, label }, expected });
    for (const parameter of op.parameters.filter((p) => p.in === 'path')) {
      for (const [what, raw] of kBadPathValues) {
        add('path parameter', `path ${parameter.name}: ${what}`, { path: { [parameter.name]: raw } }, raw.length > 100 ? null : 400);
      }
    }
    for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
      const values = [...kBadQueryValues.map(([what, raw]) => [what, raw, 400])];
      const schema = deref(parameter.schema ?? {});
      if (parameter.name === 'cursor') values.push(...cursorGarbage().map(([what, raw]) => [what, raw, 400]));
      if (schema.type === 'integer') {
        if (schema.minimum !== undefined) values.push(['below its minimum', String(schema.minimum - 1), 400]);
        if (schema.maximum !== undefined) values.push(['above its maximum', String(schema.maximum + 1), 400]);
        values.push(['not a number', 'x1', 400], ['a fraction', '1.5', 400]);
      }
      if (schema.type === 'boolean') values.push(['not a boolean', 'yes', 400]);
      if (schema.type === 'string') {
        if (schema.maxLength !== undefined) values.push(['longer than its maxLength', '7'.repeat(schema.maxLength + 1), 400]);
        if ((schema.minLength ?? 0) > 0) values.push(['shorter than its minLength', 'x'.repeat(schema.minLength - 1), 400]);
        if (schema.pattern) values.push(['against its pattern', encodeURIComponent('~ei~'), 400]);
        if (schema.format === 'date') values.push(['no such date', '2026-02-30', 400]);
      }
      for (const [what, raw, expected] of values) add('query parameter', `query ${parameter.name}: ${what}`, { query: [[parameter.name, raw]] }, expected);
    }
    add('stray query parameter', 'a stray query parameter holding a NUL', { query: [['x_kutse', '%00']] }, 400);
    add('accept', `Accept: ${kUnknownMedia}`, { headers: { Accept: kUnknownMedia } }, answersWithoutContent(op.operation) ? 'no content' : 406);
    const json = jsonBodyOf(op.operation);
    if (!json) return probes;
    for (const [name, example] of json.examples) {
      const tag = json.examples.length > 1 ? ` (${name})` : '';
      add('media type', `body as ${kUnknownMedia}${tag}`, { bodyValue: example, headers: { 'Content-Type': kUnknownMedia } }, 415);
      const leaves = stringLeaves(json.schema, example).map((leaf) => ({ ...leaf, text: leaf.path.reduce((v, k) => v[k], example) }));
      for (const [what, bytes] of kInvalidUtf8) {
        const where = leaves.length > 0 ? pointerOf(leaves[0].path) : 'a member name';
        add('invalid UTF-8', `${what} in ${where}${tag}`, { rawBody: invalidUtf8Body(example, leaves[0], bytes) }, null);
      }
      for (const leaf of leaves) {
        for (const [what, character] of [...kBodyControls, ...(leaf.multiline ? [] : kLineBreaks)]) {
          add('control character', `${what} in ${pointerOf(leaf.path)}${tag}`, { bodyValue: setAt(example, leaf.path, withCharacter(leaf.text, character)) }, null);
        }
      }
      for (const mutation of schemaMutations(json.schema, example)) {
        add(mutation.kind, `${mutation.label}${tag}`, { bodyValue: mutation.body(example) }, 422);
      }
    }
    return probes;
  }

  it('walks every operation with malformed input: no 5xx, no 2xx, a documented problem each time', async (t) => {
    const operations = documentedOperations();
    assert.ok(operations.length >= 30, `only ${operations.length} operations found in openapi.yaml`);
    const probes = operations.flatMap(probesOf);
    const failures = [];
    await runPool(probes, 8, async (probe) => {
      const request = await requestOf(probe.op, probe.change);
      const where = `${probe.op.id} [${probe.label}]`;
      let answer;
      try {
        answer = await send(request.method, request.path, request);
      } catch (error) {
        failures.push(`${where}: ${shortError(error)}`);
        return;
      }
      const ok = probe.expected === 'no content'
        ? answer.status < 500 && (answer.status >= 400 || answer.text === '')
        : answer.status >= 400 && answer.status < 500 && (probe.expected === null || answer.status === probe.expected);
      if (!ok) {
        failures.push(`${where}: HTTP ${answer.status}, expected ${probe.expected ?? '4xx'}: ${answer.text.slice(0, 300)}`);
      } else if (answer.status >= 400 && !/^application\/problem\+json/.test(answer.headers.get('content-type') ?? '')) {
        failures.push(`${where}: HTTP ${answer.status} is not a problem: ${answer.headers.get('content-type')}`);
      }
    });
    const counts = {};
    for (const probe of probes) counts[probe.kind] = (counts[probe.kind] ?? 0) + 1;
    t.diagnostic(`${operations.length} operations, ${probes.length} malformed requests: ${JSON.stringify(counts)}`);
    assert.deepEqual(failures, [], `${failures.length} of ${probes.length} malformed requests were not refused cleanly`);

    // The same requests without the malformation succeed, so each refusal above was for it. Sent
    // last: a withdrawal, a revocation or an invalidation changes what later requests find.
    const unreachable = new Set(['GET /auth/callback']); // needs a sign-in at the identity provider
    const controls = [];
    // Withdrawing and revoking last: the preflight needs the API client's registered origin.
    const ordered = [...operations.filter((o) => o.method !== 'DELETE'), ...operations.filter((o) => o.method === 'DELETE')];
    for (const op of ordered.filter((o) => !unreachable.has(o.id))) {
      const request = await requestOf(op);
      const answer = await send(request.method, request.path, request);
      if (answer.status >= 400) controls.push(`${op.id}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`);
    }
    assert.deepEqual(controls, [], 'the valid request of an operation was refused');
  });

  it('stored nothing with a control character while it walked', async () => {
    // [table, single-line columns, multi-line columns]
    const columns = [
      ['certificate.certificates', ['holder_name', 'standard_name', 'decision_number', 'specialisation', 'partial_qualification'], ['status_reason']],
      ['certificate.certificate_history', [], ['reason']],
      ['certificate.print_history', [], ['note']],
      ['certificate.occupational_standards', ['name_et', 'name_en', 'specialisations::text', 'partial_qualifications::text', 'competences::text'], []],
      ['certificate.awarding_bodies', ['name', 'email', 'phone', 'address', 'website'], []],
      ['gateway.role_assignments', [], ['grant_reason', 'withdraw_reason']],
      ['gateway.api_clients', ['name'], []],
      ['workflow.request_messages', [], ['text']],
    ];
    // jsonb prints a control character as a \u escape; a real one anywhere else is the character.
    const anyControl = String.raw`'[\x01-\x1f\x7f\u0080-\u009f]|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\[tnrbf]'`;
    const breakingControl = String.raw`'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]'`;
    for (const [table, single, multi] of columns) {
      const conditions = [...single.map((c) => `${c} ~ ${anyControl}`), ...multi.map((c) => `${c} ~ ${breakingControl}`)];
      const found = await cluster.psql(`SELECT ${[...single, ...multi].join(', ')} FROM ${table} WHERE ${conditions.join(' OR ')}`);
      assert.equal(found.trim(), '', `${table} holds text with a control character:\n${found}`);
    }
  });

  // ---- stored text: what was sent is what is kept ------------------------------------------------

  const kEstonian = 'Õie Šmidt-Jõeäär Žürii 🎓';
  const kLines = 'Otsus nr 12/2026:\n\tÕ, Ä, Ö, Ü, Š, Ž 🎓\r\nteine rida';

  async function storedHex(sql) {
    return (await cluster.psql(sql)).trim();
  }
  const hex = (text) => Buffer.from(text, 'utf8').toString('hex');

  it('keeps a certificate\'s texts byte for byte, trimmed at the ends only', async () => {
    const holder = { personal_code: kFreshPeople[899], name: kEstonian };
    const body = certificateBody({ holder_personal_code: holder.personal_code, holder_name: `  ${kEstonian}\t`, decision_number: 'KK-2026/Ž-🎓' });
    const issued = await recordCertificateOk(gw, body);
    assert.equal(issued.holder_name, kEstonian);
    assert.equal(issued.decision_number, 'KK-2026/Ž-🎓');
    const read = expectStatus(await send('GET', `/api/v1/bodies/${kBodyId}/certificates/${issued.number}`, { identity: kClerk }), 200, 'reading it back');
    assert.equal(read.certificate.holder_name, kEstonian);
    const mine = expectStatus(await send('GET', `/api/v1/me/certificates/${issued.number}`, { identity: holder }), 200, 'the holder reading it');
    assert.equal(mine.certificate.holder_name, kEstonian);
    assert.equal(
      await storedHex(`SELECT encode(convert_to(holder_name, 'UTF8'), 'hex') || ' ' || encode(convert_to(decision_number, 'UTF8'), 'hex') FROM certificate.certificates WHERE number = '${issued.number}'`),
      `${hex(kEstonian)} ${hex('KK-2026/Ž-🎓')}`,
    );
  });

  it('keeps status-change reasons and print notes with their tabs and line breaks', async () => {
    const invalidated = await freshCertificate();
    const annulled = await freshCertificate();
    const printed = await freshCertificate();
    const invalidation = expectStatus(await sendJson('POST', `/api/v1/bodies/${kBodyId}/certificates/${invalidated}/invalidation`, { reason: kLines }, kClerk), 200, 'invalidating');
    assert.equal(invalidation.status_reason, kLines);
    const annulment = expectStatus(await sendJson('POST', `/api/v1/bodies/${kBodyId}/certificates/${annulled}/annulment`, { reason: ` ${kLines}\n` }, kAdmin), 200, 'annulling');
    assert.equal(annulment.status_reason, kLines);
    const note = `Saadetud: Riia 15,\nTartu\t${kEstonian}`;
    const print = expectStatus(await sendJson('POST', `/api/v1/bodies/${kBodyId}/certificates/${printed}/prints`, { reason: 'reprint', delivery: 'post', note }, kClerk), 201, 'printing');
    assert.equal(print.note, note);
    for (const [number, change] of [[invalidated, 'invalidated'], [annulled, 'annulled']]) {
      const detail = expectStatus(await send('GET', `/api/v1/bodies/${kBodyId}/certificates/${number}`, { identity: kAdmin }), 200, 'reading it back');
      assert.equal(detail.certificate.status_reason, kLines);
      assert.equal(detail.history.find((entry) => entry.change === change)?.reason, kLines);
      const mine = expectStatus(await send('GET', `/api/v1/me/certificates/${number}`, { identity: kHolder }), 200, 'the holder reading it');
      assert.equal(mine.certificate.status_reason, kLines);
    }
    const detail = expectStatus(await send('GET', `/api/v1/bodies/${kBodyId}/certificates/${printed}`, { identity: kClerk }), 200, 'reading the print back');
    assert.deepEqual(detail.prints.map((p) => p.note), [note]);
    assert.equal(
      await storedHex(`SELECT string_agg(encode(convert_to(status_reason, 'UTF8'), 'hex'), ' ' ORDER BY number) FROM certificate.certificates WHERE number IN ('${invalidated}', '${annulled}')`),
      `${hex(kLines)} ${hex(kLines)}`,
    );
    assert.equal(await storedHex(`SELECT encode(convert_to(note, 'UTF8'), 'hex') FROM certificate.print_history WHERE number = '${printed}'`), hex(note));
  });

  it('keeps the texts of a standard and an awarding body', async () => {
    const standard = {
      name_et: `Õmbleja, tase 4 — ${kEstonian}`,
      name_en: 'Seamstress, level 4 🧵',
      estqf_level: 4,
      eqf_level: 4,
      specialisations: [{ code: 'ÕMB', name_et: 'Käsiõmblus ÄÖÜ 🪡' }],
      competences: [{ code: 'K1', name_et: 'Šabloonide lõikamine', name_en: 'Cutting patterns ✂️' }],
    };
    expectStatus(await sendJson('PUT', '/api/v1/admin/standards/OMBLEJA-4', standard, kAdmin), 201, 'entering a standard');
    const read = expectStatus(await send('GET', '/api/v1/public/standards/OMBLEJA-4'), 200, 'reading the standard');
    assert.equal(read.name_et, standard.name_et);
    assert.equal(read.name_en, standard.name_en);
    assert.deepEqual(read.specialisations, [{ ...standard.specialisations[0], name_en: null }]);
    assert.deepEqual(read.competences, standard.competences);
    assert.equal(await storedHex(`SELECT encode(convert_to(name_et, 'UTF8'), 'hex') FROM certificate.occupational_standards WHERE code = 'OMBLEJA-4'`), hex(standard.name_et));

    const body = {
      name: `Õmblejate Ühing ${kEstonian}`,
      email: 'õmblejad@näide.ee',
      phone: '+372 600 0000',
      address: 'Pärnu mnt 1, 10141 Tallinn 🏠',
      website: 'https://õmblejad.ee',
      rights: [{ standard_code: 'OMBLEJA-4', valid_from: '2024-01-01' }],
    };
    expectStatus(await sendJson('PUT', '/api/v1/admin/awarding-bodies/80099002', body, kAdmin), 201, 'entering an awarding body');
    const readBody = expectStatus(await send('GET', '/api/v1/public/awarding-bodies/80099002'), 200, 'reading the body');
    for (const member of ['name', 'email', 'phone', 'address', 'website']) assert.equal(readBody[member], body[member], member);
    assert.equal(readBody.rights[0].standard_name, standard.name_et);
    assert.equal(await storedHex(`SELECT encode(convert_to(name || '|' || address, 'UTF8'), 'hex') FROM certificate.awarding_bodies WHERE registry_code = '80099002'`), hex(`${body.name}|${body.address}`));
  });

  it('keeps a role grant\'s and a withdrawal\'s reasons and an API client\'s name', async () => {
    const person = kFreshPeople[898];
    const granted = expectStatus(await sendJson('POST', '/api/v1/admin/role-assignments', { personal_code: person, role: 'clerk', body_id: kBodyId, reason: `${kLines}  ` }, kAdmin), 201, 'granting');
    assert.equal(granted.grant_reason, kLines);
    const why = `lahkus tööle — ${kEstonian}`;
    const withdrawn = await send('DELETE', `/api/v1/admin/role-assignments/${granted.id}`, { query: [['reason', encodeURIComponent(why)]], identity: kAdmin });
    expectStatus(withdrawn, 204, 'withdrawing');
    const list = expectStatus(await send('GET', '/api/v1/admin/role-assignments', { query: [['personal_code', person], ['include_withdrawn', 'true']], identity: kAdmin }), 200, 'listing');
    assert.deepEqual(list.items.map((item) => [item.grant_reason, item.withdraw_reason]), [[kLines, why]]);
    assert.equal(
      await storedHex(`SELECT encode(convert_to(grant_reason || '|' || withdraw_reason, 'UTF8'), 'hex') FROM gateway.role_assignments WHERE id = ${Number(granted.id)}`),
      hex(`${kLines}|${why}`),
    );

    const name = `Õmblejate koduleht ${kEstonian}`;
    const client = expectStatus(await sendJson('POST', `/api/v1/bodies/${kBodyId}/api-clients`, { name: ` ${name} `, scopes: ['public:read'] }, kClerk), 201, 'creating a client');
    assert.equal(client.name, name);
    const clients = expectStatus(await send('GET', `/api/v1/bodies/${kBodyId}/api-clients`, { identity: kClerk }), 200, 'listing clients');
    assert.equal(clients.items.find((c) => c.client_id === client.client_id)?.name, name);
    assert.equal(await storedHex(`SELECT encode(convert_to(name, 'UTF8'), 'hex') FROM gateway.api_clients WHERE client_id = '${client.client_id}'`), hex(name));
  });

  it('keeps a historic entry\'s texts', async () => {
    const row = {
      number: 'KT-1999/001',
      holder_personal_code: kFreshPeople[897],
      holder_name: kEstonian,
      historic_level: 'III',
      standard_name: 'Keevitaja III kvalifikatsioonitase — Šveits 🎓',
      awarding_body_id: kBodyId,
      issue_date: '1999-05-20',
      valid_from: '1999-05-20',
      valid_until: '2004-05-19',
      status: 'annulled',
      status_reason: kLines,
    };
    expectStatus(await sendJson('POST', '/api/v1/admin/certificate-imports', { certificates: [row] }, kAdmin), 200, 'importing');
    const mine = expectStatus(await send('GET', `/api/v1/me/certificates/${encodeURIComponent(row.number)}`, { identity: { personal_code: row.holder_personal_code } }), 200, 'the holder reading it');
    for (const member of ['holder_name', 'standard_name', 'status_reason']) assert.equal(mine.certificate[member], row[member], member);
    assert.equal(
      await storedHex(`SELECT encode(convert_to(holder_name || '|' || standard_name || '|' || status_reason, 'UTF8'), 'hex') FROM certificate.certificates WHERE number = '${row.number}'`),
      hex(`${row.holder_name}|${row.standard_name}|${row.status_reason}`),
    );
  });
});
