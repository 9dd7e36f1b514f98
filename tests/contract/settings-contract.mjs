// Holds what configures a service against its settings description (tests/lib/settings.mjs): the
// Kubernetes container (used by check-k8s.mjs), the service's README, its Dockerfile and the C++
// that reads the settings (used by check-settings.mjs). Each function returns a list of problems.
import path from 'node:path';
import { kRuntimeSettingsFile, serviceSettingsFile, valueProblem } from '../lib/settings.mjs';

// ------------------------------------------------------------------------------------------------
// Kubernetes

/**
 * What a rendered container gets against what its service reads: every required setting provided
 * (a credential from a Secret through secretKeyRef, a secret file on a mounted Secret volume,
 * anything else from a ConfigMap key or a literal), every value of the right kind, and no KUTSE_*
 * variable the service does not read.
 */
export function containerSettingProblems(settings, container, pod, configMaps) {
  const problems = [];
  const given = new Map(); // name -> {value?, secretRef?, from}
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) {
      problems.push(`envFrom Secret ${source.secretRef.name} hides which settings it sets; name each in env with secretKeyRef`);
    }
    if (!source.configMapRef) continue;
    const map = configMaps.get(source.configMapRef.name);
    if (!map) {
      problems.push(`envFrom names ConfigMap ${source.configMapRef.name}, which is not defined`);
      continue;
    }
    for (const [key, value] of Object.entries(map.data ?? {})) {
      given.set(`${source.prefix ?? ''}${key}`, { value: String(value), from: `ConfigMap ${map.metadata.name}` });
    }
  }
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.configMapKeyRef;
    if (ref) {
      const value = configMaps.get(ref.name)?.data?.[ref.key];
      if (value === undefined) problems.push(`${entry.name}: ConfigMap ${ref.name} has no key ${ref.key}`);
      else given.set(entry.name, { value: String(value), from: `ConfigMap ${ref.name} key ${ref.key}` });
    } else if (entry.valueFrom?.secretKeyRef) {
      given.set(entry.name, { secretRef: entry.valueFrom.secretKeyRef, from: `Secret ${entry.valueFrom.secretKeyRef.name}` });
    } else if (entry.valueFrom) {
      given.set(entry.name, { from: 'env valueFrom' });
    } else {
      given.set(entry.name, { value: String(entry.value ?? ''), from: 'env value' });
    }
  }

  const described = new Map(settings.map((s) => [s.name, s]));
  for (const [name, { from }] of given) {
    if (name.startsWith('KUTSE_') && !described.has(name)) problems.push(`${name} is set (${from}) but the service does not read it`);
  }
  const secretVolumes = new Set((pod.volumes ?? []).filter((v) => v.secret).map((v) => v.name));
  for (const setting of settings) {
    const got = given.get(setting.name);
    if (!got) {
      if (setting.need === 'required') {
        const how = setting.secret === 'value' ? 'env with valueFrom.secretKeyRef' : 'a ConfigMap key through envFrom, or env';
        problems.push(`required setting ${setting.name} is not provided (${how})`);
      }
      continue;
    }
    if (setting.secret === 'value' && !got.secretRef) {
      problems.push(`${setting.name} is a credential: it must come from a Secret (secretKeyRef), not ${got.from}`);
    }
    if (got.value === undefined) continue;
    const bad = valueProblem(setting, got.value);
    if (bad) problems.push(`${setting.name}=${got.value} (${got.from}): ${bad}`);
    if (setting.secret === 'file') {
      const mount = (container.volumeMounts ?? []).find((m) => got.value.startsWith(m.mountPath.replace(/\/?$/, '/')));
      if (!mount || !secretVolumes.has(mount.name)) problems.push(`${setting.name}=${got.value} is not on a mounted Secret volume`);
    }
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------
// README: services/<service>/README.md holds a generated Settings section between these markers.

const kBegin = '<!-- settings: generated from';
const kEnd = '<!-- end of settings -->';
const cell = (text) => String(text).replace(/\|/g, '\\|');

function readmeRow(s) {
  const columns = [`\`${s.name}\``, s.need, s.default === undefined ? '—' : `\`${s.default}\``, `\`${s.kind}\``, s.secret, s.description];
  return `| ${columns.map(cell).join(' | ')} |`;
}

/** The Settings section of a service's README, as generated from its description. */
export function readmeSection(service, settings) {
  return [
    `${kBegin} ${kRuntimeSettingsFile} and ${serviceSettingsFile(service)} by`,
    '     node tests/contract/check-settings.mjs --write: change those files, not this section -->',
    '## Settings',
    '',
    'Environment variables only. The service reads them all at start; a missing required one, or a value',
    'of the wrong kind, stops it with one line naming the setting. *secret*: `value` comes from a',
    'Kubernetes Secret and is never logged; `file` names a file mounted from a Secret.',
    '',
    '| setting | need | default | kind | secret | what it is |',
    '|---|---|---|---|---|---|',
    ...settings.map(readmeRow),
    kEnd,
  ].join('\n');
}

/** text with its Settings section replaced by (or, if it has none, ending in) `section`. */
export function withReadmeSection(text, section) {
  const begin = text.indexOf(kBegin);
  const end = text.indexOf(kEnd);
  if (begin >= 0 && end > begin) return `${text.slice(0, begin)}${section}${text.slice(end + kEnd.length)}`;
  return `${text.replace(/\n*$/, '')}\n\n${section}\n`;
}

/** Every setting the service reads has its row, as described; no row names another. */
export function readmeProblems(service, settings, text) {
  const begin = text.indexOf(kBegin);
  const end = text.indexOf(kEnd);
  if (begin < 0 || end < begin) return ['has no generated Settings section (run node tests/contract/check-settings.mjs --write)'];
  const rows = new Map();
  for (const line of text.slice(begin, end).split('\n')) {
    const m = /^\|\s*`(KUTSE_[A-Z0-9_]+)`\s*\|/.exec(line.trim());
    if (m) rows.set(m[1], line.trim());
  }
  const problems = [];
  const described = new Set(settings.map((s) => s.name));
  for (const s of settings) {
    if (!rows.has(s.name)) problems.push(`misses the setting ${s.name}`);
    else if (rows.get(s.name) !== readmeRow(s)) problems.push(`the row of ${s.name} differs from ${s.where}`);
  }
  for (const name of rows.keys()) {
    if (!described.has(name)) problems.push(`lists ${name}, which ${service} does not read`);
  }
  if (problems.length > 0) problems.push('(node tests/contract/check-settings.mjs --write regenerates the section)');
  return problems;
}

// ------------------------------------------------------------------------------------------------
// Dockerfiles

/** The variables a Dockerfile's ENV instructions set: [{name, value, line}]. */
export function dockerfileEnv(text) {
  const instructions = [];
  let pending = '';
  let first = 0;
  text.split('\n').forEach((raw, index) => {
    if (pending === '') {
      if (/^\s*#/.test(raw)) return;
      first = index + 1;
    }
    if (raw.endsWith('\\')) {
      pending += `${raw.slice(0, -1)} `;
    } else {
      instructions.push({ text: pending + raw, line: first });
      pending = '';
    }
  });
  const env = [];
  for (const { text: instruction, line } of instructions) {
    const m = /^\s*ENV\s+(.*)$/i.exec(instruction);
    if (!m) continue;
    const body = m[1].trim();
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(body)) {
      for (const pair of body.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s\\]|\\.)*)/g)) {
        env.push({ name: pair[1], value: pair[2].replace(/^(["'])(.*)\1$/, '$2'), line });
      }
    } else {
      const [name, ...rest] = body.split(/\s+/); // the old form: ENV NAME value with spaces
      env.push({ name, value: rest.join(' '), line });
    }
  }
  return env;
}

/**
 * The lines of one stage of a multi-stage Dockerfile (`FROM ... AS <stage>` up to the next FROM), the
 * others blanked so line numbers stay those of the file; undefined when there is no such stage.
 */
export function dockerfileStage(text, stage) {
  let inside = false;
  let found = false;
  const lines = text.split('\n').map((raw) => {
    const from = /^\s*FROM\s+\S+(?:\s+AS\s+(\S+))?\s*$/i.exec(raw);
    if (from) {
      inside = from[1]?.toLowerCase() === stage;
      found ||= inside;
    }
    return inside ? raw : '';
  });
  return found ? lines.join('\n') : undefined;
}

/** A service's stage of the Dockerfile sets only settings the service reads, each of its kind. */
export function dockerfileProblems(service, settings, text) {
  const stage = dockerfileStage(text, service);
  if (stage === undefined) return [`has no stage "FROM runtime AS ${service}"`];
  const described = new Map(settings.map((s) => [s.name, s]));
  const problems = [];
  for (const { name, value, line } of dockerfileEnv(stage)) {
    if (!name.startsWith('KUTSE_')) continue;
    const setting = described.get(name);
    if (!setting) {
      problems.push(`line ${line}: sets ${name}, which ${service} does not read`);
      continue;
    }
    const bad = valueProblem(setting, value);
    if (bad) problems.push(`line ${line}: ${name}=${value}: ${bad}`);
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------
// C++: a setting is read in the settings structs only, so the unit tests that hold those against the
// descriptions see every read.

const kRead = /\.(?:Required|Optional|Maybe|Port|Integer|Flag|FileContents)\(\s*"(KUTSE_[A-Z0-9_]+)"/g;

/**
 * files: [{relative, text}] of C++ under libs/ and services/. `describedFor(relative)` gives the set
 * of names described for the code in that file (a service's, or the shared ones).
 */
export function sourceProblems(files, describedFor) {
  const problems = [];
  for (const { relative, text } of files) {
    for (const m of text.matchAll(kRead)) {
      const line = text.slice(0, m.index).split('\n').length;
      const where = `${relative}:${line}`;
      if (!/_settings\.cpp$/.test(path.basename(relative))) {
        problems.push(`${where}: reads ${m[1]} outside a settings struct (a *_settings.cpp file)`);
      }
      const described = describedFor(relative);
      if (described && !described.has(m[1])) problems.push(`${where}: reads ${m[1]}, which no description it belongs to lists`);
    }
  }
  return problems;
}
