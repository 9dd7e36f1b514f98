// Schema checks of rendered Kubernetes objects (used by check-k8s.mjs).
//  - Built-in kinds: the validators of the pinned npm package kubernetes-models (its models are
//    generated from one Kubernetes release's OpenAPI schemas), run through the model's validate().
//    Those validators check types, enums, formats and required fields but let unknown fields
//    through, and the API server refuses unknown fields (kubectl's default --validate=strict), so
//    every object the validator is given is watched: a field it never looks at is not in the schema.
//  - Custom resources: the openAPIV3Schema of the CRDs pinned in fixtures/crds (see the README
//    there), turned into JSON Schema for ajv; metadata is checked as ObjectMeta.
// An object of a kind neither knows fails: nothing is applied unchecked.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const crdDir = path.join(here, 'fixtures', 'crds');

const modelsPackage = require('kubernetes-models/package.json');
// The Kubernetes release kubernetes-models 4.5.1 is generated from (its README says so). A new
// package version means a new release: read it there and change both together.
const KUBERNETES_RELEASE = { '4.5.1': '1.27.1' }[modelsPackage.version];
export const kubernetesSchemas = `kubernetes-models ${modelsPackage.version} (Kubernetes ${KUBERNETES_RELEASE ?? 'unknown release'})`;

// ------------------------------------------------------------------------------------------------
// Unknown-field detection: a proxy per object and array records which fields a validator reads and
// whether it enumerates an object's keys (as it does for a map, e.g. labels or resources.limits).
function watched() {
  const reads = new WeakMap();
  const enumerated = new WeakSet();
  const proxies = new WeakMap();
  const wrap = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (proxies.has(value)) return proxies.get(value);
    reads.set(value, new Set());
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'string') reads.get(target).add(key);
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        if (typeof key === 'string') reads.get(target).add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        enumerated.add(target);
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };
  const unread = (value, at = '') => {
    if (value === null || typeof value !== 'object') return [];
    if (Array.isArray(value)) return value.flatMap((item, i) => unread(item, `${at}/${i}`));
    const seen = reads.get(value);
    // Not looked into: the parent had the wrong type (already an error), or the schema there is
    // free-form (e.g. managedFields), which has no fields to miss.
    if (!seen?.size && !enumerated.has(value)) return [];
    return Object.keys(value).flatMap((key) =>
      enumerated.has(value) || seen.has(key) ? unread(value[key], `${at}/${key}`) : [`${at}/${key}`]);
  };
  return { wrap, unread };
}

const pointer = (at) => at || '/';
const describeError = (e, prefix = '') => {
  const at = `${prefix}${e.instancePath}`;
  if (e.keyword === 'additionalProperties') return `${at}/${e.params.additionalProperty}: unknown field`;
  if (e.keyword === 'required') return `${pointer(at)}: required field ${e.params.missingProperty} is missing`;
  if (e.keyword === 'enum') return `${pointer(at)}: ${e.message} (${e.params.allowedValues.join(', ')})`;
  return `${pointer(at)}: ${e.message}`;
};

// Runs a kubernetes-models validate function on `data`; returns its problems, unknown fields included.
function modelProblems(model, data, prefix = '') {
  const { wrap, unread } = watched();
  const problems = [];
  try {
    model.prototype.validate.call(wrap(data));
  } catch (e) {
    if (!Array.isArray(e.errors)) throw e;
    problems.push(...e.errors.map((err) => describeError(err, prefix)));
  }
  problems.push(...unread(data).map((at) => `${prefix}${at}: unknown field`));
  return problems;
}

const builtIn = new Map(); // "apiVersion|kind" -> model class, or null when kubernetes-models has none
function builtInModel(apiVersion, kind) {
  const key = `${apiVersion}|${kind}`;
  if (!builtIn.has(key)) {
    let model = null;
    if (/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) && /^[A-Z][A-Za-z0-9]*$/.test(kind)) {
      try {
        // require, not import: the CommonJS build loads several times faster.
        model = require(`kubernetes-models/${apiVersion}/${kind}`)[kind] ?? null;
      } catch (e) {
        if (!['MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED'].includes(e.code)) throw e;
      }
    }
    // A module of that name may be a part (e.g. DeploymentSpec), not a kind of that apiVersion.
    if (model && (model.apiVersion !== apiVersion || model.kind !== kind)) model = null;
    builtIn.set(key, model);
  }
  return builtIn.get(key);
}

// ------------------------------------------------------------------------------------------------
// CRD schemas: openAPIV3Schema (a structural schema) to JSON Schema.
const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] };
// strictRequired off: the pruned schemas below name required fields they no longer describe.
const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
addFormats(ajv, ['date-time']);
for (const [name, [min, max]] of Object.entries(INT_RANGE)) {
  ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) && n >= min && n <= max });
}
// x-kubernetes-list-type: map — no two items share the values of the list-map-keys.
ajv.addKeyword({
  keyword: 'kutseListMapKeys',
  type: 'array',
  schemaType: 'array',
  error: { message: ({ schema }) => `items must be unique by ${schema.join(', ')}` },
  validate: (keys, items) => {
    const seen = [];
    for (const item of items) {
      const tuple = keys.map((k) => item?.[k]);
      if (seen.some((t) => isDeepStrictEqual(t, tuple))) return false;
      seen.push(tuple);
    }
    return true;
  },
});

const KEPT = new Set(['type', 'required', 'enum', 'format', 'pattern', 'minimum', 'maximum', 'minLength',
  'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf']);
// Documentation, defaults applied by the API server, and merge hints for server-side apply.
const DROPPED = new Set(['description', 'default', 'example', 'x-kubernetes-map-type', 'x-kubernetes-list-map-keys']);

class CrdSchemaError extends Error {}

// `counts.cel` gathers the x-kubernetes-validations (CEL) rules, which are not evaluated here.
function toJsonSchema(s, at, counts) {
  const out = {};
  const open = s['x-kubernetes-preserve-unknown-fields'] === true;
  // IntOrString and Quantity come as anyOf [integer, string] (the pattern applies to the string).
  const intOrString = s['x-kubernetes-int-or-string'] === true
    && isDeepStrictEqual(s.anyOf ?? [{ type: 'integer' }, { type: 'string' }], [{ type: 'integer' }, { type: 'string' }]);
  if (s['x-kubernetes-int-or-string'] === true && !intOrString) throw new CrdSchemaError(`${at}: int-or-string with an unexpected anyOf`);
  for (const [key, value] of Object.entries(s)) {
    if (KEPT.has(key)) out[key] = value;
    else if (DROPPED.has(key)) continue;
    else if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, `${at}.${k}`, counts)]));
    } else if (key === 'items') out.items = toJsonSchema(value, `${at}[]`, counts);
    else if (key === 'additionalProperties') {
      out.additionalProperties = typeof value === 'boolean' ? value : toJsonSchema(value, `${at}.*`, counts);
    } else if (key === 'anyOf' && intOrString) continue; // the type below says the same
    else if (['allOf', 'anyOf', 'oneOf'].includes(key)) out[key] = value.map((v) => toJsonSchema(v, at, counts));
    else if (key === 'not') out.not = toJsonSchema(value, at, counts);
    else if (key === 'nullable') continue; // below, with the type
    else if (key === 'x-kubernetes-int-or-string') {
      if (value === true) out.type = ['integer', 'string'];
    } else if (key === 'x-kubernetes-list-type') {
      if (value === 'set') out.uniqueItems = true;
      else if (value === 'map') out.kutseListMapKeys = s['x-kubernetes-list-map-keys'] ?? [];
      else if (value !== 'atomic') throw new CrdSchemaError(`${at}: x-kubernetes-list-type ${value} is not known`);
    } else if (key === 'x-kubernetes-validations') counts.cel += value.length;
    else if (key === 'x-kubernetes-preserve-unknown-fields' || key === 'x-kubernetes-embedded-resource') continue;
    else throw new CrdSchemaError(`${at}: schema keyword ${key} is not handled by tests/contract/k8s-schemas.mjs`);
  }
  if (s.nullable === true && out.type) out.type = [...[out.type].flat(), 'null'];
  // Structural schemas: an object's fields are those it lists, unless it keeps unknown fields.
  if (s.type === 'object' && !open && s.additionalProperties === undefined) out.additionalProperties = false;
  if (s['x-kubernetes-embedded-resource'] === true) {
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
  }
  return out;
}

// Parsing the two CRD files takes about a second; the parse is kept under node_modules/.cache by the
// files' hash, since the check runs many times in contract.checks_fail.
const cacheDir = path.join(here, '..', 'node_modules', '.cache', 'kutse-check-k8s');
function parseCrdFile(file) {
  const text = readFileSync(file, 'utf8');
  const cached = path.join(cacheDir, `${createHash('sha256').update(text).digest('hex')}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8'));
  } catch {
    // not cached yet (or unreadable): parse
  }
  const docs = YAML.parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new CrdSchemaError(`${path.basename(file)}: ${d.errors[0].message}`);
    return d.toJS();
  });
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(docs));
    renameSync(partial, cached);
  } catch {
    // a read-only tree only loses the speed-up
  }
  return docs;
}

let crds; // "group/version|Kind" -> { file, schema, cel }
function loadCrds() {
  if (crds) return crds;
  crds = new Map();
  for (const name of readdirSync(crdDir).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const crd of parseCrdFile(path.join(crdDir, name))) {
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions.filter((v) => v.served)) {
        const counts = { cel: 0 };
        const schema = toJsonSchema(version.schema.openAPIV3Schema, name, counts);
        schema.properties.metadata = { type: 'object' }; // checked as ObjectMeta
        crds.set(`${crd.spec.group}/${version.name}|${crd.spec.names.kind}`, { file: name, schema, cel: counts.cel });
      }
    }
  }
  return crds;
}

// The part of `schema` that `data` reaches: fields the data does not have are left out (a required
// one stays in `required`), so ajv compiles a few nodes instead of the whole CRD. First every
// schema node the data meets is marked with the fields it uses there, then the schema is copied
// with only those fields.
function markReached(schema, data, marks) {
  if (!marks.has(schema)) marks.set(schema, new Set());
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const s of schema[key] ?? []) markReached(s, data, marks);
  if (schema.not) markReached(schema.not, data, marks);
  if (data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    if (schema.items) for (const item of data) markReached(schema.items, item, marks);
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    if (schema.properties && Object.hasOwn(schema.properties, key)) {
      marks.get(schema).add(key);
      markReached(schema.properties[key], value, marks);
    } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      markReached(schema.additionalProperties, value, marks);
    }
  }
}
function pruned(schema, marks) {
  const out = { ...schema };
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (schema[key]) out[key] = schema[key].map((s) => pruned(s, marks));
  if (schema.not) out.not = pruned(schema.not, marks);
  if (schema.items) out.items = pruned(schema.items, marks);
  if (schema.properties) {
    out.properties = Object.fromEntries([...(marks.get(schema) ?? [])].map((k) => [k, pruned(schema.properties[k], marks)]));
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = pruned(schema.additionalProperties, marks);
  }
  return out;
}
function reachable(schema, data) {
  const marks = new Map();
  markReached(schema, data, marks);
  return pruned(schema, marks);
}

const { ObjectMeta } = require('@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta');

// The overlays' objects differ from the base's in values, not fields: one compile serves them all.
const compiled = new Map();
function crdProblems(entry, o) {
  const schema = reachable(entry.schema, o);
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
  const validate = compiled.get(key);
  const problems = validate(o) ? [] : validate.errors.map((e) => describeError(e));
  if (o.metadata && typeof o.metadata === 'object') problems.push(...modelProblems(ObjectMeta, o.metadata, '/metadata'));
  return problems;
}

/** Each object's schema problems: [{ object, using (which schema), problems }]. */
export function schemaProblems(objects) {
  const results = [];
  for (const o of objects) {
    const crd = loadCrds().get(`${o.apiVersion}|${o.kind}`);
    if (crd) {
      results.push({ object: o, using: `CRD ${crd.file}`, problems: crdProblems(crd, o) });
      continue;
    }
    const model = builtInModel(o.apiVersion, o.kind);
    if (model) results.push({ object: o, using: kubernetesSchemas, problems: modelProblems(model, o) });
    else results.push({ object: o, using: 'none', problems: [`no schema for ${o.apiVersion} ${o.kind}: neither ${kubernetesSchemas} nor a CRD in tests/contract/fixtures/crds defines it`] });
  }
  return results;
}

/** The CEL rules (x-kubernetes-validations) of the pinned CRDs, which are not evaluated. */
export function uncheckedCelRules() {
  return [...loadCrds().values()].reduce((n, e) => n + e.cel, 0);
}
