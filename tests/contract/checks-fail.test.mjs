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

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120000 });
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

describe('the Kubernetes manifests against the settings descriptions (check-k8s.mjs)', () => {
  const checkK8s = (root) => run('node', [path.join(here, 'check-k8s.mjs'), `--root=${path.join(root, 'deploy', 'k8s')}`]);

  test('an unbroken copy passes', () => {
    const { status, output } = checkK8s(copyOf('k8s-unbroken', ['deploy/k8s']));
    assert.equal(status, 0, output);
  });

  test('a ConfigMap that misses a required setting fails, naming service and setting', () => {
    const root = copyOf('k8s-missing-key', ['deploy/k8s'], {
      'deploy/k8s/base/certificate.yaml': (t) => t.replace(/^ {2}KUTSE_MIGRATIONS_DIR: .*\n/m, ''),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    assert.match(output, /deploy\/k8s\/base \[built-in resolver\] Deployment\/kutse\/certificate container certificate: required setting KUTSE_MIGRATIONS_DIR is not provided/);
  });

  test('an overlay that patches a required setting away fails in that overlay only', () => {
    const patch = [
      '  - target:',
      '      kind: ConfigMap',
      '      name: gateway-config',
      '    patch: |-',
      '      - op: remove',
      '        path: /data/KUTSE_OPENAPI_FILE',
      '',
    ].join('\n');
    const root = copyOf('k8s-overlay-removes', ['deploy/k8s'], {
      'deploy/k8s/overlays/production/kustomization.yaml': (t) => t.replace(/^patches:\n/m, `patches:\n${patch}`),
    });
    const { status, output } = checkK8s(root);
    assert.equal(status, 1, output);
    assert.match(output, /overlays\/production \[built-in resolver\] Deployment\/kutse\/gateway container gateway: required setting KUTSE_OPENAPI_FILE is not provided/);
    assert.doesNotMatch(output, /FAIL deploy\/k8s\/(base|overlays\/staging)/);
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
      'deploy/docker/certificate.Dockerfile': (t) =>
        t.replace('ENV KUTSE_HTTP_PORT=8080 \\\n', 'ENV KUTSE_HTTP_PORT=80x \\\n    KUTSE_DB_SCHEMA=certificate \\\n'),
    });
    const { status, output } = checkSettings(root);
    assert.equal(status, 1, output);
    assert.match(output, /certificate\.Dockerfile: line \d+: sets KUTSE_DB_SCHEMA, which certificate does not read/);
    assert.match(output, /certificate\.Dockerfile: line \d+: KUTSE_HTTP_PORT=80x: not a port number/);
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
