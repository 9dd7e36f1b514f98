// e2e.open_requests: "My certificates" shows each certificate's open requests (issue 10). The
// holder makes a reprint request; request.submitted.v1 travels from the workflow's outbox to the
// certificate service's copy, and GET /api/v1/me/certificates lists it under that certificate (and
// no other). Another person's request never shows. A withdrawal (request.status_changed.v1) takes
// it off the list; the copy keeps the finished request, not open, so late news cannot revive it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { certificateBody, identityHeader, recordCertificateOk, waitFor } from './lib/api.mjs';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kHolderCode, kOtherCode] = personalCodes(2, 1511);

describe('open requests: "My certificates" lists the open requests of each certificate', { timeout: 180000 }, () => {
  let cluster;
  let gw;

  withStartedCluster('open_requests', (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
  });

  const person = (personalCode, name) => ({ personal_code: personalCode, name, roles: [] });
  async function ok(who, method, path, body, status = 200) {
    const answer = await fetchChecked(`${gw}${path}`, {
      method,
      headers: { ...identityHeader(who), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(answer.status, status, answer.text);
    return answer.body;
  }
  // Every certificate of the person's "My certificates", by number, with its open requests.
  async function openRequestsOf(who) {
    const groups = await ok(who, 'GET', '/api/v1/me/certificates');
    const byNumber = {};
    for (const item of [...groups.valid, ...groups.no_longer_valid, ...groups.duplicates]) {
      assert.ok(Array.isArray(item.open_requests), `${item.number} lists its open requests`);
      byNumber[item.number] = item.open_requests;
    }
    return byNumber;
  }

  it('shows the holder\'s reprint request while it is open, and only on its certificate', async () => {
    const holder = person(kHolderCode, 'Avatud Taotleja');
    const other = person(kOtherCode, 'Teine Inimene');
    const asked = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolderCode, holder_name: holder.name }));
    const untouched = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kHolderCode, holder_name: holder.name }));
    const othersCertificate = await recordCertificateOk(gw, certificateBody({ holder_personal_code: kOtherCode, holder_name: other.name }));
    assert.deepEqual(await openRequestsOf(holder), { [asked.number]: [], [untouched.number]: [] });

    const reprint = await ok(holder, 'POST', '/api/v1/me/requests', { kind: 'reprint', certificate_number: asked.number, delivery: { method: 'collect_in_person' } }, 201);
    const question = await ok(other, 'POST', '/api/v1/me/requests', { kind: 'question', certificate_number: othersCertificate.number, message: 'Kas on õige?' }, 201);

    const shown = await waitFor('the reprint request in "My certificates"', async () => {
      const lists = await openRequestsOf(holder);
      return lists[asked.number].length > 0 ? lists : undefined;
    }, { timeoutMs: 20000 });
    assert.deepEqual(shown, {
      [asked.number]: [{ id: reprint.id, kind: 'reprint', state: 'submitted', submitted_at: reprint.submitted_at }],
      [untouched.number]: [],
    });
    const othersLists = await waitFor('the other person\'s question in their "My certificates"', async () => {
      const lists = await openRequestsOf(other);
      return lists[othersCertificate.number].length > 0 ? lists : undefined;
    }, { timeoutMs: 20000 });
    assert.deepEqual(Object.keys(othersLists), [othersCertificate.number], 'only their own certificate');
    assert.deepEqual(othersLists[othersCertificate.number].map((r) => [r.id, r.kind, r.state]), [[question.id, 'question', 'submitted']]);
    assert.ok(!JSON.stringify(await openRequestsOf(holder)).includes(question.id), 'another person\'s request never shows');

    await ok(holder, 'POST', `/api/v1/me/requests/${reprint.id}/withdraw`);
    await waitFor('the withdrawn request gone from "My certificates"', async () => {
      const lists = await openRequestsOf(holder);
      return lists[asked.number].length === 0 ? lists : undefined;
    }, { timeoutMs: 20000 });
    assert.equal((await cluster.psql(
      `SELECT state || ' ' || is_open FROM certificate.open_requests WHERE request_id = '${reprint.id}'`)).trim(), 'withdrawn false',
    'the copy keeps the finished request, not open');
    assert.equal((await cluster.psql(
      `SELECT count(*) FROM certificate.open_requests WHERE request_id = '${question.id}' AND certificate_number = '${othersCertificate.number}' AND is_open`)).trim(), '1');
    assert.deepEqual((await openRequestsOf(other))[othersCertificate.number].map((r) => r.id), [question.id], 'the other request stays open');
  });
});
