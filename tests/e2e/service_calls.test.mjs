// e2e.service_calls: one service calling another with its own token (ADR 0005), wired for real: the
// workflow service asks the certificate service for the current facts of a certificate (ADR 0008)
// on GET /internal/v1/certificates/{number}/facts. The cluster gives the workflow a key of its own
// and the certificate service its public half as workflow.pem, as deploy/local and the Kubernetes
// manifests do. A token signed with that key reads the facts of certificates of every origin (the
// demo data's, and one imported by an admin); every other caller is refused with a problem: no
// token, a person's or an admin's token from the gateway, another key claiming to be the workflow,
// the workflow's key claiming another name, an expired token or one for another service, and a
// service the certificate service trusts but that is not the workflow. The gateway never forwards
// /internal/, also not by dot segments. Finally the workflow's C++ client (CertificateFactsClient)
// reads the same facts from this cluster's certificate service (tests/integration/
// certificate_facts_client_test.cpp, its [cluster] cases).
//
// The route is not in openapi.yaml: its answers are held against
// proto-docs/internal/certificate-facts.schema.json, refusals against openapi.yaml's Problem.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { identityHeader } from './lib/api.mjs';
import { withStartedCluster } from './lib/cluster.mjs';
import { loadDemoData } from './lib/demo-data.mjs';
import { contract, fetchChecked } from './lib/contract.mjs';
import { kAnne, kJuri, kMihkel, kOie } from './lib/demo-people.mjs';
import { RawConnection } from './lib/raw-http.mjs';
import { internalToken, serviceToken } from './lib/token.mjs';

const kAdmin = { ...kAnne, roles: ['admin'] };
const kFactsSchemaFile = path.join(process.env.KUTSE_REPO ?? '.', 'proto-docs', 'internal', 'certificate-facts.schema.json');
// An entry of the old register, imported by the admin: an old number with a slash, a body the
// register has never known, no standard code.
const kImported = {
  number: 'KT-1998/042',
  holder_personal_code: kJuri.personal_code,
  holder_name: kJuri.name,
  historic_level: 'III',
  standard_name: 'Müürsepp III kvalifikatsioonitase',
  awarding_body_id: '80088888',
  decision_date: '1998-05-12',
  decision_number: '17',
  issue_date: '1998-05-20',
  valid_from: '1998-05-20',
};

const factsPath = (number) => `/internal/v1/certificates/${encodeURIComponent(number)}/facts`;
const newKey = () => crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pem = (key) => key.export(key.type === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' });

let validateFacts;
function checkFactsSchema(body) {
  if (!validateFacts) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    validateFacts = ajv.compile(JSON.parse(fs.readFileSync(kFactsSchemaFile, 'utf8')));
  }
  assert.ok(validateFacts(body), `the facts do not match ${kFactsSchemaFile}: ${JSON.stringify(validateFacts.errors)}`);
}

/** A refusal: the status, problem+json as openapi.yaml's Problem says, nothing leaked. */
function assertProblem(answer, status, label) {
  assert.equal(answer.status, status, `${label}: ${answer.text}`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/, label);
  const document = contract();
  document.checkNoLeaks(label, answer.text);
  const validate = document.validator(document.document.components.schemas.Problem, 'components.schemas.Problem');
  assert.ok(validate(answer.body), `${label}: not a Problem: ${answer.text}`);
  assert.equal(answer.body.status, status, label);
}

describe('service calls: the certificate facts, for the workflow service only', { timeout: 180000 }, () => {
  let cluster;
  let workflowKey; // the workflow's own private key (PEM), as the cluster gave it
  const numbers = {};

  withStartedCluster('service_calls', async (started) => {
    cluster = started;
    workflowKey = fs.readFileSync(cluster.serviceKeyFile('workflow'), 'utf8');
    await loadDemoData(cluster); // the run command's demo data
    const number = async (where) => (await cluster.psql(`SELECT number FROM certificate.certificates WHERE ${where}`)).trim();
    numbers.oieWelder = await number(`holder_personal_code = '${kOie.personal_code}' AND standard_code = 'KEEV-4'`);
    numbers.juriReplaced = await number(`standard_code = 'MUUR-4' AND origin = 'issued'`);
    numbers.juriDuplicate = await number(`standard_code = 'MUUR-4' AND origin = 'duplicate'`);
    numbers.juriOld = await number(`holder_personal_code = '${kJuri.personal_code}' AND origin = 'imported'`);
    numbers.mihkelCook = await number(`standard_code = 'KOKK-4' AND holder_personal_code = '${kMihkel.personal_code}'`);
    for (const [name, value] of Object.entries(numbers)) assert.ok(value, `no demo certificate for ${name}`);

    const imported = await fetchChecked(`${cluster.gatewayUrl}/api/v1/admin/certificate-imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeader(kAdmin) },
      body: JSON.stringify({ certificates: [kImported] }),
    });
    assert.equal(imported.status, 200, imported.text);
  });

  function askFacts(number, headers = {}, { base = cluster.url('certificate') } = {}) {
    return fetch(`${base}${factsPath(number)}`, { headers, signal: AbortSignal.timeout(15000) }).then(async (response) => {
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, headers: response.headers, text, body };
    });
  }
  const bearer = (token) => ({ Authorization: `Bearer ${token}` });
  const asWorkflow = () => bearer(serviceToken(workflowKey, 'workflow', 'certificate'));

  // What the register holds for each (services/certificate/demo/demo_data.sql; the import above).
  // The status is read from the register when the test asks: the demo data's valid certificates
  // expire on their dates like any other (the expiry job), and the facts must say so.
  const statusOf = async (number) =>
    (await cluster.psql(`SELECT status FROM certificate.certificates WHERE number = '${number}'`)).trim();
  const expected = async () => Promise.all([
    {
      number: numbers.oieWelder, holder_personal_code: kOie.personal_code, holder_name: 'Õie Šmidt',
      replaced_by: null, awarding_body_id: '80012345', body_active: true, body_holds_right_today: true,
      standard_code: 'KEEV-4', qualification_name_et: 'Keevitaja, tase 4', qualification_name_en: 'Welder, level 4', level: 4,
    },
    {
      number: numbers.juriReplaced, holder_personal_code: kJuri.personal_code, holder_name: 'Jüri Õunapuu',
      replaced_by: numbers.juriDuplicate, awarding_body_id: '80054321', body_active: true, body_holds_right_today: true,
      standard_code: 'MUUR-4', qualification_name_et: 'Müürsepp, tase 4', qualification_name_en: 'Bricklayer, level 4', level: 4,
    },
    // Issued by a body that has since been closed and whose right has ended.
    {
      number: numbers.mihkelCook, holder_personal_code: kMihkel.personal_code, holder_name: 'Mihkel Uus',
      replaced_by: null, awarding_body_id: '80077777', body_active: false,
      body_holds_right_today: false, standard_code: 'KOKK-4', qualification_name_et: 'Kokk, tase 4',
      qualification_name_en: 'Cook, level 4', level: 4,
    },
    // The old register's entries: no standard code, so no right to hold.
    {
      number: numbers.juriOld, holder_personal_code: kJuri.personal_code, holder_name: 'Jüri Õunapuu',
      replaced_by: null, awarding_body_id: '80054321', body_active: true, body_holds_right_today: false,
      standard_code: null, qualification_name_et: 'Müürsepp', qualification_name_en: null, level: 4,
    },
    {
      number: kImported.number, holder_personal_code: kJuri.personal_code, holder_name: 'Jüri Õunapuu',
      replaced_by: null, awarding_body_id: '80088888', body_active: false, body_holds_right_today: false,
      standard_code: null, qualification_name_et: 'Müürsepp III kvalifikatsioonitase', qualification_name_en: null, level: 4,
    },
  ].map(async (want) => ({ ...want, status: await statusOf(want.number) })));

  it('the workflow reads the facts of demo, replaced, closed-body and imported certificates', async () => {
    for (const want of await expected()) {
      const answer = await askFacts(want.number, asWorkflow());
      assert.equal(answer.status, 200, `${want.number}: ${answer.text}`);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      checkFactsSchema(answer.body);
      // The workflow's members here; what a stamped copy prints is checked below.
      const decided = Object.fromEntries(Object.keys(want).map((name) => [name, answer.body[name]]));
      assert.deepEqual(decided, want);
    }
  });

  it('the facts carry what a stamped copy prints (issue 12)', async () => {
    const answer = await askFacts(numbers.oieWelder, asWorkflow());
    assert.equal(answer.status, 200, answer.text);
    const printed = Object.fromEntries(['type', 'eqf_level', 'specialisation', 'partial_qualification', 'competences',
      'awarding_body_name', 'decision_date', 'decision_number', 'issue_date', 'valid_from', 'valid_until', 'duplicate_of']
      .map((name) => [name, answer.body[name]]));
    assert.deepEqual(printed, {
      type: 'certificate', eqf_level: 4, specialisation: 'MAG-keevitus', partial_qualification: null,
      competences: ['Keevitamine', 'Termiline lõikamine'], awarding_body_name: 'Eesti Keevitajate Kutseliit',
      decision_date: '2022-02-20', decision_number: '22-1/4', issue_date: '2022-03-01', valid_from: '2022-03-01',
      valid_until: '2027-02-28', duplicate_of: null,
    });
    const duplicate = await askFacts(numbers.juriDuplicate, asWorkflow());
    assert.equal(duplicate.status, 200, duplicate.text);
    checkFactsSchema(duplicate.body);
    assert.equal(duplicate.body.duplicate_of, numbers.juriReplaced);
  });

  it('an unknown number is a 404 problem', async () => {
    for (const number of ['K-999999', 'NO-SUCH/1', 'X'.repeat(40)]) {
      assertProblem(await askFacts(number, asWorkflow()), 404, `unknown ${number}`);
    }
  });

  it('no token, or a person’s or an admin’s token from the gateway, is refused', async () => {
    const number = numbers.oieWelder;
    assertProblem(await askFacts(number), 401, 'no token');
    assertProblem(await askFacts(number, { Authorization: 'Basic d29ya2Zsb3c6eA==' }), 401, 'not a bearer token');
    const holder = internalToken(cluster.privateKeyFile, 'certificate', kOie);
    assertProblem(await askFacts(number, bearer(holder)), 403, 'the holder herself');
    const admin = internalToken(cluster.privateKeyFile, 'certificate', kAdmin);
    assertProblem(await askFacts(number, bearer(admin)), 403, 'an admin');
  });

  it('a token the certificate service cannot trust as the workflow’s is a 401 problem', async () => {
    const number = numbers.oieWelder;
    const stranger = pem(newKey().privateKey);
    assertProblem(await askFacts(number, bearer(serviceToken(stranger, 'workflow', 'certificate'))), 401, 'another key as workflow');
    // The workflow's key speaks for the workflow only.
    assertProblem(await askFacts(number, bearer(serviceToken(workflowKey, 'stamping', 'certificate'))), 401, 'stamping by the workflow key');
    const past = Math.floor(Date.now() / 1000) - 120;
    const expired = serviceToken(workflowKey, 'workflow', 'certificate', { iat: past, exp: past + 60 });
    assertProblem(await askFacts(number, bearer(expired)), 401, 'expired');
    assertProblem(await askFacts(number, bearer(serviceToken(workflowKey, 'workflow', 'notification'))), 401, 'for another service');
    const [head, claims] = serviceToken(workflowKey, 'workflow', 'certificate').split('.');
    const forged = serviceToken(stranger, 'workflow', 'certificate').split('.')[2];
    assertProblem(await askFacts(number, bearer(`${head}.${claims}.${forged}`)), 401, 'a signature of another key');
  });

  it('a service the certificate service trusts is refused unless it is the workflow or stamping; keys roll over', async () => {
    // A second replica trusting the stamping and notification services too, and a new workflow key beside the old one.
    const folder = path.join(cluster.logDir, 'trusted-more');
    fs.mkdirSync(folder, { recursive: true });
    const stamping = newKey();
    const notification = newKey();
    const rolled = newKey();
    fs.copyFileSync(path.join(cluster.trustedKeysDir('certificate'), 'workflow.pem'), path.join(folder, 'workflow.pem'));
    fs.writeFileSync(path.join(folder, 'workflow.2.pem'), pem(rolled.publicKey));
    fs.writeFileSync(path.join(folder, 'stamping.pem'), pem(stamping.publicKey));
    fs.writeFileSync(path.join(folder, 'notification.pem'), pem(notification.publicKey));
    await cluster.startAndWait('certificate', { replica: 1, env: { KUTSE_TRUSTED_SERVICE_KEYS_DIR: folder } });
    const base = cluster.url('certificate', 1);
    const number = numbers.oieWelder;

    const asNotification = bearer(serviceToken(pem(notification.privateKey), 'notification', 'certificate'));
    assertProblem(await askFacts(number, asNotification, { base }), 403, 'the notification service');
    // The stamping service prints a sealed copy from the facts (issue 12).
    const asStamping = bearer(serviceToken(pem(stamping.privateKey), 'stamping', 'certificate'));
    const printed = await askFacts(number, asStamping, { base });
    assert.equal(printed.status, 200, printed.text);
    assert.ok(Array.isArray(printed.body.competences));
    assert.match(printed.body.issue_date, /^\d{4}-\d{2}-\d{2}$/);
    for (const key of [workflowKey, pem(rolled.privateKey)]) {
      const answer = await askFacts(number, bearer(serviceToken(key, 'workflow', 'certificate')), { base });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.body.holder_personal_code, kOie.personal_code);
    }
    await cluster.stop('certificate', { replica: 1 });
  });

  it('the gateway forwards nothing of /internal/, not even through dot segments', async () => {
    const gw = cluster.gatewayUrl;
    const number = encodeURIComponent(numbers.oieWelder);
    for (const headers of [{}, identityHeader(kAdmin), asWorkflow()]) {
      const answer = await fetchChecked(`${gw}/internal/v1/certificates/${number}/facts`, { headers, undocumented: true });
      assertProblem(answer, 404, 'through the gateway');
    }
    // fetch would resolve the dots itself; a raw request keeps them. As an admin, whom the gateway
    // would forward with a token of its own, were the path to name a service.
    const [[devName, devValue]] = Object.entries(identityHeader(kAdmin));
    const connection = await RawConnection.connect(cluster.portSync('gateway'));
    try {
      for (const target of [
        // Each resolves to /internal/v1/... once the dots are squashed, as curl does by default.
        `/api/v1/public/../../../internal/v1/certificates/${number}/facts`,
        `/api/v1/bodies/80012345/./../../../../internal/v1/certificates/${number}/facts`,
      ]) {
        const raw = await connection.request(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${devName}: ${devValue}\r\n\r\n`);
        const body = JSON.parse(raw.body);
        assertProblem({ status: raw.status, headers: new Headers(raw.headers), text: raw.body, body }, 404, target);
        assert.ok(!raw.body.includes(kOie.personal_code), 'no facts leak through the gateway');
      }
    } finally {
      connection.close();
    }
  });

  it('the workflow’s own client reads the same facts from this certificate service', async () => {
    const binary = path.join(cluster.buildDir, 'tests', 'workflow_client_test');
    assert.ok(fs.existsSync(binary), `no ${binary}: build first`);
    const wanted = await expected();
    const result = await new Promise((resolve) => {
      execFile(binary, ['[cluster]'], {
        timeout: 60000,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          // A sanitizer build's settings, as the harness gives the services.
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => /^(ASAN|UBSAN|LSAN)_OPTIONS$/.test(name))),
          KUTSE_TEST_CERTIFICATE_URL: cluster.url('certificate'),
          KUTSE_TEST_WORKFLOW_KEY_FILE: cluster.serviceKeyFile('workflow'),
          KUTSE_TEST_EXPECTED_FACTS: JSON.stringify(wanted),
        },
      }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, output: `${stdout}${stderr}` }));
    });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /All tests passed \(\d+ assertions in 1 test case\)/, result.output);
  });
});
