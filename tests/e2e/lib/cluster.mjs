// The e2e harness: one private Kutse deployment per test file, on the PostgreSQL and RabbitMQ that
// the test command started (KUTSE_TEST_* variables, see tests/e2e/README.md).
//
//   const cluster = await Cluster.create('slice');   // fresh database + schemas, fresh vhost, ports
//   after(() => cluster.destroy());                  // always: processes, database, vhost
//   await cluster.startAll();                        // every service, each waited ready
//   cluster.gatewayUrl                               // http://127.0.0.1:<port>
//
// Most suites want exactly that around their tests; inside a describe():
//
//   let gw;
//   withStartedCluster('slice', (cluster) => { gw = cluster.gatewayUrl; });
//
// The stamping service seals baseline LT with the cluster's own TSA and OCSP responder
// (deploy/local/trust-services, `openssl ocsp`); Cluster.create(name, { trustServices: false })
// or withStartedCluster(name, started, { trustServices: false }) leaves them out (B-B).
//
// Services run as child processes of the test; their stdout and stderr go to files under
// os.tmpdir() (cluster.logDir), and a failure to become ready throws with the tail of that file.
// Every wait is bounded.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { execFile, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serviceEnvironment, serviceSettings } from '../../lib/settings.mjs';
import { fetchChecked, forbidText } from './contract.mjs';
import { kAnne } from './demo-people.mjs';

export const kServices = ['gateway', 'certificate', 'workflow', 'notification', 'stamping'];
const kOidcClientId = 'kutse-gateway';
// Anne Admin of the README's demo people: admin from configuration.
export const kBootstrapAdmin = kAnne.personal_code;
const kBackends = ['certificate', 'workflow', 'notification', 'stamping'];
const kCommandTimeoutMs = 60000;

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: the e2e tests run under the test command (deploy/local/test), ` +
        'which starts PostgreSQL and RabbitMQ and exports KUTSE_TEST_* (see tests/e2e/README.md)',
    );
  }
  return value;
}

function run(command, args, { timeoutMs = kCommandTimeoutMs, env } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: env ?? process.env },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed ? `timed out after ${timeoutMs} ms` : `exit code ${error.code}`;
          const shown = args.slice(0, 3).join(' ').replace(/password=('(?:[^'\\]|\\.)*'|\S+)/g, 'password=***');
          reject(new Error(`${path.basename(command)} ${shown}... failed (${why}): ${stderr || stdout}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

// libpq keyword/value quoting.
function dsnValue(value) {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const handedOutPorts = new Set();
async function freePort() {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: chosen } = server.address();
        server.close(() => resolve(chosen));
      });
    });
    if (!handedOutPorts.has(port)) {
      handedOutPorts.add(port);
      return port;
    }
  }
  throw new Error('no free TCP port found');
}

// Log folders are kept for diagnosis after the run, and removed by a later run once a day old.
function pruneOldLogDirs() {
  const cutoff = Date.now() - 24 * 3600 * 1000;
  let entries = [];
  try {
    entries = fs.readdirSync(os.tmpdir()).filter((e) => e.startsWith('kutse-e2e-'));
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(os.tmpdir(), entry);
    try {
      if (fs.statSync(dir).mtimeMs < cutoff) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run removed it, or it is not ours to remove
    }
  }
}

// Resolves to the promise's value, or to 'timeout' after ms; the timer never outlives the race.
function within(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Last-resort cleanup if the test process exits without destroy() (crash, signal).
const liveClusters = new Set();
function emergencyCleanup() {
  for (const cluster of liveClusters) cluster.destroySync();
}
process.once('exit', emergencyCleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    emergencyCleanup();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

// Registers the suite's hooks: before its tests a cluster is created and every service started, then
// `started(cluster)` runs (the suite's own set-up, may be async); after them, failed or not, the
// cluster is destroyed. Call it inside describe(), before any hook that needs the cluster.
export function withStartedCluster(name, started = () => {}, options = {}) {
  let cluster;
  before(async () => {
    cluster = await Cluster.create(name, options);
    await cluster.startAll();
    await started(cluster);
  });
  after(async () => {
    await cluster?.destroy();
  });
}

export class Cluster {
  /**
   * Creates the database (one schema per service, owned by its role) and the vhost; starts nothing.
   * Options: trustServices (default true): the stamping service gets a TSA and OCSP responder.
   */
  static async create(name, { trustServices = true } = {}) {
    assert.match(name, /^[a-z0-9_]{1,20}$/, 'a cluster name is a short lower-case identifier');
    const cluster = new Cluster(name);
    cluster.withTrustServices = trustServices;
    liveClusters.add(cluster);
    try {
      await cluster.provision();
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  constructor(name) {
    this.name = name;
    const suffix = crypto.randomBytes(4).toString('hex');
    this.database = `kutse_e2e_${name}_${suffix}`;
    this.vhost = `kutse_e2e_${name}_${suffix}`;
    this.adminDsn = requiredEnv('KUTSE_TEST_PG_ADMIN_DSN');
    this.pgHost = requiredEnv('KUTSE_TEST_PG_HOST');
    this.pgPort = requiredEnv('KUTSE_TEST_PG_PORT');
    this.passwordDir = requiredEnv('KUTSE_TEST_DB_PASSWORD_DIR');
    this.amqp = {
      host: requiredEnv('KUTSE_TEST_AMQP_HOST'),
      port: requiredEnv('KUTSE_TEST_AMQP_PORT'),
      user: requiredEnv('KUTSE_TEST_AMQP_USER'),
      password: requiredEnv('KUTSE_TEST_AMQP_PASSWORD'),
    };
    this.rabbitmqctlPath = requiredEnv('KUTSE_TEST_RABBITMQCTL');
    this.privateKeyFile = requiredEnv('KUTSE_TEST_TOKEN_PRIVATE_KEY_FILE');
    this.publicKeyFile = requiredEnv('KUTSE_TEST_TOKEN_PUBLIC_KEY_FILE');
    this.buildDir = requiredEnv('KUTSE_BUILD_DIR');
    this.repo = requiredEnv('KUTSE_REPO');
    pruneOldLogDirs();
    this.logDir = fs.mkdtempSync(path.join(os.tmpdir(), `kutse-e2e-${name}-`));
    this.makeServiceKeys();
    this.processes = new Map(); // "service#replica" -> handle
    this.ports = new Map(); // "service#replica" -> port
    this.databaseCreated = false;
    this.referenceDataLoaded = undefined; // the promise of loadReferenceData()
    this.vhostCreated = false;
    this.brokerStopped = false;
    this.destroyed = false;
    forbidText(this.adminDsn);
    forbidText(this.amqp.password);
    forbidText(this.amqpUrl());
  }

  /**
   * The workflow's and the stamping service's own service-token keys (ADR 0005), new for each cluster:
   * `serviceKeyFile('workflow')` (PKCS#8 PEM) signs its tokens, and its public half is `workflow.pem` in
   * the certificate service's folder of trusted callers, `trustedKeysDir('certificate')`; the same for stamping.
   */
  makeServiceKeys() {
    fs.mkdirSync(this.trustedKeysDir('certificate'), { recursive: true });
    for (const caller of ['workflow', 'stamping']) {
      const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      fs.writeFileSync(this.serviceKeyFile(caller), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      fs.writeFileSync(path.join(this.trustedKeysDir('certificate'), `${caller}.pem`), publicKey.export({ type: 'spki', format: 'pem' }));
    }
  }

  /**
   * The development e-seal the stamping service seals with (issue 12), made once per build folder by
   * deploy/local's own kutse_ensure_seal_material and shared by every cluster (RSA keys take a while
   * to make). Made in a fresh folder and renamed into place, so tests running at once agree on one.
   */
  sealFiles() {
    const dir = path.join(this.buildDir, 'e2e-seal');
    const files = { dir, key: path.join(dir, 'seal_key.pem'), certificates: path.join(dir, 'seal_cert.pem'), ca: path.join(dir, 'ca.pem') };
    if (!fs.existsSync(files.certificates)) {
      const scratch = fs.mkdtempSync(path.join(this.buildDir, 'e2e-seal-'));
      const script = `set -e; log() { :; }; die() { echo "$*" >&2; exit 1; }; SECRETS_DIR="$1"; source "$2"; kutse_ensure_seal_material`;
      const made = spawnSync('bash', ['-c', script, 'seal', scratch, path.join(this.repo, 'deploy/local/lib/secrets.sh')], { encoding: 'utf8' });
      assert.equal(made.status, 0, `making the development seal: ${made.stderr}`);
      try {
        fs.renameSync(path.join(scratch, 'seal'), dir);
      } catch (error) {
        if (!fs.existsSync(files.certificates)) throw error; // another test made it first
      }
      fs.rmSync(scratch, { recursive: true, force: true });
    }
    // The TSA and OCSP responder certificates beside it (kutse_ensure_trust_service_material), also
    // in a folder made before them; under a lock, since test files start clusters at once.
    if (!fs.existsSync(path.join(dir, 'index.txt'))) {
      const script = `set -e; log() { :; }; die() { echo "$*" >&2; exit 1; }; source "$2"; kutse_ensure_trust_service_material "$1"`;
      const made = spawnSync('flock', [`${dir}.lock`, 'bash', '-c', script, 'trust', dir, path.join(this.repo, 'deploy/local/lib/secrets.sh')], {
        encoding: 'utf8',
      });
      assert.equal(made.status, 0, `making the development TSA and OCSP responder: ${made.stderr}`);
    }
    return files;
  }

  serviceKeyFile(service) {
    return path.join(this.logDir, `service_${service}_private.pem`);
  }

  trustedKeysDir(service) {
    return path.join(this.logDir, 'trusted', service);
  }

  async provision() {
    await this.psqlAdmin(`CREATE DATABASE ${this.database}`);
    this.databaseCreated = true;
    const statements = [`REVOKE ALL ON DATABASE ${this.database} FROM PUBLIC`];
    for (const service of kServices) {
      statements.push(`CREATE SCHEMA ${service} AUTHORIZATION kutse_${service}`);
      statements.push(`GRANT CONNECT ON DATABASE ${this.database} TO kutse_${service}`);
    }
    // The public register's name search uses trigram indexes; extensions are the operator's to create.
    statements.push('CREATE SCHEMA extensions', 'CREATE EXTENSION pg_trgm SCHEMA extensions',
      'REVOKE ALL ON SCHEMA extensions FROM PUBLIC', 'GRANT USAGE ON SCHEMA extensions TO kutse_certificate');
    await this.psql(statements.join(';\n'));
    await this.rabbitmqctl('add_vhost', this.vhost);
    this.vhostCreated = true;
    await this.rabbitmqctl('set_permissions', '-p', this.vhost, this.amqp.user, '.*', '.*', '.*');
    for (const service of kServices) {
      forbidText(this.dbPassword(service));
      forbidText(this.dsn(service));
      await this.port(service);
    }
  }

  // ---- backends -----------------------------------------------------------------------------

  /** Runs SQL as the admin in the postgres database; resolves to psql's unaligned output. */
  psqlAdmin(sql) {
    return run('psql', [this.adminDsn, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    });
  }

  /** Runs SQL as the admin in this cluster's database (libpq: the last dbname wins). */
  psql(sql) {
    const dsn = `${this.adminDsn} dbname=${this.database}`;
    return run('psql', [dsn, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    });
  }

  /** Runs a SQL file as the admin in this cluster's database (one transaction). */
  psqlFile(file) {
    const dsn = `${this.adminDsn} dbname=${this.database}`;
    return run('psql', [dsn, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', file], {
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    });
  }

  /**
   * The register's reference data (tests/e2e/fixtures/reference_data.sql: occupational standards,
   * awarding bodies and their rights), loaded once per cluster as soon as the certificate service
   * has migrated its schema, i.e. the first time it is ready. The tests issue certificates against it.
   */
  loadReferenceData() {
    // One promise for every caller, so replicas becoming ready together load it once.
    this.referenceDataLoaded ??= this.psqlFile(path.join(this.repo, 'tests', 'e2e', 'fixtures', 'reference_data.sql'));
    return this.referenceDataLoaded;
  }

  /** One number from a single-value query. */
  async sqlNumber(sql) {
    const out = (await this.psql(sql)).trim();
    assert.match(out, /^-?[0-9]+$/, `expected one number from: ${sql}\ngot: ${out}`);
    return Number(out);
  }

  rabbitmqctl(...args) {
    return run(this.rabbitmqctlPath, args, { timeoutMs: 90000 });
  }

  /**
   * Stops the RabbitMQ application (the node keeps running). The broker is shared with whatever
   * else uses that server, so destroy() and process exit start it again if a test does not.
   */
  async stopBroker() {
    this.brokerStopped = true;
    await this.rabbitmqctl('stop_app');
  }

  /** Starts the RabbitMQ application again and waits until it serves AMQP. */
  async startBroker() {
    await this.rabbitmqctl('start_app');
    await this.rabbitmqctl('await_startup', '--timeout', '60');
    this.brokerStopped = false;
  }

  /** {queueName: {ready, unacked}} of this cluster's vhost. */
  async queues() {
    const out = await this.rabbitmqctl(
      'list_queues', '-p', this.vhost, '--quiet', '--no-table-headers', 'name', 'messages_ready', 'messages_unacknowledged',
    );
    const queues = {};
    for (const line of out.split('\n')) {
      const [name, ready, unacked] = line.trim().split(/\s+/);
      if (name && /^[0-9]+$/.test(ready ?? '')) queues[name] = { ready: Number(ready), unacked: Number(unacked) };
    }
    return queues;
  }

  /** {queueName: type} of this cluster's vhost: classic or quorum. */
  async queueTypes() {
    const out = await this.rabbitmqctl('list_queues', '-p', this.vhost, '--quiet', '--no-table-headers', 'name', 'type');
    const types = {};
    for (const line of out.split('\n')) {
      const [name, type] = line.trim().split(/\s+/);
      if (name && type) types[name] = type;
    }
    return types;
  }

  dbPassword(service) {
    const file = path.join(this.passwordDir, `db_${service}.password`);
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  }

  dsn(service) {
    return (
      `host=${this.pgHost} port=${this.pgPort} dbname=${this.database} user=kutse_${service} ` +
      `password=${dsnValue(this.dbPassword(service))} connect_timeout=5`
    );
  }

  amqpUrl() {
    const e = encodeURIComponent;
    return `amqp://${e(this.amqp.user)}:${e(this.amqp.password)}@${this.amqp.host}:${this.amqp.port}/${e(this.vhost)}`;
  }

  // ---- processes ----------------------------------------------------------------------------

  async port(service, replica = 0) {
    const key = `${service}#${replica}`;
    if (!this.ports.has(key)) this.ports.set(key, await freePort());
    return this.ports.get(key);
  }

  portSync(service, replica = 0) {
    const port = this.ports.get(`${service}#${replica}`);
    assert.ok(port, `no port allocated for ${service} replica ${replica}`);
    return port;
  }

  url(service, replica = 0) {
    return `http://127.0.0.1:${this.portSync(service, replica)}`;
  }

  get gatewayUrl() {
    return this.url('gateway', 0);
  }

  handle(service, replica = 0) {
    return this.processes.get(`${service}#${replica}`);
  }

  isRunning(service, replica = 0) {
    const h = this.handle(service, replica);
    return Boolean(h && !h.exited);
  }

  /**
   * Starts one process. Options: replica (default 0; each replica has its own port, all share the
   * database and vhost), env (extra variables; settings among them must be ones the service reads,
   * and win over the harness's values), and for the gateway (and the workflow, which asks the
   * certificate service) `upstreams`: {service: replica} choosing which replica of each service it
   * calls (default 0).
   */
  async start(service, { replica = 0, env = {}, upstreams = {} } = {}) {
    assert.ok(kServices.includes(service), `unknown service ${service}`);
    assert.ok(!this.destroyed, 'the cluster is destroyed');
    const key = `${service}#${replica}`;
    assert.ok(!this.isRunning(service, replica), `${key} is already running`);
    const binary = path.join(this.buildDir, 'services', service, `kutse-${service}`);
    assert.ok(fs.existsSync(binary), `no binary at ${binary}: build first`);
    const port = await this.port(service, replica);
    // What this harness gives each setting, by name; the service's description decides which of
    // these it gets (tests/lib/settings.mjs), and a required one missing here stops the start.
    const values = {
      KUTSE_HTTP_PORT: port,
      KUTSE_DB_DSN: this.dsn(service),
      KUTSE_AMQP_URL: this.amqpUrl(),
      KUTSE_MIGRATIONS_DIR: path.join(this.repo, 'services', service, 'migrations'),
      KUTSE_TOKEN_PUBLIC_KEY_FILE: this.publicKeyFile,
      KUTSE_LOG_LEVEL: 'info',
      KUTSE_DRAIN_TIMEOUT_MS: 10000,
      KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE: this.serviceKeyFile(service), // read by the workflow and stamping
    };
    if (service === 'certificate') values.KUTSE_TRUSTED_SERVICE_KEYS_DIR = this.trustedKeysDir(service);
    if (service === 'notification') {
      // The cluster's own SMTP server; a test may stop and start it (stopMailSink, startMailSink).
      const sink = await this.startMailSink();
      Object.assign(values, { KUTSE_SMTP_URL: `smtp://127.0.0.1:${sink.port}`, KUTSE_MAIL_INTERVAL_MS: 100 });
    }
    if (service === 'stamping') {
      const seal = this.sealFiles();
      Object.assign(values, {
        KUTSE_PUBLIC_URL: `http://127.0.0.1:${await this.port('gateway')}`,
        KUTSE_SEAL_KEY_FILE: seal.key,
        KUTSE_SEAL_CERTIFICATE_FILE: seal.certificates,
        KUTSE_STAMPING_TRUST_ANCHOR_FILE: seal.ca,
      });
      if (this.withTrustServices) {
        const trust = await this.startTrustServices();
        Object.assign(values, {
          KUTSE_STAMPING_TSA_URL: trust.tsaUrl,
          KUTSE_STAMPING_OCSP_URL: trust.ocspUrl,
          KUTSE_STAMPING_TSA_TRUST_FILE: seal.ca,
        });
      }
    }
    if (service === 'workflow' || service === 'stamping') {
      values.KUTSE_UPSTREAM_CERTIFICATE = `http://127.0.0.1:${await this.port('certificate', upstreams.certificate ?? 0)}`;
    }
    if (service === 'gateway') {
      const identity = await this.startIdentityProvider();
      Object.assign(values, {
        KUTSE_TOKEN_PRIVATE_KEY_FILE: this.privateKeyFile,
        KUTSE_OPENAPI_FILE: path.join(this.repo, 'openapi.yaml'),
        KUTSE_PUBLIC_URL: `http://127.0.0.1:${port}`,
        KUTSE_OIDC_ISSUER: identity.issuer,
        KUTSE_OIDC_CLIENT_ID: kOidcClientId,
        KUTSE_OIDC_CLIENT_SECRET_FILE: identity.secretFile,
        KUTSE_BOOTSTRAP_ADMINS: kBootstrapAdmin,
        // Tests only: the development identity header lets the load tests name thousands of clerks
        // and holders without signing each in. The run command never enables it (auth.test.mjs signs
        // in for real).
        KUTSE_DEV_IDENTITY: 'enabled',
      });
      for (const upstream of kBackends) {
        const upstreamPort = await this.port(upstream, upstreams[upstream] ?? 0);
        values[`KUTSE_UPSTREAM_${upstream.toUpperCase()}`] = `http://127.0.0.1:${upstreamPort}`;
      }
    }
    const childEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LANG: 'C.UTF-8',
      ...serviceEnvironment(service, serviceSettings(this.repo, service), values, {
        overrides: env,
        harness: 'tests/e2e/lib/cluster.mjs',
      }),
    };
    for (const [name, value] of Object.entries(process.env)) {
      if (/^(ASAN|UBSAN|LSAN|TSAN)_OPTIONS$/.test(name)) childEnv[name] = value; // sanitizer builds
    }
    for (const [name, value] of Object.entries(env)) {
      if (!name.startsWith('KUTSE_')) childEnv[name] = value;
    }

    const logFile = path.join(this.logDir, `${service}-${replica}.log`);
    fs.appendFileSync(logFile, `=== e2e harness: starting ${key} on port ${port} at ${new Date().toISOString()}\n`);
    const fd = fs.openSync(logFile, 'a');
    let child;
    try {
      child = spawn(binary, [], { env: childEnv, stdio: ['ignore', fd, fd] });
    } finally {
      fs.closeSync(fd);
    }
    const handle = { service, replica, key, port, child, logFile, exited: false, code: null, signal: null };
    handle.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        Object.assign(handle, { exited: true, code, signal });
        resolve({ code, signal });
      });
      child.once('error', (error) => {
        Object.assign(handle, { exited: true, code: -1, signal: null, error });
        resolve({ code: -1, signal: null });
      });
    });
    this.processes.set(key, handle);
    return handle;
  }

  /** Polls /readyz (checked against openapi.yaml) until 200; throws with the log tail after timeoutMs. */
  async waitReady(service, { replica = 0, timeoutMs = 30000 } = {}) {
    const handle = this.handle(service, replica);
    assert.ok(handle, `${service}#${replica} was never started`);
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (handle.exited) {
        throw new Error(
          `${handle.key} exited (code ${handle.code}, signal ${handle.signal}) before it was ready\n${this.logTail(service, replica)}`,
        );
      }
      try {
        const answer = await fetchChecked(`${this.url(service, replica)}/readyz`, { timeoutMs: 2000 });
        if (answer.status === 200) {
          // Outside the retries: a fixture that does not load is an error at once, not "not ready".
          if (service === 'certificate') return this.loadReferenceData();
          return;
        }
        last = `HTTP ${answer.status} ${answer.text}`;
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error; // a contract breach is not "not ready"
        last = String(error.cause?.code ?? error.message);
      }
      await sleep(100);
    }
    throw new Error(`${service}#${replica} not ready within ${timeoutMs} ms (last: ${last})\n${this.logTail(service, replica)}`);
  }

  async startAndWait(service, options = {}) {
    await this.start(service, options);
    await this.waitReady(service, { replica: options.replica ?? 0 });
  }

  /**
   * The cluster's own stand-in for TARA (deploy/local/oidc-provider), started once, before the
   * first gateway. Its redirect URIs cover the gateway replicas' callbacks.
   */
  async startIdentityProvider() {
    if (this.identity) return this.identity;
    const port = await freePort();
    const secretFile = path.join(this.logDir, 'oidc_client.secret');
    fs.writeFileSync(secretFile, crypto.randomBytes(24).toString('hex'), { mode: 0o600 });
    const redirects = [];
    for (let replica = 0; replica < 3; replica += 1) {
      redirects.push(`http://127.0.0.1:${await this.port('gateway', replica)}/auth/callback`);
    }
    const handle = this.spawnHelper('oidc', port, process.execPath, [path.join(this.repo, 'deploy', 'local', 'oidc-provider', 'server.mjs')], {
      KUTSE_OIDC_PORT: String(port),
      KUTSE_OIDC_ISSUER: `http://127.0.0.1:${port}`,
      KUTSE_OIDC_CLIENT_ID: kOidcClientId,
      KUTSE_OIDC_CLIENT_SECRET_FILE: secretFile,
      KUTSE_OIDC_REDIRECT_URIS: redirects.join(','),
      KUTSE_OIDC_KEY_FILE: path.join(this.logDir, 'oidc_signing.jwks.json'),
    });
    const { logFile } = handle;
    const issuer = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20000;
    for (;;) {
      assert.ok(!handle.exited, `the identity provider exited at start\n${fs.readFileSync(logFile, 'utf8')}`);
      try {
        if ((await fetch(`${issuer}/readyz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      assert.ok(Date.now() < deadline, `the identity provider was not ready within 20 s\n${fs.readFileSync(logFile, 'utf8')}`);
      await sleep(100);
    }
    this.identity = { issuer, secretFile, port };
    return this.identity;
  }

  /**
   * Starts a stand-in the cluster needs besides the services (the identity provider, the SMTP server,
   * the TSA and OCSP responder) as a child process `<name>#0`, its output in <name>.log; resolves at
   * once to its handle. `group`: the helper leads a process group of its own, which gets the signals.
   */
  spawnHelper(name, port, command, args, env, { cwd, group = false } = {}) {
    const logFile = path.join(this.logDir, `${name}.log`);
    const fd = fs.openSync(logFile, 'a');
    let child;
    try {
      child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', fd, fd] });
    } finally {
      fs.closeSync(fd);
    }
    const handle = { service: name, replica: 0, key: `${name}#0`, port, child, logFile, group, exited: false, code: null, signal: null };
    handle.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        Object.assign(handle, { exited: true, code, signal });
        resolve({ code, signal });
      });
    });
    this.processes.set(handle.key, handle);
    return handle;
  }

  /**
   * The cluster's own time-stamping authority (deploy/local/trust-services/tsa_server.py) and OCSP
   * responder (`openssl ocsp -multi 2`) for the development seal, started once, before the first
   * stamping service; both waited until they listen. Resolves to {tsaUrl, ocspUrl}.
   */
  async startTrustServices() {
    if (this.trustServices) return this.trustServices;
    const seal = this.sealFiles();
    const tsaPort = await freePort();
    const ocspPort = await freePort();
    const tsa = this.spawnHelper('tsa', tsaPort, '/usr/bin/python3', [path.join(this.repo, 'deploy', 'local', 'trust-services', 'tsa_server.py')], {
      KUTSE_TSA_PORT: String(tsaPort),
      KUTSE_TSA_MATERIAL_DIR: seal.dir,
      KUTSE_TSA_STATE_DIR: path.join(this.logDir, 'tsa'),
    });
    // -multi makes the responder lead its own process group: stop() signals that group.
    const ocsp = this.spawnHelper('ocsp', ocspPort, 'openssl', ['ocsp', '-port', String(ocspPort), '-index', 'index.txt', '-CA', 'ca.pem',
      '-rsigner', 'ocsp_cert.pem', '-rkey', 'ocsp_key.pem', '-nmin', '5', '-multi', '2', '-ignore_err'], {}, { cwd: seal.dir, group: true });
    for (const handle of [tsa, ocsp]) await this.awaitListening(handle);
    this.trustServices = { tsaUrl: `http://127.0.0.1:${tsaPort}/`, ocspUrl: `http://127.0.0.1:${ocspPort}/` };
    return this.trustServices;
  }

  /** Sends `signal` to a process, or to the process group it leads (handle.group). */
  signalProcess(handle, signal) {
    try {
      if (handle.group) process.kill(-handle.child.pid, signal);
      else handle.child.kill(signal);
    } catch {
      // already gone
    }
  }

  /** Waits (20 s at most) until a helper accepts TCP connections on its port. */
  async awaitListening(handle) {
    const deadline = Date.now() + 20000;
    for (;;) {
      assert.ok(!handle.exited, `${handle.key} exited at start\n${fs.readFileSync(handle.logFile, 'utf8')}`);
      const listening = await new Promise((resolve) => {
        const socket = net.connect(handle.port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (listening) return;
      assert.ok(Date.now() < deadline, `${handle.key} was not listening within 20 s\n${fs.readFileSync(handle.logFile, 'utf8')}`);
      await sleep(50);
    }
  }

  /** The folder where the cluster's SMTP server keeps each message it accepts (one .eml file each). */
  get mailDir() {
    return path.join(this.logDir, 'mail');
  }

  /** Recipients listed in this file (one a line) are refused by the SMTP server with 550. */
  get mailRejectFile() {
    return path.join(this.logDir, 'mail-reject.txt');
  }

  /**
   * Starts the cluster's SMTP server (deploy/local/mail-sink) unless it runs; always on the same port,
   * so the notification service finds it again after stopMailSink. Resolves to {port}.
   */
  async startMailSink() {
    const running = this.processes.get('mail#0');
    if (running && !running.exited) return { port: running.port };
    this.mailPort ??= await freePort();
    const port = this.mailPort;
    const handle = this.spawnHelper('mail', port, '/usr/bin/python3', [path.join(this.repo, 'deploy', 'local', 'mail-sink', 'server.py')], {
      KUTSE_MAIL_SINK_PORT: String(port),
      KUTSE_MAIL_SINK_DIR: this.mailDir,
      KUTSE_MAIL_SINK_REJECT_FILE: this.mailRejectFile,
    });
    const { logFile } = handle;
    const deadline = Date.now() + 20000;
    for (;;) {
      assert.ok(!handle.exited, `the mail sink exited at start\n${fs.readFileSync(logFile, 'utf8')}`);
      const listening = await new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (listening) return { port };
      assert.ok(Date.now() < deadline, `the mail sink was not listening within 20 s\n${fs.readFileSync(logFile, 'utf8')}`);
      await sleep(50);
    }
  }

  /** Stops the cluster's SMTP server (an outage: the relay is unreachable until startMailSink). */
  async stopMailSink() {
    await this.stopHelper('mail');
  }

  /** Stops a helper process ('mail', 'tsa', 'ocsp'): an outage of what it stands for. */
  async stopHelper(name) {
    const handle = this.processes.get(`${name}#0`);
    assert.ok(handle && !handle.exited, `the ${name} helper is not running`);
    handle.stoppedOnPurpose = true;
    this.signalProcess(handle, 'SIGTERM');
    const result = await within(handle.exit, 10000);
    if (result === 'timeout') {
      this.signalProcess(handle, 'SIGKILL');
      await handle.exit;
    }
  }

  /**
   * Starts every service (the backends first, then the gateway) and waits until each is ready; env
   * (settings every service reads) goes to all of them.
   */
  async startAll({ env = {} } = {}) {
    for (const service of kBackends) await this.start(service, { env });
    await Promise.all(kBackends.map((service) => this.waitReady(service)));
    await this.startAndWait('gateway', { env });
  }

  /** SIGTERM, wait for the exit (bounded), and assert a clean exit code 0. Returns {code, signal, ms}. */
  async stop(service, { replica = 0, timeoutMs = 30000 } = {}) {
    const handle = this.handle(service, replica);
    assert.ok(handle, `${service}#${replica} was never started`);
    assert.ok(!handle.exited, `${handle.key} had already exited (code ${handle.code}, signal ${handle.signal})\n${this.logTail(service, replica)}`);
    const started = Date.now();
    handle.stoppedOnPurpose = true;
    this.signalProcess(handle, 'SIGTERM');
    const result = await within(handle.exit, timeoutMs);
    if (result === 'timeout') {
      this.signalProcess(handle, 'SIGKILL');
      await handle.exit;
      assert.fail(`${handle.key} did not exit within ${timeoutMs} ms of SIGTERM\n${this.logTail(service, replica)}`);
    }
    assert.ok(
      result.code === 0 && result.signal === null,
      `${handle.key} exited with code ${result.code}, signal ${result.signal} after SIGTERM (want 0)\n${this.logTail(service, replica)}`,
    );
    return { ...result, ms: Date.now() - started };
  }

  /** Stops every running process, asserting that each exits 0. */
  async stopAll() {
    const running = [...this.processes.values()].filter((h) => !h.exited);
    // The gateway first, like a rolling shutdown would.
    running.sort((a, b) => (a.service === 'gateway' ? -1 : 0) - (b.service === 'gateway' ? -1 : 0));
    for (const h of running) await this.stop(h.service, { replica: h.replica });
  }

  /** Asserts that no started process has exited on its own. */
  assertAllRunning() {
    for (const h of this.processes.values()) {
      assert.ok(!h.exited || h.stoppedOnPurpose, `${h.key} died (code ${h.code}, signal ${h.signal})\n${this.logTail(h.service, h.replica)}`);
    }
  }

  logTail(service, replica = 0, lines = 40) {
    const file = path.join(this.logDir, `${service}-${replica}.log`);
    if (!fs.existsSync(file)) return `(no log at ${file})`;
    const text = fs.readFileSync(file, 'utf8').split('\n');
    return `--- last ${lines} lines of ${file} ---\n${text.slice(-lines - 1).join('\n')}`;
  }

  // ---- teardown -----------------------------------------------------------------------------

  /** Stops every process (SIGTERM, SIGKILL after 15 s), drops the database and deletes the vhost. */
  async destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    const problems = [];
    await Promise.all(
      [...this.processes.values()]
        .filter((h) => !h.exited)
        .map(async (h) => {
          this.signalProcess(h, 'SIGTERM');
          const result = await within(h.exit, 15000);
          if (result === 'timeout') {
            this.signalProcess(h, 'SIGKILL');
            await within(h.exit, 5000);
            problems.push(`${h.key} needed SIGKILL`);
          } else if (result.code !== 0) {
            problems.push(`${h.key} exited with ${result.code}/${result.signal}`);
          }
        }),
    );
    if (this.brokerStopped) {
      try {
        await this.startBroker();
      } catch (error) {
        problems.push(`restarting the broker: ${error.message}`);
      }
    }
    if (this.databaseCreated) {
      try {
        await this.psqlAdmin(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
        this.databaseCreated = false;
      } catch (error) {
        problems.push(`dropping ${this.database}: ${error.message}`);
      }
    }
    if (this.vhostCreated) {
      try {
        await this.rabbitmqctl('delete_vhost', this.vhost);
        this.vhostCreated = false;
      } catch (error) {
        problems.push(`deleting vhost ${this.vhost}: ${error.message}`);
      }
    }
    liveClusters.delete(this);
    if (problems.length > 0) {
      process.stderr.write(`e2e cluster ${this.name}: teardown: ${problems.join('; ')} (logs in ${this.logDir})\n`);
    }
  }

  // Synchronous variant for process exit: kill, then best-effort drop and delete.
  destroySync() {
    for (const h of this.processes.values()) {
      if (!h.exited) this.signalProcess(h, 'SIGKILL');
    }
    if (this.databaseCreated) {
      spawnSync('psql', [this.adminDsn, '-X', '-q', '-c', `DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`], {
        timeout: 15000,
        stdio: 'ignore',
      });
    }
    if (this.brokerStopped) {
      spawnSync(this.rabbitmqctlPath, ['start_app'], { timeout: 60000, stdio: 'ignore' });
      spawnSync(this.rabbitmqctlPath, ['await_startup', '--timeout', '60'], { timeout: 70000, stdio: 'ignore' });
    }
    if (this.vhostCreated) {
      spawnSync(this.rabbitmqctlPath, ['delete_vhost', this.vhost], { timeout: 30000, stdio: 'ignore' });
    }
    this.destroyed = true;
    liveClusters.delete(this);
  }
}
