#!/usr/bin/env node
// Holds each service's documents and code against its settings description (libs/runtime/settings.txt
// plus services/<service>/settings.txt): the description itself is well-formed; the Settings section
// of services/<service>/README.md lists every setting as described and no other; deploy/docker/
// the service's stage of deploy/docker/Dockerfile sets no setting the service does not read; and the C++ reads settings only in
// the settings structs, only described ones. The Kubernetes manifests are held against the same
// descriptions by check-k8s.mjs. ctest: contract.settings.
//
// Usage: node tests/contract/check-settings.mjs [--root=<repository>] [--write]
//   --write  regenerates the READMEs' Settings sections (creating a README that is missing) first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeService, kRuntimeSettingsFile, parseSettingsText } from '../lib/settings.mjs';
import { dockerfileProblems, readmeProblems, readmeSection, sourceProblems, withReadmeSection } from './settings-contract.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m || !['root', 'write'].includes(m[1])) throw new Error(`unknown argument ${a}`);
    return [m[1], m[2] ?? true];
  }),
);
const root = path.resolve(typeof args.root === 'string' ? args.root : path.join(here, '..', '..'));

const failures = [];
const fail = (where, problems) => problems.forEach((p) => failures.push(`${where}: ${p}`));
const read = (relative) => fs.readFileSync(path.join(root, relative), 'utf8');

// A service is a folder under services/ with a main.cpp: one that has no description fails below.
const services = fs
  .readdirSync(path.join(root, 'services'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, 'services', e.name, 'src', 'main.cpp')))
  .map((e) => e.name)
  .sort();
if (services.length === 0) fail('services', ['no service found (services/<name>/src/main.cpp)']);

const describedNames = new Map(); // service -> Set of setting names
for (const service of services) {
  const { settings, problems } = describeService(root, service);
  fail(`${service} description`, problems);
  describedNames.set(service, new Set(settings.map((s) => s.name)));

  const readme = path.join('services', service, 'README.md');
  const readmeFile = path.join(root, readme);
  if (args.write && problems.length === 0) {
    const before = fs.existsSync(readmeFile) ? fs.readFileSync(readmeFile, 'utf8') : `# ${service}\n`;
    const after = withReadmeSection(before, readmeSection(service, settings));
    if (after !== before) {
      fs.writeFileSync(readmeFile, after);
      console.log(`wrote ${readme}`);
    }
  }
  if (!fs.existsSync(readmeFile)) fail(readme, ['missing (it documents the settings: run with --write)']);
  else fail(readme, readmeProblems(service, settings, read(readme)));

  const dockerfile = path.join('deploy', 'docker', 'Dockerfile');
  if (!fs.existsSync(path.join(root, dockerfile))) fail(dockerfile, ['missing']);
  else fail(dockerfile, dockerfileProblems(service, settings, read(dockerfile)));
  console.log(`checked ${service}: ${settings.length} settings`);
}

// The shared runtime's code may read the shared settings; a service's code its own and those.
const runtimeFile = path.join(root, kRuntimeSettingsFile);
const shared = new Set(
  fs.existsSync(runtimeFile)
    ? parseSettingsText(fs.readFileSync(runtimeFile, 'utf8'), kRuntimeSettingsFile, { shared: true }).entries.map((e) => e.name)
    : [],
);
function* cxxFiles(dir) {
  if (!fs.existsSync(path.join(root, dir))) return;
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, e.name);
    if (e.isDirectory()) yield* cxxFiles(relative);
    else if (/\.(cpp|hpp)$/.test(e.name)) yield { relative, text: read(relative) };
  }
}
const describedFor = (relative) => {
  const parts = relative.split(path.sep);
  if (parts[0] === 'services') return describedNames.get(parts[1]);
  if (parts[0] === 'libs' && parts[1] === 'runtime') return shared;
  return undefined;
};
fail('C++', sourceProblems([...cxxFiles('libs'), ...cxxFiles('services')], describedFor));

if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`check-settings: FAILED (${failures.length} problem${failures.length === 1 ? '' : 's'})`);
  process.exit(1);
}
console.log(`check-settings: OK (${services.length} services: descriptions, READMEs, Dockerfiles, C++ reads)`);
