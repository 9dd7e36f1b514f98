// e2e.expiry_reminders: the 6-month reminder (ADR 0010). Certificates are recorded while the
// certificate service's job waits a day between rounds; then two replicas start with a round every
// 200 ms, one of them is stopped and started again during the sweep, and the sweep must have sent
// certificate.expiry_approaching.v1 exactly once for every certificate ending between today and the
// same day six calendar months on (also one recorded with less than that left), and none for one
// ending later, an open-ended one, one declared invalid, or an original a duplicate replaced (the
// duplicate is reminded of instead); each reminder becomes one notice for its holder.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, kServices } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, kBodyId, kClerk, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';
import { isoDay, kOpenEndedStandard } from './lib/reference-data.mjs';
import { writeWorkflowEvent } from './lib/workflow-events.mjs';

const kType = 'certificate.expiry_approaching.v1';
const kHolders = personalCodes(6, 971);
const kBatch = 600; // more than one of the sweep's batches of 500
const kSweepIntervalMs = '200';

/** Today + six calendar months in Estonia, the last day of that month when it is shorter. */
function horizon() {
  const [y, m, d] = isoDay(0).split('-').map(Number);
  const months = m - 1 + 6;
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function dayAfter(day) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
}

describe('expiry reminders: once per certificate due, none for the rest, with two replicas and a restart', { timeout: 240000 }, () => {
  let cluster;
  let gw;

  before(async () => {
    cluster = await Cluster.create('reminders');
    for (const service of kServices.filter((s) => s !== 'gateway')) {
      // The first round runs at start, before anything is recorded; the next only a day later.
      await cluster.startAndWait(service, service === 'certificate' ? { env: { KUTSE_EXPIRY_INTERVAL_MS: '86400000' } } : {});
    }
    await cluster.startAndWait('gateway');
    gw = cluster.gatewayUrl;
  });
  after(async () => {
    await cluster?.destroy();
  });

  const record = (holder, overrides) => recordCertificateOk(gw, certificateBody({ holder_personal_code: holder, holder_name: 'Meeldetuletuse Saaja', valid_from: isoDay(0), ...overrides }));

  async function reminders() {
    const out = await cluster.psql(`SELECT subject, count(*) FROM certificate.outbox WHERE type = '${kType}' GROUP BY subject ORDER BY subject`);
    return new Map(out.split('\n').filter((l) => l !== '').map((l) => {
      const [subject, count] = l.split('|');
      return [subject, Number(count)];
    }));
  }

  it('sends exactly one reminder for each certificate due, and none for the others', async () => {
    const due = [];
    const notDue = {};
    due.push((await record(kHolders[0], { valid_until: isoDay(150) })).number); // recorded with less than 6 months left
    due.push((await record(kHolders[1], { valid_until: isoDay(0) })).number); // its last day is today
    due.push((await record(kHolders[1], { valid_until: horizon() })).number); // the horizon's last day
    notDue.dayAfterHorizon = (await record(kHolders[2], { valid_until: dayAfter(horizon()) })).number;
    notDue.later = (await record(kHolders[2], { valid_until: isoDay(300) })).number;
    notDue.openEnded = (await record(kHolders[3], { standard_code: kOpenEndedStandard, valid_until: undefined })).number;
    notDue.invalidated = (await record(kHolders[3], { valid_until: isoDay(100) })).number;
    const invalidation = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificates/${notDue.invalidated}/invalidation`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Kutsekomisjoni otsus' }),
    });
    assert.equal(invalidation.status, 200, invalidation.text);
    notDue.replaced = (await record(kHolders[4], { valid_until: isoDay(120) })).number;
    await writeWorkflowEvent(cluster, 'workflow.duplicate_approved.v1', {
      request_id: 'reminder-duplicate', certificate_number: notDue.replaced, holder_personal_code: kHolders[4],
      reason: 'lost', corrected_fields: {}, approved_by: kBodyId, approved_at: new Date().toISOString(),
    });
    const duplicate = await waitFor('the duplicate', async () => {
      const number = (await cluster.psql(`SELECT number FROM certificate.certificates WHERE duplicate_of = '${notDue.replaced}'`)).trim();
      return number || undefined;
    }, { timeoutMs: 20000 });
    due.push(duplicate);
    const batch = await fetchChecked(`${gw}/api/v1/bodies/${kBodyId}/certificate-batches`, {
      method: 'POST',
      headers: { ...identityHeader(kClerk), 'Content-Type': 'application/json' },
      body: JSON.stringify({
        certificates: Array.from({ length: kBatch }, (_, i) => certificateBody({
          holder_personal_code: kHolders[5], holder_name: 'Partii Saaja', valid_from: isoDay(0), valid_until: isoDay(30 + (i % 120)),
          decision_number: `MEELDE-${i}`,
        })),
      }),
    });
    assert.equal(batch.status, 201, batch.text.slice(0, 500));
    due.push(...batch.body.certificates.map((c) => c.number));
    assert.equal((await reminders()).size, 0, 'no sweep yet');

    // Two replicas sweep every 200 ms; the first is stopped and started again during the sweep.
    await cluster.stop('certificate');
    for (const replica of [0, 1]) await cluster.start('certificate', { replica, env: { KUTSE_EXPIRY_INTERVAL_MS: kSweepIntervalMs } });
    await cluster.waitReady('certificate', { replica: 0 });
    await cluster.stop('certificate', { replica: 0 });
    await cluster.startAndWait('certificate', { replica: 0, env: { KUTSE_EXPIRY_INTERVAL_MS: kSweepIntervalMs } });
    await cluster.waitReady('certificate', { replica: 1 });

    await waitFor(`${due.length} reminders`, async () => (await reminders()).size >= due.length, { timeoutMs: 60000, intervalMs: 250 });
    await sleep(10 * Number(kSweepIntervalMs)); // more rounds on both replicas find nothing new
    const sent = await reminders();
    assert.deepEqual([...sent.keys()].sort(), [...due].sort(), 'reminded of exactly the certificates due');
    assert.ok([...sent.values()].every((count) => count === 1), 'each once');
    for (const [why, number] of Object.entries(notDue)) assert.ok(!sent.has(number), `${why}: no reminder`);

    // The event as its schema says, with the names the notice needs.
    const [line] = (await cluster.psql(`SELECT envelope::text FROM certificate.outbox WHERE type = '${kType}' AND subject = '${due[0]}'`)).split('\n');
    const event = JSON.parse(line);
    assert.equal(event.data.valid_until, isoDay(150));
    assert.equal(event.data.holder_personal_code, kHolders[0]);
    assert.ok(event.data.standard_name && event.data.standard_name_en && event.data.awarding_body_name, line);

    // Each reminder becomes one notice "expires in six months", in the holder's language.
    const expiring = `SELECT count(*) FROM notification.notices WHERE kind = 'certificate_expiring'`;
    await waitFor(`${due.length} notices`, async () => (await cluster.sqlNumber(expiring)) >= due.length, { timeoutMs: 30000, intervalMs: 250 });
    assert.equal(await cluster.sqlNumber(expiring), due.length);
    assert.equal(await cluster.sqlNumber(`${expiring} AND certificate_number IN ('${Object.values(notDue).join("','")}')`), 0);
    const [notice] = (await listNotices(gw, kHolders[0], { language: 'en' })).body.items.filter((n) => n.kind === 'certificate_expiring');
    assert.equal(notice.certificate_number, due[0]);
    assert.equal(notice.title, 'Certificate expires in six months');
    assert.ok(notice.body.includes(isoDay(150)), notice.body);
    cluster.assertAllRunning();
  });
});
