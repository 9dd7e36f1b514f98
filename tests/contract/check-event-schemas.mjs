#!/usr/bin/env node
// Checks the event-bus contract in proto-docs/ (ctest: contract.event_schemas):
//  1. proto-docs/asyncapi.yaml parses, and every $ref in it resolves (local pointers and files);
//  2. every proto-docs/events/*.schema.json is a valid JSON Schema 2020-12 (ajv, strict mode) with a
//     unique $id, is referenced from the AsyncAPI document, and each message names a data schema
//     file <type>.schema.json;
//  3. every example in proto-docs/events/examples/ is valid against the envelope, against the data
//     schema its `dataschema` names, and against its AsyncAPI message payload; every example is
//     listed in the AsyncAPI document;
//  4. every fixture in tests/contract/fixtures/invalid/ is rejected, for the reason recorded in
//     fixtures/invalid/expected-errors.json or in another expected-errors.<topic>.json beside it (one
//     file per group of fixtures; a fixture is named in exactly one of them).
// Exits 1 on any failure. Runnable from any working directory: node tests/contract/check-event-schemas.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const protoDocs = path.join(repoRoot, 'proto-docs');
const asyncApiPath = path.join(protoDocs, 'asyncapi.yaml');
const eventsDir = path.join(protoDocs, 'events');
const examplesDir = path.join(eventsDir, 'examples');
const invalidDir = path.join(here, 'fixtures', 'invalid');
const envelopeFile = path.join(eventsDir, 'cloudevent-envelope.schema.json');
const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const EVENT_TYPE = /^[a-z_]+\.[a-z_]+\.v[0-9]+$/;

const failures = [];
const fail = (msg) => failures.push(msg);
const rel = (p) => path.relative(repoRoot, p);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${rel(file)}: not valid JSON (${e.message})`);
    return undefined;
  }
}

// RFC 6901 pointer into a parsed document; returns undefined when it does not resolve.
function resolvePointer(doc, fragment) {
  if (fragment === '' || fragment === '/') return doc;
  let node = doc;
  for (const raw of fragment.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function* walkRefs(node, at = '#') {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* walkRefs(node[i], `${at}/${i}`);
  } else if (node && typeof node === 'object') {
    if (typeof node.$ref === 'string') yield { ref: node.$ref, at };
    for (const [k, v] of Object.entries(node)) {
      if (k !== '$ref') yield* walkRefs(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  }
}

// Personal code check digit (domain rule), used to keep the examples realistic.
function personalCodeOk(code) {
  if (!/^[1-6][0-9]{10}$/.test(code)) return false;
  const d = [...code].map(Number);
  const sum = (w) => w.reduce((acc, wi, i) => acc + wi * d[i], 0) % 11;
  let c = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
  if (c === 10) c = sum([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]);
  if (c === 10) c = 0;
  return c === d[10];
}

// ---------------------------------------------------------------------------------------------
// 1. AsyncAPI document and its references
let asyncApi;
try {
  asyncApi = YAML.parse(readFileSync(asyncApiPath, 'utf8'), { prettyErrors: true });
} catch (e) {
  console.error(`FAIL ${rel(asyncApiPath)}: cannot parse (${e.message})`);
  process.exit(1);
}
if (!/^3\./.test(String(asyncApi?.asyncapi))) fail(`${rel(asyncApiPath)}: not an AsyncAPI 3.x document`);

const referencedFiles = new Set();
for (const { ref, at } of walkRefs(asyncApi)) {
  const [filePart, fragment = ''] = ref.split('#');
  if (filePart === '') {
    if (resolvePointer(asyncApi, fragment) === undefined) fail(`asyncapi.yaml ${at}: $ref ${ref} does not resolve`);
    continue;
  }
  const target = path.resolve(protoDocs, filePart);
  if (!existsSync(target)) {
    fail(`asyncapi.yaml ${at}: $ref ${ref}: file ${rel(target)} does not exist`);
    continue;
  }
  referencedFiles.add(target);
  const doc = readJson(target);
  if (doc !== undefined && fragment && resolvePointer(doc, fragment) === undefined) {
    fail(`asyncapi.yaml ${at}: $ref ${ref}: fragment does not resolve`);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. JSON Schemas
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);

const schemaFiles = readdirSync(eventsDir).filter((f) => f.endsWith('.schema.json')).map((f) => path.join(eventsDir, f));
const schemaById = new Map(); // $id -> { file, validate }
const idByFile = new Map();
for (const file of schemaFiles) {
  const schema = readJson(file);
  if (!schema) continue;
  if (schema.$schema !== DRAFT_2020_12) fail(`${rel(file)}: $schema must be ${DRAFT_2020_12}`);
  if (typeof schema.$id !== 'string' || !schema.$id) {
    fail(`${rel(file)}: missing $id`);
    continue;
  }
  if (schemaById.has(schema.$id)) fail(`${rel(file)}: $id ${schema.$id} already used by ${rel(schemaById.get(schema.$id).file)}`);
  try {
    const validate = ajv.compile(schema);
    schemaById.set(schema.$id, { file, validate });
    idByFile.set(file, schema.$id);
  } catch (e) {
    fail(`${rel(file)}: not a valid JSON Schema 2020-12 (${e.message})`);
  }
  if (!referencedFiles.has(file)) fail(`${rel(file)}: not referenced from proto-docs/asyncapi.yaml`);
}
for (const file of referencedFiles) {
  if (file.startsWith(eventsDir + path.sep) && path.dirname(file) === eventsDir && !file.endsWith('.schema.json')) {
    fail(`asyncapi.yaml references ${rel(file)}, which is not named *.schema.json`);
  }
}
const envelope = schemaById.get(idByFile.get(envelopeFile));
if (!envelope) fail(`${rel(envelopeFile)}: missing or invalid`);

// Message payloads: rewrite file $refs to the files' $id so ajv can resolve them, then compile.
const messages = new Map(); // event type -> validate(payload)
function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) {
      const [filePart, fragment] = v.split('#');
      const id = idByFile.get(path.resolve(protoDocs, filePart));
      out[k] = id ? (fragment ? `${id}#${fragment}` : id) : v;
    } else {
      out[k] = rewriteRefs(v);
    }
  }
  return out;
}
for (const [key, message] of Object.entries(asyncApi?.components?.messages ?? {})) {
  const type = message?.name;
  if (!EVENT_TYPE.test(type ?? '')) {
    fail(`asyncapi.yaml components.messages.${key}: name ${type} is not an event type`);
    continue;
  }
  const dataFile = path.join(eventsDir, `${type}.schema.json`);
  if (!existsSync(dataFile)) fail(`asyncapi.yaml message ${type}: no data schema ${rel(dataFile)}`);
  const payloadRefs = [...walkRefs(message.payload)].map((r) => path.resolve(protoDocs, r.ref.split('#')[0]));
  if (!payloadRefs.includes(envelopeFile)) fail(`asyncapi.yaml message ${type}: payload does not use the envelope schema`);
  if (!payloadRefs.includes(dataFile)) fail(`asyncapi.yaml message ${type}: payload does not use ${rel(dataFile)}`);
  try {
    messages.set(type, ajv.compile(rewriteRefs(message.payload)));
  } catch (e) {
    fail(`asyncapi.yaml message ${type}: payload schema does not compile (${e.message})`);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. and 4. Events
const fmt = (errors, prefix = '') =>
  (errors ?? []).map((e) => ({
    instancePath: prefix + e.instancePath,
    keyword: e.keyword,
    missingProperty: e.params?.missingProperty,
    message: e.message,
  }));

// Returns every problem found in one event, in order: envelope, dataschema, data, message payload.
function checkEvent(event) {
  const problems = [];
  if (!envelope) return [{ stage: 'envelope', keyword: 'missing-schema' }];
  if (!envelope.validate(event)) problems.push(...fmt(envelope.validate.errors).map((e) => ({ stage: 'envelope', ...e })));
  const data = schemaById.get(event?.dataschema);
  if (!data || data.file === envelopeFile) {
    problems.push({ stage: 'dataschema', instancePath: '/dataschema', keyword: 'unknown', message: `no data schema with $id ${event?.dataschema}` });
  } else {
    if (path.basename(data.file) !== `${event.type}.schema.json`) {
      problems.push({ stage: 'dataschema', instancePath: '/dataschema', keyword: 'type-mismatch', message: `dataschema ${event.dataschema} is not the schema of type ${event.type}` });
    }
    if (!data.validate(event.data)) problems.push(...fmt(data.validate.errors, '/data').map((e) => ({ stage: 'data', ...e })));
  }
  const message = messages.get(event?.type);
  if (!message) {
    problems.push({ stage: 'message', instancePath: '/type', keyword: 'unknown', message: `no AsyncAPI message named ${event?.type}` });
  } else if (!message(event)) {
    problems.push(...fmt(message.errors).map((e) => ({ stage: 'message', ...e })));
  }
  return problems;
}
const show = (p) => `${p.stage}: ${p.instancePath || '/'} ${p.keyword}${p.missingProperty ? ` (${p.missingProperty})` : ''} ${p.message ?? ''}`.trim();

const exampleFiles = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort() : [];
if (exampleFiles.length === 0) fail(`${rel(examplesDir)}: no examples`);
const listedExamples = new Set(
  [...walkRefs(asyncApi?.components?.messages ?? {})].map((r) => path.resolve(protoDocs, r.ref.split('#')[0])),
);
const typesWithExamples = new Set();
for (const f of exampleFiles) {
  const file = path.join(examplesDir, f);
  const event = readJson(file);
  if (event === undefined) continue;
  const problems = checkEvent(event);
  for (const [k, v] of Object.entries(event.data ?? {})) {
    if (k.endsWith('personal_code') && typeof v === 'string' && !personalCodeOk(v)) {
      problems.push({ stage: 'data', instancePath: `/data/${k}`, keyword: 'check-digit', message: 'not a valid personal code' });
    }
  }
  if (!listedExamples.has(file)) fail(`${rel(file)}: not listed in the AsyncAPI message's examples`);
  if (problems.length) {
    fail(`${rel(file)}: example is invalid:\n      ${problems.map(show).join('\n      ')}`);
  } else {
    typesWithExamples.add(event.type);
    console.log(`ok   valid example   ${rel(file)}`);
  }
}
for (const type of messages.keys()) {
  if (!typesWithExamples.has(type)) fail(`message ${type}: no valid example in ${rel(examplesDir)}`);
}

const EXPECTED_ERRORS = /^expected-errors(\.[a-z0-9-]+)?\.json$/;
const invalidEntries = existsSync(invalidDir) ? readdirSync(invalidDir).filter((f) => f.endsWith('.json')).sort() : [];
const invalidFiles = invalidEntries.filter((f) => !EXPECTED_ERRORS.test(f));
if (invalidFiles.length === 0) fail(`${rel(invalidDir)}: no invalid fixtures`);
const expected = {}; // fixture -> expected error
const expectedIn = new Map(); // fixture -> the expected-errors file naming it
for (const ef of invalidEntries.filter((f) => EXPECTED_ERRORS.test(f))) {
  const expectedFile = path.join(invalidDir, ef);
  for (const [f, want] of Object.entries(readJson(expectedFile) ?? {})) {
    if (f.startsWith('$')) continue;
    if (expectedIn.has(f)) {
      fail(`${rel(expectedFile)}: names ${f}, already named in ${expectedIn.get(f)}`);
      continue;
    }
    expectedIn.set(f, ef);
    expected[f] = want;
    if (!invalidFiles.includes(f)) fail(`${rel(expectedFile)}: names ${f}, which does not exist`);
  }
}
for (const f of invalidFiles) {
  const file = path.join(invalidDir, f);
  const event = readJson(file);
  if (event === undefined) continue;
  const want = expected[f];
  if (!want) {
    fail(`${rel(file)}: no entry in ${rel(invalidDir)}/expected-errors*.json`);
    continue;
  }
  const problems = checkEvent(event);
  if (problems.length === 0) {
    fail(`${rel(file)}: invalid fixture PASSED validation (expected ${want.stage}: ${want.instancePath} ${want.keyword})`);
    continue;
  }
  const hit = problems.some(
    (p) =>
      p.stage === want.stage &&
      (p.instancePath ?? '') === want.instancePath &&
      p.keyword === want.keyword &&
      (want.missingProperty === undefined || p.missingProperty === want.missingProperty),
  );
  if (!hit) {
    fail(`${rel(file)}: rejected, but not for the expected reason (${want.stage}: ${want.instancePath} ${want.keyword}); got:\n      ${problems.map(show).join('\n      ')}`);
  } else {
    console.log(`ok   rejected        ${rel(file)}  [${show(problems.find((p) => p.stage === want.stage && p.keyword === want.keyword && (p.instancePath ?? '') === want.instancePath))}]`);
  }
}

// ---------------------------------------------------------------------------------------------
if (failures.length) {
  for (const m of failures) console.error(`FAIL ${m}`);
  console.error(`check-event-schemas: FAILED (${failures.length} problem${failures.length === 1 ? '' : 's'})`);
  process.exit(1);
}
console.log(
  `check-event-schemas: OK (${schemaFiles.length} schemas, ${messages.size} message${messages.size === 1 ? '' : 's'}, ` +
    `${exampleFiles.length} examples, ${invalidFiles.length} invalid fixtures rejected)`,
);
