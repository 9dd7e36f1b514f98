// The local harnesses build a service's environment from its settings description: deploy/local
// (lib/settings.sh, through the real kutse_service_start with a stand-in binary) and the e2e harness
// (tests/lib/settings.mjs). Both give exactly the described settings and refuse, naming it, a
// required one they have no value for. ctest: contract.settings_harnesses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serviceEnvironment, serviceSettings } from '../lib/settings.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kutse-settings-harnesses-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Sources deploy/local/lib.sh as `run` does, with made-up servers, then runs `script`.
function localHarness(script, { env = {}, settingsRepo = repo } = {}) {
  const state = fs.mkdtempSync(path.join(scratch, 'state-'));
  const prelude = `
    set -euo pipefail
    . ${JSON.stringify(path.join(repo, 'deploy', 'local', 'lib.sh'))}
    kutse_init run
    KUTSE_REPO=${JSON.stringify(settingsRepo)}
    STATE_DIR=${JSON.stringify(state)}; SECRETS_DIR=$STATE_DIR; LOG_DIR=$STATE_DIR; PID_DIR=$STATE_DIR
    AMQP_PASSWORD=amqp-secret TOKEN_PUBLIC_KEY_FILE=/keys/public.pem TOKEN_PRIVATE_KEY_FILE=/keys/private.pem
  `;
  const result = spawnSync('bash', ['-c', `${prelude}\n${script}`], {
    encoding: 'utf8',
    timeout: 60000,
    env: { PATH: process.env.PATH, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, state };
}

// A stand-in for build/<dir>/services/<s>/kutse-<s> that prints its environment and exits.
function fakeBuild(service) {
  const bin = path.join(scratch, 'build', 'services', service, `kutse-${service}`);
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  fs.writeFileSync(bin, '#!/bin/sh\nenv\n', { mode: 0o755 });
  return path.join(scratch, 'build');
}

const names = (service) => serviceSettings(repo, service).map((s) => s.name).sort();

describe('deploy/local', () => {
  for (const service of ['gateway', 'certificate']) {
    test(`kutse_service_start gives ${service} exactly the settings it reads`, () => {
      const build = fakeBuild(service);
      const { status, stderr, state } = localHarness(
        `kutse_service_start ${service} ${JSON.stringify(build)}; wait; cat "$LOG_DIR/${service}.log"`,
        // Passed through when the service reads it; other KUTSE_ variables never reach it.
        { env: { KUTSE_HTTP_THREADS: '3', KUTSE_PG_PORT: '54329', KUTSE_SOMETHING_ELSE: 'x' } },
      );
      assert.equal(status, 0, stderr);
      const log = fs.readFileSync(path.join(state, `${service}.log`), 'utf8');
      const given = Object.fromEntries(
        log.split('\n').filter((l) => l.startsWith('KUTSE_')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      const required = serviceSettings(repo, service).filter((s) => s.need === 'required').map((s) => s.name);
      for (const name of Object.keys(given)) assert.ok(names(service).includes(name), `${service} got ${name}, which it does not read`);
      for (const name of required) assert.ok(name in given, `${service} did not get its required ${name}`);
      assert.equal(given.KUTSE_HTTP_THREADS, '3');
      assert.equal(given.KUTSE_HTTP_PORT, service === 'gateway' ? '8080' : '8081');
      assert.match(given.KUTSE_DB_DSN, new RegExp(`user=kutse_${service} password=[0-9a-f]{48}$`));
      if (service === 'gateway') {
        assert.equal(given.KUTSE_TOKEN_PRIVATE_KEY_FILE, '/keys/private.pem');
        assert.equal(given.KUTSE_UPSTREAM_STAMPING, 'http://127.0.0.1:8084');
        assert.ok(!('KUTSE_TOKEN_PUBLIC_KEY_FILE' in given), 'the gateway does not read the public key');
        assert.ok(!('KUTSE_DEV_IDENTITY' in given), 'run never enables the development identity header');
      } else {
        assert.equal(given.KUTSE_TOKEN_PUBLIC_KEY_FILE, '/keys/public.pem');
        assert.ok(!('KUTSE_TOKEN_PRIVATE_KEY_FILE' in given), 'only the gateway gets the private key');
        assert.equal(given.KUTSE_TRUSTED_SERVICE_KEYS_DIR, path.join(state, 'trusted', 'certificate'));
      }
    });
  }

  test('the workflow gets its own service-token key and the certificate service, and trusts no one', () => {
    const build = fakeBuild('workflow');
    const { status, stderr, state } = localHarness(`kutse_service_start workflow ${JSON.stringify(build)}; wait`);
    assert.equal(status, 0, stderr);
    const log = fs.readFileSync(path.join(state, 'workflow.log'), 'utf8');
    assert.match(log, new RegExp(`^KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE=${path.join(state, 'service_workflow_private.pem')}$`, 'm'));
    assert.match(log, /^KUTSE_UPSTREAM_CERTIFICATE=http:\/\/127\.0\.0\.1:8081$/m);
    assert.doesNotMatch(log, /KUTSE_TRUSTED_SERVICE_KEYS_DIR/, 'nobody calls the workflow with a service token');
  });

  test('refuses to start a service whose required setting it has no value for, naming it', () => {
    const copy = path.join(scratch, 'repo-with-new-setting');
    for (const relative of ['libs/runtime/settings.txt', 'services/stamping/settings.txt']) {
      fs.mkdirSync(path.dirname(path.join(copy, relative)), { recursive: true });
      fs.copyFileSync(path.join(repo, relative), path.join(copy, relative));
    }
    fs.appendFileSync(
      path.join(copy, 'services/stamping/settings.txt'),
      'KUTSE_EXAMPLE_NEW_FILE  required  -  file  file  A setting no command gives yet.\n',
    );
    const build = fakeBuild('stamping');
    const { status, stderr } = localHarness(`kutse_service_start stamping ${JSON.stringify(build)}`, { settingsRepo: copy });
    assert.equal(status, 1);
    assert.match(stderr, /cannot start stamping: deploy\/local has no value for its required setting\(s\) KUTSE_EXAMPLE_NEW_FILE/);
  });

  test('refuses a description line it cannot read, naming the file and line', () => {
    const copy = path.join(scratch, 'repo-with-bad-line');
    fs.mkdirSync(path.join(copy, 'libs/runtime'), { recursive: true });
    fs.mkdirSync(path.join(copy, 'services/workflow'), { recursive: true });
    fs.copyFileSync(path.join(repo, 'libs/runtime/settings.txt'), path.join(copy, 'libs/runtime/settings.txt'));
    fs.writeFileSync(path.join(copy, 'services/workflow/settings.txt'), '# header\nKUTSE_ROUNDS sometimes 3 int:1..9 no Rounds.\n');
    const { status, stderr } = localHarness('kutse_settings_load workflow', { settingsRepo: copy });
    assert.equal(status, 1);
    assert.match(stderr, /services\/workflow\/settings\.txt:2: not a setting line/);
  });
});

describe('tests/e2e/lib/cluster.mjs (serviceEnvironment)', () => {
  const settings = serviceSettings(repo, 'certificate');
  const values = {
    KUTSE_HTTP_PORT: 4000,
    KUTSE_DB_DSN: 'host=127.0.0.1',
    KUTSE_AMQP_URL: 'amqp://u:p@127.0.0.1:5672/v',
    KUTSE_MIGRATIONS_DIR: '/m',
    KUTSE_TOKEN_PUBLIC_KEY_FILE: '/k',
    KUTSE_TOKEN_PRIVATE_KEY_FILE: '/private', // computed for every service, read by the gateway only
  };

  test('gives the described settings it has values for, and no others', () => {
    const env = serviceEnvironment('certificate', settings, values, { overrides: { KUTSE_EXPIRY_INTERVAL_MS: 500 } });
    assert.deepEqual(env, {
      KUTSE_HTTP_PORT: '4000',
      KUTSE_DB_DSN: 'host=127.0.0.1',
      KUTSE_AMQP_URL: 'amqp://u:p@127.0.0.1:5672/v',
      KUTSE_MIGRATIONS_DIR: '/m',
      KUTSE_TOKEN_PUBLIC_KEY_FILE: '/k',
      KUTSE_EXPIRY_INTERVAL_MS: '500',
    });
  });

  test('refuses a required setting without a value, naming it', () => {
    const { KUTSE_AMQP_URL: _dropped, ...without } = values;
    assert.throws(
      () => serviceEnvironment('certificate', settings, without, { harness: 'tests/e2e/lib/cluster.mjs' }),
      /cannot start certificate: tests\/e2e\/lib\/cluster\.mjs has no value for its required setting KUTSE_AMQP_URL/,
    );
  });

  test('refuses a test override of a setting the service does not read', () => {
    assert.throws(
      () => serviceEnvironment('certificate', settings, values, { overrides: { KUTSE_SESSION_CACHE_MS: 1 } }),
      /KUTSE_SESSION_CACHE_MS: not a setting certificate reads/,
    );
  });
});
