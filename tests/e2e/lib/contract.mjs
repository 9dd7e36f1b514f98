// The live contract check: every HTTP response an e2e test receives is held against openapi.yaml.
//
// check(method, path, response) finds the operation (a concrete path is matched against the
// templates, `{param}` = one segment), the documented response for the status, the media type of
// the Content-Type header, and validates the body against that media type's schema (OpenAPI 3.1 =
// JSON Schema 2020-12, with ajv and ajv-formats), plus every header the response object marks
// `required`. Anything not documented FAILS: an unknown path, a method the path does not take, a
// status the operation does not list, a content type it does not list.
//
// The one deliberate exception is a test that probes an address the API does not have (an unknown
// route, a method a route does not take): it says so with `{ undocumented: true }`, and the answer
// must then be the document's generic `NotFound` (404) or `MethodNotAllowed` (405) response.
//
// Independently of the document, an error answer (status >= 400) must not leak internals: no stack
// traces, SQL, library names, passwords, DSNs or AMQP URLs (see forbidText()).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { birthDateOf, isValidPersonalCode } from './personal-codes.mjs';

const kSchemaBase = 'https://kutse.invalid/openapi/components/schemas/';
const kComponentSchemaRef = '#/components/schemas/';
const kMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Internals that must never reach a client in an error body.
const kLeakPatterns = [
  [/\bat\s+\S+\s+\([^)]*:\d+:\d+\)/, 'a stack trace frame'],
  [/#\d+\s+0x[0-9a-f]{6,}/i, 'a native backtrace frame'],
  [/terminate called|what\(\)|std::|boost::|Pistache|pistache/, 'C++ exception text'],
  [/\.(?:cpp|hpp|cc|h):\d+/, 'a source file location'],
  [/\bSELECT\b|\bINSERT\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b/, 'SQL text'],
  [/pqxx|libpq|postgres|rabbitmq|amqp_|librabbitmq/i, 'a library or backend name'],
  [/password/i, 'the word password'],
  [/\b(?:host|dbname|user|port)=\S/, 'a DSN fragment'],
  [/amqps?:\/\//i, 'an AMQP URL'],
  [/BEGIN [A-Z ]*PRIVATE KEY/, 'a private key'],
];

const extraForbidden = new Set();

/** Registers a secret (a DSN, password, URL) that must never appear in an error body. */
export function forbidText(text) {
  if (typeof text === 'string' && text.length >= 6) extraForbidden.add(text);
}

function jsonPointerGet(document, pointer) {
  if (!pointer.startsWith('#/')) throw new Error(`only local $refs are supported: ${pointer}`);
  let node = document;
  for (const raw of pointer.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`openapi.yaml: $ref ${pointer} does not resolve`);
    }
    node = node[key];
  }
  return node;
}

// Schema $refs point into components.schemas; each component schema is registered with ajv under
// an absolute $id, so the refs are rewritten to that id (keeping any pointer into the schema).
function rewriteSchemaRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteSchemaRefs);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith(kComponentSchemaRef)) {
        throw new Error(`openapi.yaml: a schema $ref must point into ${kComponentSchemaRef}: ${value}`);
      }
      const [name, ...rest] = value.slice(kComponentSchemaRef.length).split('/');
      out[key] = kSchemaBase + name + (rest.length > 0 ? `#/${rest.join('/')}` : '');
    } else {
      out[key] = rewriteSchemaRefs(value);
    }
  }
  return out;
}

function templateRegex(template) {
  const parts = template.split(/(\{[^}/]+\})/).filter((p) => p !== '');
  let literals = 0;
  const source = parts
    .map((part) => {
      if (/^\{[^}/]+\}$/.test(part)) return '([^/]+)';
      literals += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), literals };
}

function lowerHeaders(headers) {
  const out = new Map();
  if (!headers) return out;
  if (typeof headers.forEach === 'function' && !(headers instanceof Map) && !Array.isArray(headers)) {
    headers.forEach((value, name) => out.set(name.toLowerCase(), String(value)));
    return out;
  }
  const entries = headers instanceof Map ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    out.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
  }
  return out;
}

function snippet(text, max = 600) {
  if (text === undefined || text === null) return '(no body)';
  const s = String(text);
  return s.length > max ? `${s.slice(0, max)}... (${s.length} chars)` : s;
}

function describeAjvErrors(errors) {
  return (errors ?? [])
    .map((e) => `  ${e.instancePath || '(root)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
    .join('\n');
}

export class Contract {
  constructor(document, source = 'openapi.yaml') {
    assert.ok(document && typeof document === 'object', `${source} is not a YAML mapping`);
    assert.match(String(document.openapi ?? ''), /^3\.1\./, `${source}: expected an OpenAPI 3.1 document`);
    assert.ok(document.paths && typeof document.paths === 'object', `${source} has no paths`);
    this.document = document;
    this.source = source;
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: true });
    addFormats(this.ajv);
    // OpenAPI 3.1's own additions to the 2020-12 vocabulary (annotations only).
    this.ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      this.ajv.addSchema({ ...rewriteSchemaRefs(schema), $id: kSchemaBase + name });
    }
    this.validators = new Map();
    this.templates = Object.keys(document.paths).map((template) => ({ template, ...templateRegex(template) }));
  }

  static load(file) {
    const text = fs.readFileSync(file, 'utf8');
    return new Contract(YAML.parse(text), file);
  }

  deref(node) {
    let current = node;
    for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops += 1) {
      assert.ok(hops < 20, `${this.source}: $ref loop at ${node.$ref}`);
      current = jsonPointerGet(this.document, current.$ref);
    }
    return current;
  }

  validator(schema, where) {
    let validate = this.validators.get(where);
    if (!validate) {
      try {
        validate = this.ajv.compile(rewriteSchemaRefs(schema));
      } catch (error) {
        throw new Error(`${this.source}: the schema at ${where} does not compile: ${error.message}`);
      }
      this.validators.set(where, validate);
    }
    return validate;
  }

  /** The path template of the document that `concretePath` matches, or undefined. */
  findTemplate(concretePath) {
    if (this.document.paths[concretePath]) return concretePath;
    let best;
    for (const candidate of this.templates) {
      if (candidate.regex.test(concretePath) && (!best || candidate.literals > best.literals)) best = candidate;
    }
    return best?.template;
  }

  /** The operation object for `method` on `concretePath`, or undefined when undocumented. */
  findOperation(method, concretePath) {
    const template = this.findTemplate(concretePath);
    if (!template) return undefined;
    const item = this.deref(this.document.paths[template]);
    const operation = item?.[method.toLowerCase()];
    return operation ? { template, operation } : undefined;
  }

  /**
   * Throws an AssertionError unless `response` ({status, headers, body: string}) is what openapi.yaml
   * documents for `method` `pathOrUrl`. Returns the parsed JSON body (or the text for other media).
   */
  check(method, pathOrUrl, response, { undocumented = false } = {}) {
    const upper = method.toUpperCase();
    const concretePath = pathOrUrl.startsWith('http')
      ? new URL(pathOrUrl).pathname
      : pathOrUrl.split('?')[0].split('#')[0];
    const status = Number(response.status);
    const headers = lowerHeaders(response.headers);
    const body = response.body ?? '';
    const label = `${upper} ${concretePath} -> ${status}`;
    const context = () =>
      `\n  content-type: ${headers.get('content-type') ?? '(none)'}\n  body: ${snippet(body)}`;

    if (status >= 400) this.checkNoLeaks(label, body);

    let responseObject;
    let where;
    const found = this.findOperation(upper, concretePath);
    if (undocumented) {
      assert.ok(
        !found,
        `${label}: the test calls this an undocumented address, but ${this.source} documents ` +
          `${upper} ${found?.template}; drop { undocumented: true }`,
      );
      const generic = { 404: 'NotFound', 405: 'MethodNotAllowed' }[status];
      assert.ok(generic, `${label}: an undocumented address must answer 404 or 405${context()}`);
      const ref = `#/components/responses/${generic}`;
      assert.ok(
        this.document.components?.responses?.[generic],
        `${label}: ${this.source} has no ${ref} to check this answer against`,
      );
      responseObject = this.deref({ $ref: ref });
      where = ref;
    } else {
      const template = this.findTemplate(concretePath);
      assert.ok(template, `${label}: the path is not documented in ${this.source}${context()}`);
      assert.ok(
        found,
        `${label}: ${this.source} documents ${template} but not the method ${upper}${context()}`,
      );
      const responses = found.operation.responses ?? {};
      const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find((k) => responses[k]);
      assert.ok(
        key,
        `${label}: status ${status} is not documented for ${upper} ${found.template} ` +
          `(documented: ${Object.keys(responses).join(', ')})${context()}`,
      );
      responseObject = this.deref(responses[key]);
      where = `paths.${found.template}.${upper.toLowerCase()}.responses.${key}`;
    }

    // Headers the document marks required must be there, and every documented header that is
    // present must match its schema.
    for (const [name, rawHeader] of Object.entries(responseObject.headers ?? {})) {
      if (name.toLowerCase() === 'content-type') continue;
      const header = this.deref(rawHeader);
      const value = headers.get(name.toLowerCase());
      if (value === undefined) {
        assert.ok(!header.required, `${label}: the required header ${name} is missing (${where})${context()}`);
        continue;
      }
      if (header.schema) {
        const schema = this.deref(header.schema);
        const type = schema.type;
        let typed = value;
        if (type === 'integer' || type === 'number') typed = Number(value);
        if (type === 'boolean') typed = value === 'true' ? true : value === 'false' ? false : value;
        const validate = this.validator(schema, `${where}.headers.${name}`);
        assert.ok(
          validate(typed),
          `${label}: header ${name}: ${JSON.stringify(value)} does not match ${where}.headers.${name}\n` +
            describeAjvErrors(validate.errors),
        );
      }
    }

    const content = responseObject.content ?? {};
    const mediaTypes = Object.keys(content);
    if (mediaTypes.length === 0) {
      assert.equal(body, '', `${label}: ${where} documents no body, but one came${context()}`);
      return undefined;
    }
    const contentType = headers.get('content-type');
    assert.ok(contentType, `${label}: no Content-Type header (documented: ${mediaTypes.join(', ')})${context()}`);
    const media = contentType.split(';')[0].trim().toLowerCase();
    const mediaKey =
      mediaTypes.find((m) => m.toLowerCase() === media) ??
      mediaTypes.find((m) => m.toLowerCase() === `${media.split('/')[0]}/*`) ??
      mediaTypes.find((m) => m === '*/*');
    assert.ok(
      mediaKey,
      `${label}: Content-Type ${contentType} is not documented (documented: ${mediaTypes.join(', ')})${context()}`,
    );
    const mediaObject = content[mediaKey];
    let value = body;
    if (media === 'application/json' || media.endsWith('+json')) {
      try {
        value = JSON.parse(body);
      } catch (error) {
        assert.fail(`${label}: the ${media} body is not JSON (${error.message})${context()}`);
      }
    } else if (media === 'application/yaml' || media === 'application/x-yaml' || media === 'text/yaml') {
      try {
        YAML.parse(body);
      } catch (error) {
        assert.fail(`${label}: the ${media} body is not YAML (${error.message})`);
      }
    }
    if (mediaObject?.schema) {
      const validate = this.validator(mediaObject.schema, `${where}.content.${mediaKey}.schema`);
      assert.ok(
        validate(value),
        `${label}: the body does not match ${where} (${mediaKey}):\n${describeAjvErrors(validate.errors)}` +
          `\n  body: ${snippet(body)}`,
      );
    }
    if (media === 'application/problem+json' && value && typeof value === 'object') {
      assert.equal(value.status, status, `${label}: the problem's status member differs from the HTTP status`);
    }
    return value;
  }

  checkNoLeaks(label, body) {
    const text = String(body ?? '');
    for (const [pattern, what] of kLeakPatterns) {
      assert.ok(!pattern.test(text), `${label}: the error body leaks ${what}: ${snippet(text)}`);
    }
    for (const secret of extraForbidden) {
      assert.ok(!text.includes(secret), `${label}: the error body leaks a configured secret: ${snippet(text)}`);
    }
  }
}

export function openapiFile() {
  const repo = process.env.KUTSE_REPO ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  return path.join(repo, 'openapi.yaml');
}

let loaded;
/** The contract of this repository's openapi.yaml, loaded once per test process. */
export function contract() {
  if (!loaded) loaded = Contract.load(openapiFile());
  return loaded;
}

/** check() against this repository's openapi.yaml. */
export function checkResponse(method, pathOrUrl, response, options) {
  return contract().check(method, pathOrUrl, response, options);
}

// Every public answer of the whole e2e suite is scanned for personal data: no valid personal code,
// no member named like one, and no date of birth of anybody the suite has named in a request.
const kDigitRun = /(?<![0-9])[1-6][0-9]{10}(?![0-9])/g;
const birthDatesSeen = new Set();

function rememberPersonalCodes(...texts) {
  for (const text of texts) {
    for (const match of String(text ?? '').matchAll(kDigitRun)) {
      if (isValidPersonalCode(match[0])) birthDatesSeen.add(birthDateOf(match[0]));
    }
  }
}

/** What personal data a public answer shows (empty when none). */
export function personalDataInPublicAnswer(answer) {
  const found = [];
  const text = answer.replace(/"trace_id"\s*:\s*"[0-9a-f]*"/g, ''); // random hex may hold a digit run
  for (const match of text.matchAll(kDigitRun)) {
    if (isValidPersonalCode(match[0])) found.push(`the personal code ${match[0]}`);
  }
  for (const day of birthDatesSeen) if (text.includes(day)) found.push(`the date of birth ${day}`);
  if (/"[a-z_]*(?:personal_code|birth)[a-z_]*"\s*:/i.test(text)) found.push('a personal-code or birth member');
  return found;
}

/**
 * fetch() whose every answer is checked against openapi.yaml before the test sees it. Options are
 * fetch's, plus `timeoutMs` (default 15 s) and `undocumented` (see the top of this file).
 * Resolves to { status, headers, text, body, bytes } where body is the parsed JSON (or the text) and
 * bytes the answer's raw bytes (a Buffer).
 */
export async function fetchChecked(url, options = {}) {
  const { undocumented = false, timeoutMs = 15000, ...init } = options;
  const method = (init.method ?? 'GET').toUpperCase();
  const response = await fetch(url, { ...init, method, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
  // The bytes too: a file (a sealed PDF) is compared and checked as it came.
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const headerValues = init.headers ? Object.values(init.headers) : [];
  rememberPersonalCodes(url, typeof init.body === 'string' ? init.body : '', ...headerValues);
  if (new URL(url).pathname.startsWith('/api/v1/public/')) {
    const found = personalDataInPublicAnswer(text);
    assert.deepEqual(found, [], `${method} ${url} -> ${response.status}, a public answer, shows personal data: ${text.slice(0, 500)}`);
  }
  const body = checkResponse(method, url, { status: response.status, headers: response.headers, body: text }, {
    undocumented,
  });
  return { status: response.status, headers: response.headers, text, body, bytes };
}
