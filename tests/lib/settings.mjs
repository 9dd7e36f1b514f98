// Reads the services' settings descriptions (libs/runtime/settings.txt and
// services/<service>/settings.txt; the format is explained at the top of the first) for the e2e
// harness and the contract checks.
import fs from 'node:fs';
import path from 'node:path';

export const kRuntimeSettingsFile = path.join('libs', 'runtime', 'settings.txt');
export const serviceSettingsFile = (service) => path.join('services', service, 'settings.txt');

const kNeeds = new Set(['required', 'optional', 'not-read']);
const kSecrets = new Set(['no', 'value', 'file']);
const kPlainKinds = new Set(['port', 'flag', 'text', 'url', 'amqp-url', 'dsn', 'file', 'dir', 'personal-codes']);
const kFlagWords = new Set(['enabled', 'disabled', 'true', 'false', '1', '0']);
const kLine = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S.*)$/;

/** The kind column as {type, min, max, choices}, or undefined if it is not one the format knows. */
export function parseKind(kind) {
  if (kPlainKinds.has(kind)) return { type: kind };
  const range = /^int:(-?[0-9]+)\.\.(-?[0-9]+)$/.exec(kind);
  if (range && Number(range[1]) <= Number(range[2])) return { type: 'int', min: Number(range[1]), max: Number(range[2]) };
  const choice = /^choice:([a-z0-9-]+(?:\|[a-z0-9-]+)+)$/.exec(kind);
  if (choice) return { type: 'choice', choices: choice[1].split('|') };
  return undefined;
}

/** Why `value` is not a valid value of the setting, or undefined when it is. */
export function valueProblem(setting, value) {
  const kind = parseKind(setting.kind);
  const text = String(value);
  switch (kind?.type) {
    case 'port':
      return /^[0-9]+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535 ? undefined : 'not a port number';
    case 'int':
      return /^-?[0-9]+$/.test(text) && Number(text) >= kind.min && Number(text) <= kind.max
        ? undefined
        : `not a whole number from ${kind.min} to ${kind.max}`;
    case 'flag':
      return kFlagWords.has(text) ? undefined : 'not enabled or disabled';
    case 'choice':
      return kind.choices.includes(text) ? undefined : `not one of ${kind.choices.join(', ')}`;
    case 'url':
      return /^https?:\/\/[^\s/]+/.test(text) ? undefined : 'not an http(s) URL';
    case 'amqp-url':
      return /^amqps?:\/\/[^\s/]+/.test(text) ? undefined : 'not an amqp:// URL';
    case 'personal-codes':
      return text === '' || text.split(',').every((code) => /^[0-9]{11}$/.test(code)) ? undefined : 'not a list of personal codes';
    case 'file':
    case 'dir':
      return text.startsWith('/') ? undefined : 'not an absolute path';
    case 'text':
    case 'dsn':
      return text === '' ? 'empty' : undefined;
    default:
      return `kind ${setting.kind} is unknown`;
  }
}

/**
 * Parses one description file. `shared` is true for libs/runtime/settings.txt, where not-read makes
 * no sense. Returns {entries, problems}; each problem names the file and line.
 */
export function parseSettingsText(text, file, { shared = false } = {}) {
  const entries = [];
  const problems = [];
  const seen = new Set();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${index + 1}`;
    const m = kLine.exec(line);
    if (!m) {
      problems.push(`${where}: not a setting line (name need default kind secret description)`);
      return;
    }
    const [, name, need, fallback, kind, secret, description] = m;
    const entry = { name, need, default: fallback === '-' ? undefined : fallback, kind, secret, description, where };
    const bad = (why) => problems.push(`${where}: ${name}: ${why}`);
    if (!/^KUTSE_[A-Z0-9_]+$/.test(name)) bad('a setting name is KUTSE_ and upper-case letters, digits and _');
    if (seen.has(name)) bad('described twice');
    seen.add(name);
    if (!kNeeds.has(need)) bad(`need is '${need}' (required, optional or not-read)`);
    if (need === 'not-read') {
      if (shared) bad('not-read belongs in a service file, not in the shared one');
      if (fallback !== '-' || kind !== '-' || secret !== '-') bad('a not-read line has - for default, kind and secret');
      entries.push(entry);
      return;
    }
    if (!parseKind(kind)) bad(`kind '${kind}' is unknown`);
    if (!kSecrets.has(secret)) bad(`secret is '${secret}' (no, value or file)`);
    if (secret === 'file' && kind !== 'file') bad('secret file needs kind file');
    if (need === 'required' && entry.default !== undefined) bad('a required setting has no default (-)');
    if (entry.default !== undefined && parseKind(kind)) {
      const why = valueProblem(entry, entry.default);
      if (why) bad(`default ${entry.default}: ${why}`);
    }
    entries.push(entry);
  });
  return { entries, problems };
}

/**
 * Every setting `service` reads: the shared ones (without those its file marks not-read), then its
 * own. Returns {settings, problems}.
 */
export function describeService(repo, service) {
  const problems = [];
  const read = (relative, options) => {
    const file = path.join(repo, relative);
    if (!fs.existsSync(file)) {
      problems.push(`${relative}: missing (every service describes its settings there)`);
      return [];
    }
    const parsed = parseSettingsText(fs.readFileSync(file, 'utf8'), relative, options);
    problems.push(...parsed.problems);
    return parsed.entries;
  };
  const shared = read(kRuntimeSettingsFile, { shared: true });
  const own = read(serviceSettingsFile(service));
  const sharedNames = new Set(shared.map((s) => s.name));
  const skipped = new Set();
  for (const entry of own) {
    if (entry.need === 'not-read') {
      if (!sharedNames.has(entry.name)) problems.push(`${entry.where}: ${entry.name}: not-read names no setting of ${kRuntimeSettingsFile}`);
      skipped.add(entry.name);
    } else if (sharedNames.has(entry.name)) {
      problems.push(`${entry.where}: ${entry.name}: already described in ${kRuntimeSettingsFile}`);
    }
  }
  const settings = [
    ...shared.filter((s) => !skipped.has(s.name)),
    ...own.filter((s) => s.need !== 'not-read' && !sharedNames.has(s.name)),
  ];
  return { settings, problems };
}

/** describeService, throwing on a malformed description. */
export function serviceSettings(repo, service) {
  const { settings, problems } = describeService(repo, service);
  if (problems.length > 0) throw new Error(`the settings description of ${service} is malformed:\n  ${problems.join('\n  ')}`);
  return settings;
}

/**
 * The environment a harness starts `service` with: each setting it reads, with the value `values`
 * has for that name (what the harness computes), else nothing (the service's default). `overrides`
 * (a test's own) win, and may only name settings the service reads. Throws, naming the settings, when
 * a required one has no value: the service would refuse to start anyway, less clearly.
 */
export function serviceEnvironment(service, settings, values, { overrides = {}, harness = 'the harness' } = {}) {
  const known = new Set(settings.map((s) => s.name));
  const unknown = Object.keys(overrides).filter((name) => name.startsWith('KUTSE_') && !known.has(name));
  if (unknown.length > 0) throw new Error(`${unknown.join(', ')}: not a setting ${service} reads (see ${serviceSettingsFile(service)})`);
  const given = { ...values, ...overrides };
  const env = {};
  const missing = [];
  for (const setting of settings) {
    const value = given[setting.name];
    if (value !== undefined && value !== null) env[setting.name] = String(value);
    else if (setting.need === 'required') missing.push(setting.name);
  }
  if (missing.length > 0) {
    throw new Error(
      `cannot start ${service}: ${harness} has no value for its required setting${missing.length > 1 ? 's' : ''} ` +
        `${missing.join(', ')} (declared in ${kRuntimeSettingsFile} or ${serviceSettingsFile(service)})`,
    );
  }
  return env;
}
