// The contract checks can fail: each is run on a broken copy of what it checks, and must exit
// non-zero and name the problem; the unbroken copy passes, so the copying is not what fails.
// ctest: contract.checks_fail.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kutse-checks-fail-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120000, env: { ...process.env, ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function write(relative, text) {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('clang-format and shellcheck', () => {
  test('check-clang-format.sh fails on a badly formatted file and names it', () => {
    const file = write('bad_format.cpp', 'int  main( ){return 0 ;}\n');
    const { status, output } = run('bash', [path.join(here, 'check-clang-format.sh'), file]);
    assert.equal(status, 1, output);
    assert.match(output, /bad_format\.cpp:1:\d+: error: code should be clang-formatted/);
  });

  test('check-clang-format.sh passes a well formatted file', () => {
    const file = write('good_format.cpp', 'int main() { return 0; }\n');
    const { status, output } = run('bash', [path.join(here, 'check-clang-format.sh'), file]);
    assert.equal(status, 0, output);
  });

  test('check-shellcheck.sh fails on a script with an unquoted variable and names it', () => {
    const file = write('bad.sh', '#!/usr/bin/env bash\nrm -f $1\n');
    const { status, output } = run('bash', [path.join(here, 'check-shellcheck.sh'), file]);
    assert.equal(status, 1, output);
    assert.match(output, /bad\.sh line 2:/);
    assert.match(output, /SC2086/);
  });

  test('check-shellcheck.sh passes a clean script', () => {
    const file = write('good.sh', '#!/usr/bin/env bash\nrm -f -- "$1"\n');
    const { status, output } = run('bash', [path.join(here, 'check-shellcheck.sh'), file]);
    assert.equal(status, 0, output);
  });
});

// A copy of the repository's parts `relatives` under a fresh folder, with `edits`: {relative: (text) => text}.
function copyOf(name, relatives, edits = {}) {
  const root = path.join(scratch, name);
  for (const relative of relatives) fs.cpSync(path.join(repo, relative), path.join(root, relative), { recursive: true });
  for (const [relative, edit] of Object.entries(edits)) {
    const file = path.join(root, relative);
    const before = fs.readFileSync(file, 'utf8');
    const after = edit(before);
    assert.notEqual(after, before, `the edit of ${relative} changed nothing`);
    fs.writeFileSync(file, after);
  }
  return root;
}

// Whether check-k8s.sh renders with kubectl here (it does with a kubectl whose kustomize is v5 or newer).
const kustomizeMajor = Number(/"kustomizeVersion":\s*"v(\d+)\./.exec(run('kubectl', ['version', '--client', '-o', 'json']).output)?.[1] ?? 0);
const kubectlRenders = kustomizeMajor >= 5;
const noKubectl = !kubectlRenders && 'no kubectl with kustomize v5 or newer on this machine';

// Every FAIL line of `output` matches one of `expected`, and each of `expected` matches one: the
// check fails for these reasons and no other.
function failsExactly(output, expected) {
  const lines = output.split('\n').filter((line) => line.startsWith('FAIL '));
  for (const line of lines) assert.ok(expected.some((re) => re.test(line)), `unexpected: ${line}\n${output}`);
  for (const re of expected) assert.ok(lines.some((line) => re.test(line)), `missing: ${re}\n${output}`);
}

describe('the Kubernetes manifests: schemas, policy and settings descriptions (check-k8s.sh)', () => {
  const checkK8s = (root, env = {}) => run('bash', [path.join(here, 'check-k8s.sh'), `--root=${path.join(root, 'deploy', 'k8s')}`], env);
  const by = String.raw`\[(?:kubectl kustomize|built-in resolver)\]`;
  const line = (source) => new RegExp(source.replaceAll('{by}', by), 'm');
  const everywhere = ['base', 'overlays/production', 'overlays/staging'];
  const k8sSchema = String.raw`schema \(kubernetes-models 4\.5\.1 \(Kubernetes 1\.27\.1\)\)`;
  // An edit of an overlay's kustomization.yaml: `lines` go first under its patches.
  const withPatch = (overlay, lines) => ({
    [`deploy/k8s/overlays/${overlay}/kustomization.yaml`]: (t) => t.replace(/^patches:\n/m, `patches:\n${lines.join('\n')}\n`),
  });

  test('an unbroken copy passes, rendered by kubectl where it is, and says which renderer ran', () => {
    const { status, output } = checkK8s(copyOf('k8s-unbroken', ['deploy/k8s']));
    assert.equal(status, 0, output);
    assert.match(output, kubectlRenders ? /rendering with kubectl kustomize \(kubectl v1\.\d+.*, kustomize v5\./ : /rendering with the built-in resolver/);
    if (kubectlRenders) assert.match(output, /ok {3}deploy\/k8s\/overlays\/production: \d+ objects rendered by kubectl kustomize, 5 Deployments policy-checked; .*the built-in resolver renders the same/);
    assert.match(output, /check-k8s: OK \(3 kustomizations/);
  });

  test('a ConfigMap that misses a required setting fails, naming service and setting', () => {
    const root = copyOf('k8s-missing-key', ['deploy/k8s'], {
      'deploy/k8s/base/certificate.yaml': (t) => t.replace(/^ {2}KUTSE_MIGRATIONS_DIR: .*\n/m, ''),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    assert.match(output, line(String.raw`deploy/k8s/base {by} Deployment/kutse/certificate container certificate: required setting KUTSE_MIGRATIONS_DIR is not provided`));
  });

  test('an overlay that patches a required setting away fails in that overlay only', () => {
    const root = copyOf('k8s-overlay-removes', ['deploy/k8s'], withPatch('production', [
      '  - target:',
      '      kind: ConfigMap',
      '      name: gateway-config',
      '    patch: |-',
      '      - op: remove',
      '        path: /data/KUTSE_OPENAPI_FILE',
    ]));
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    failsExactly(output, [
      line(String.raw`^FAIL deploy/k8s/overlays/production {by} Deployment/kutse/gateway container gateway: required setting KUTSE_OPENAPI_FILE is not provided`),
    ]);
  });

  test('a KUTSE_ variable the service does not read fails', () => {
    const root = copyOf('k8s-unread', ['deploy/k8s'], {
      'deploy/k8s/base/workflow.yaml': (t) => t.replace(/^ {2}KUTSE_HTTP_PORT: "8080"\n/m, '$&  KUTSE_DB_SCHEMA: workflow\n'),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    assert.match(output, /container workflow: KUTSE_DB_SCHEMA is set \(ConfigMap workflow-config\) but the service does not read it/);
  });

  test('a credential not from a Secret, a secret file not on a Secret volume, a value of the wrong kind fail', () => {
    const root = copyOf('k8s-wrong-sources', ['deploy/k8s'], {
      'deploy/k8s/base/stamping.yaml': (t) =>
        t
          .replace(/^ {2}KUTSE_HTTP_PORT: "8080"\n/m, '$&  KUTSE_AMQP_URL: amqp://kutse-rabbitmq.kutse.svc:5672/kutse\n')
          .replace(/( {12}- name: KUTSE_AMQP_URL\n {14}valueFrom:\n {16}secretKeyRef:\n {18}name: kutse-stamping-amqp\n {18}key: url\n)/, '')
          .replace(/KUTSE_TOKEN_PUBLIC_KEY_FILE: \/var\/run\/secrets\/kutse\/token-public\/public.pem/, 'KUTSE_TOKEN_PUBLIC_KEY_FILE: /etc/kutse/public.pem')
          .replace(/KUTSE_DRAIN_TIMEOUT_MS: "20000"/, 'KUTSE_DRAIN_TIMEOUT_MS: "20 s"'),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    assert.match(output, /KUTSE_AMQP_URL is a credential: it must come from a Secret \(secretKeyRef\), not ConfigMap stamping-config/);
    assert.match(output, /KUTSE_TOKEN_PUBLIC_KEY_FILE=\/etc\/kutse\/public.pem is not on a mounted Secret volume/);
    assert.match(output, /KUTSE_DRAIN_TIMEOUT_MS=20 s \(ConfigMap stamping-config\): not a whole number from 0 to 600000/);
  });

  test('an Ingress host that is not the public URL, or without TLS, fails in that overlay only', () => {
    const root = copyOf('k8s-ingress', ['deploy/k8s'], {
      'deploy/k8s/overlays/staging/kustomization.yaml': (t) => t.replace('value: https://kutse-test.invalid', 'value: https://other.invalid'),
      'deploy/k8s/overlays/production/kustomization.yaml': (t) => t.replace(/ {6}- op: replace\n {8}path: \/spec\/tls\/0\/hosts\/0\n {8}value: kutse.invalid\n/, '      - op: remove\n        path: /spec/tls\n'),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    failsExactly(output, [
      line(String.raw`^FAIL deploy/k8s/overlays/staging {by} Ingress/kutse/gateway: host kutse-test\.invalid is not the host of KUTSE_PUBLIC_URL \(https://other\.invalid\)$`),
      line(String.raw`^FAIL deploy/k8s/overlays/production {by} Ingress/kutse/gateway: host kutse\.invalid has no TLS certificate Secret$`),
    ]);
  });

  test('a removed probe, memory limit or read-only root filesystem fails', () => {
    const root = copyOf('k8s-policy', ['deploy/k8s'], {
      'deploy/k8s/base/notification.yaml': (t) =>
        t
          .replace(/^ {10}livenessProbe:\n(?: {12}.*\n)+/m, '')
          .replace(/^ {12}readOnlyRootFilesystem: true\n/m, '')
          .replace(/^( {12}limits:\n {14}cpu: .*\n) {14}memory: .*\n/m, '$1'),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    const at = String.raw`^FAIL deploy/k8s/{where} {by} Deployment/kutse/notification container notification: `;
    failsExactly(output, [
      ...everywhere.map((where) => line(`${at.replace('{where}', where)}no livenessProbe$`)),
      ...everywhere.map((where) => line(`${at.replace('{where}', where)}readOnlyRootFilesystem is not true$`)),
      // The overlays set the resources anew, so only the base misses the limit.
      line(`${at.replace('{where}', 'base')}resources\\.limits\\.memory is not set$`),
    ]);
  });

  // A misspelt field and a value of the wrong type in a Deployment, against the Kubernetes schemas.
  const deploymentSchemaErrors = {
    'deploy/k8s/base/workflow.yaml': (t) =>
      t.replace(/^ {2}revisionHistoryLimit: 5$/m, '  revisionHistoryLimt: 5').replace(/^( {14})containerPort: 8080$/m, '$1containerPort: "8080"'),
  };
  const deploymentSchemaFailures = (renderer) => [
    ...everywhere.map((where) => line(String.raw`^FAIL deploy/k8s/${where} ${renderer} Deployment/kutse/workflow: ${k8sSchema}: /spec/revisionHistoryLimt: unknown field$`)),
    ...everywhere.map((where) => line(String.raw`^FAIL deploy/k8s/${where} ${renderer} Deployment/kutse/workflow: ${k8sSchema}: /spec/template/spec/containers/0/ports/0/containerPort: must be integer$`)),
  ];

  test('a misspelt field or a wrong type in a Deployment fails the Kubernetes schema', () => {
    const { status, output } = checkK8s(copyOf('k8s-schema', ['deploy/k8s'], deploymentSchemaErrors));
    assert.equal(status, 1, output);
    failsExactly(output, deploymentSchemaFailures(by));
  });

  test('without kubectl the built-in resolver renders, says so, and the schemas are checked the same', () => {
    const { status, output } = checkK8s(copyOf('k8s-schema-fallback', ['deploy/k8s'], deploymentSchemaErrors), { KUTSE_CHECK_K8S_KUBECTL: '0' });
    assert.equal(status, 1, output);
    assert.match(output, /kubectl not used \(KUTSE_CHECK_K8S_KUBECTL=0\); the built-in resolver renders/);
    assert.match(output, /rendering with the built-in resolver/);
    failsExactly(output, deploymentSchemaFailures(String.raw`\[built-in resolver\]`));
  });

  test('a wrong type, a misspelt field or a missing required field in a custom resource fails its CRD schema', () => {
    const root = copyOf('k8s-crd-schema', ['deploy/k8s'], {
      'deploy/k8s/base/postgres-cluster.yaml': (t) =>
        t.replace(/^ {2}enableSuperuserAccess: false$/m, '  enableSuperuserAccess: "false"')
          .replace(/^( {8}passwordSecret:)\n {10}name: kutse-stamping-db\n/m, '$1 {}\n'),
      'deploy/k8s/base/rabbitmq-cluster.yaml': (t) => t.replace(/^ {4}additionalConfig: \|$/m, '    additionalConfg: |'),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    const cnpg = String.raw`Cluster/kutse/kutse-postgres: schema \(CRD postgresql\.cnpg\.io_clusters\.yaml\)`;
    const rabbit = String.raw`RabbitmqCluster/kutse/kutse-rabbitmq: schema \(CRD rabbitmq\.com_rabbitmqclusters\.yaml\)`;
    failsExactly(output, [
      ...everywhere.map((where) => line(String.raw`^FAIL deploy/k8s/${where} {by} ${cnpg}: /spec/enableSuperuserAccess: must be boolean$`)),
      ...everywhere.map((where) => line(String.raw`^FAIL deploy/k8s/${where} {by} ${cnpg}: /spec/managed/roles/4/passwordSecret: required field name is missing$`)),
      ...everywhere.map((where) => line(String.raw`^FAIL deploy/k8s/${where} {by} ${rabbit}: /spec/rabbitmq/additionalConfg: unknown field$`)),
    ]);
  });

  test('a kind that no pinned schema knows fails', () => {
    const root = copyOf('k8s-unknown-kind', ['deploy/k8s'], {
      'deploy/k8s/base/namespace.yaml': (t) => `${t}---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: kutse\nspec: {}\n`,
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    assert.match(output, line(String.raw`^FAIL deploy/k8s/base {by} ServiceMonitor/kutse/kutse: schema \(none\): no schema for monitoring\.coreos\.com/v1 ServiceMonitor`));
  });

  test('a kustomization the built-in resolver cannot render passes with kubectl and says so', { skip: noKubectl }, () => {
    const root = copyOf('k8s-fallback-cannot', ['deploy/k8s'], {
      'deploy/k8s/overlays/staging/kustomization.yaml': (t) => `${t}commonAnnotations:\n  kutse.invalid/stage: staging\n`,
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 0, output);
    assert.match(output, /ok {3}deploy\/k8s\/overlays\/staging: .*the built-in resolver cannot render it \(deploy\/k8s\/overlays\/staging\/kustomization\.yaml: field 'commonAnnotations' is not implemented/);
  });

  test('a kustomization the built-in resolver renders differently from kubectl fails', { skip: noKubectl }, () => {
    // Strategic merge of container ports: kustomize merges them by containerPort, the built-in
    // resolver by name, so here kubectl adds a port where the built-in resolver replaces one.
    const root = copyOf('k8s-fallback-differs', ['deploy/k8s'], withPatch('staging', [
      '  - patch: |-',
      '      apiVersion: apps/v1',
      '      kind: Deployment',
      '      metadata:',
      '        name: gateway',
      '      spec:',
      '        template:',
      '          spec:',
      '            containers:',
      '              - name: gateway',
      '                ports:',
      '                  - name: http',
      '                    containerPort: 9090',
    ]));
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    failsExactly(output, [
      /^FAIL deploy\/k8s\/overlays\/staging: apps\/v1\|Deployment\/kutse\/gateway differs between kubectl and the built-in resolver$/,
    ]);
  });
});

describe('READMEs, Dockerfiles and C++ against the settings descriptions (check-settings.mjs)', () => {
  const parts = ['libs/runtime', 'services', 'deploy/docker'];
  const checkSettings = (root) => run('node', [path.join(here, 'check-settings.mjs'), `--root=${root}`]);

  test('an unbroken copy passes', () => {
    const { status, output } = checkSettings(copyOf('settings-unbroken', parts));
    assert.equal(status, 0, output);
  });

  test('a README that misses a setting fails, naming it', () => {
    const root = copyOf('readme-missing', parts, {
      'services/certificate/README.md': (t) => t.replace(/^\| `KUTSE_DRAIN_TIMEOUT_MS` .*\n/m, ''),
    });
    const { status, output } = checkSettings(root);
    assert.equal(status, 1, output);
    assert.match(output, /FAIL services\/certificate\/README\.md: misses the setting KUTSE_DRAIN_TIMEOUT_MS/);
  });

  test('a README whose row disagrees with the description, or that lists an unread setting, fails', () => {
    const root = copyOf('readme-wrong', parts, {
      'services/gateway/README.md': (t) =>
        t.replace('| `KUTSE_SESSION_IDLE_MINUTES` | optional | `30` |', '| `KUTSE_SESSION_IDLE_MINUTES` | optional | `60` |')
          .replace('<!-- end of settings -->', '| `KUTSE_DB_SCHEMA` | optional | — | `text` | no | Old. |\n<!-- end of settings -->'),
    });
    const { status, output } = checkSettings(root);
    assert.equal(status, 1, output);
    assert.match(output, /services\/gateway\/README\.md: the row of KUTSE_SESSION_IDLE_MINUTES differs from services\/gateway\/settings\.txt:\d+/);
    assert.match(output, /services\/gateway\/README\.md: lists KUTSE_DB_SCHEMA, which gateway does not read/);
  });

  test('a setting added to a description and not to the README fails until --write', () => {
    const root = copyOf('readme-stale', parts, {
      'services/workflow/settings.txt': (t) => `${t}KUTSE_ROUND_DAYS  optional  14  int:1..90  no  Days a round stays open.\n`,
    });
    const stale = checkSettings(root);
    assert.equal(stale.status, 1, stale.output);
    assert.match(stale.output, /services\/workflow\/README\.md: misses the setting KUTSE_ROUND_DAYS/);
    const written = run('node', [path.join(here, 'check-settings.mjs'), `--root=${root}`, '--write']);
    assert.equal(written.status, 0, written.output);
    assert.match(fs.readFileSync(path.join(root, 'services/workflow/README.md'), 'utf8'), /\| `KUTSE_ROUND_DAYS` \| optional \| `14` \|/);
  });

  test('a Dockerfile that sets a setting the service does not read, or a wrong value, fails', () => {
    const root = copyOf('dockerfile-unread', parts, {
      // Only the certificate stage changes; the same ENV lines in the other stages stay right.
      'deploy/docker/Dockerfile': (t) =>
        t.replace(
          /(FROM runtime AS certificate\n(?:.*\n)*?)ENV KUTSE_HTTP_PORT=8080 \\\n/,
          '$1ENV KUTSE_HTTP_PORT=80x \\\n    KUTSE_DB_SCHEMA=certificate \\\n',
        ),
    });
    const { status, output } = checkSettings(root);
    assert.equal(status, 1, output);
    assert.match(output, /deploy\/docker\/Dockerfile: line \d+: sets KUTSE_DB_SCHEMA, which certificate does not read/);
    assert.match(output, /deploy\/docker\/Dockerfile: line \d+: KUTSE_HTTP_PORT=80x: not a port number/);
    assert.doesNotMatch(output, /which (gateway|workflow|notification|stamping) does not read/);
  });

  test('C++ that reads a setting outside a settings struct, or an undescribed one, fails', () => {
    const root = copyOf('cxx-scattered', parts, {
      'services/workflow/src/workflow_service.cpp': (t) =>
        t.replace('  runtime.EnableOutboxRelay();', '  runtime.EnableOutboxRelay();\n  runtime.Environment().Integer("KUTSE_ROUND_DAYS", 14, 1, 90);'),
    });
    const { status, output } = checkSettings(root);
    assert.equal(status, 1, output);
    assert.match(output, /services\/workflow\/src\/workflow_service\.cpp:\d+: reads KUTSE_ROUND_DAYS outside a settings struct/);
    assert.match(output, /workflow_service\.cpp:\d+: reads KUTSE_ROUND_DAYS, which no description it belongs to lists/);
  });

  test('a malformed description fails, naming file and line', () => {
    const root = copyOf('description-malformed', parts, {
      'services/certificate/settings.txt': (t) => t.replace(/^KUTSE_EXPIRY_INTERVAL_MS +optional +60000/m, 'KUTSE_EXPIRY_INTERVAL_MS       required  60000'),
    });
    const { status, output } = checkSettings(root);
    assert.equal(status, 1, output);
    assert.match(output, /services\/certificate\/settings\.txt:\d+: KUTSE_EXPIRY_INTERVAL_MS: a required setting has no default/);
  });
});
