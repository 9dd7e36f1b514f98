// e2e.request_notices: the holder's notices about their own requests (issue 11), through the gateway
// with real sign-in on the demo data. A holder asks a question and orders a reprint: each gives a
// receipt, in Estonian and (Accept-Language: en) in English, linking to the request. A clerk of the
// body takes the reprint into work: a notice. The holder's own reply to the question: none. The
// body's answer (its event written to the workflow's outbox, as the answer step will write it): a
// notice. The holder withdraws the reprint: a notice. Every request event is then published again
// with its own id: the consumer counts each as a duplicate, and each notice is still there exactly
// once. A request event whose request_id is not a uuid is dead-lettered and stores nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { identityHeader, listNotices, metricSum, scrapeMetrics, waitFor } from './lib/api.mjs';
import { Browser } from './lib/browser.mjs';
import { kBootstrapAdmin, withStartedCluster } from './lib/cluster.mjs';
import { loadDemoData } from './lib/demo-data.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { kKadri, kOie } from './lib/demo-people.mjs';
import { kBodyX } from './lib/reference-data.mjs';
import { writeWorkflowEvent } from './lib/workflow-events.mjs';

describe('request notices: a receipt, each change, an answer, never the holder\'s own message', { timeout: 300000 }, () => {
  let cluster;
  let gw;
  let oie;
  let clerk;
  let number;
  let question;
  let reprint;

  const count = async (sql) => Number((await cluster.psql(sql)).trim());
  const noticesOf = async (requestId, language) => {
    const page = await listNotices(gw, kOie.personal_code, { limit: 100, language });
    assert.equal(page.status, 200, page.text);
    return page.body.items.filter((item) => item.request_id === requestId);
  };
  const noticeOf = (requestId, kind, language) =>
    waitFor(`the ${kind} notice of ${requestId}`, async () =>
      (await noticesOf(requestId, language)).find((item) => item.kind === kind), { timeoutMs: 15000 });
  // Every request event in the workflow's outbox published and consumed by the notification service.
  const settled = () =>
    waitFor('the request events consumed', async () => {
      const unpublished = await count('SELECT count(*) FROM workflow.outbox WHERE published_at IS NULL');
      const unconsumed = await count(`SELECT count(*) FROM workflow.outbox o WHERE NOT EXISTS
        (SELECT 1 FROM notification.inbox i WHERE i.message_id = o.id::text)`);
      const queue = (await cluster.queues())['notification.events'];
      return unpublished === 0 && unconsumed === 0 && queue?.ready === 0 && queue?.unacked === 0;
    }, { timeoutMs: 20000 });
  const step = (id, name, body) => oie.send('POST', `/api/v1/me/requests/${id}/${name}`, body);

  withStartedCluster('request_notices', async (started) => {
    cluster = started;
    gw = cluster.gatewayUrl;
    await loadDemoData(cluster);
    number = (await cluster.psql(`SELECT number FROM certificate.certificates
      WHERE holder_personal_code = '${kOie.personal_code}' AND standard_code = 'KEEV-4'`)).trim();
    assert.ok(number, 'no demo certificate for Õie');
    oie = await Browser.signedIn(gw, kOie.personal_code);
    const admin = await Browser.signedIn(gw, kBootstrapAdmin);
    const grant = await admin.send('POST', '/api/v1/admin/role-assignments',
      { personal_code: kKadri.personal_code, role: 'clerk', body_id: kBodyX, reason: 'Taotluste menetleja' });
    assert.ok([201, 409].includes(grant.status), grant.text);
    clerk = await Browser.signedIn(gw, kKadri.personal_code);
  });

  it('gives a receipt for a question and a reprint, in Estonian and in English, linking to the request', async () => {
    const asked = await oie.send('POST', '/api/v1/me/requests', { kind: 'question', certificate_number: number, message: 'Kas tunnistust saab pikendada?' });
    assert.equal(asked.status, 201, asked.text);
    question = asked.body;
    const ordered = await oie.send('POST', '/api/v1/me/requests', { kind: 'reprint', certificate_number: number, delivery: { method: 'collect_in_person' } });
    assert.equal(ordered.status, 201, ordered.text);
    reprint = ordered.body;
    const [year, month, day] = question.answer_deadline.split('-');

    const et = await noticeOf(question.id, 'request_submitted');
    assert.equal(et.title, 'Pöördumine on kätte saadud');
    assert.equal(et.body, `Teie pöördumine (küsimus) kutsetunnistuse ${number} kohta on kätte saadud. Vastus tuleb hiljemalt ${day}.${month}.${year}.`);
    assert.equal(et.certificate_number, number);
    assert.equal(et.link, `/api/v1/me/requests/${question.id}`);
    assert.equal(et.read, false);
    const en = await noticeOf(question.id, 'request_submitted', 'en');
    assert.equal(en.id, et.id, 'the same notice, worded in the reader\'s language');
    assert.equal(en.title, 'Request received');
    assert.equal(en.body, `Your question about professional certificate ${number} has been received. The answer is due by ${question.answer_deadline}.`);

    const receipt = await noticeOf(reprint.id, 'request_submitted', 'en');
    assert.match(receipt.body, /^Your reprint request about professional certificate /);
    assert.match((await noticeOf(reprint.id, 'request_submitted')).body, /\(kordustrüki taotlus\)/);

    const opened = await oie.request(`${gw}${receipt.link}`);
    assert.equal(opened.status, 200, opened.text);
    assert.equal(opened.body.id, reprint.id, 'the link opens the request');
  });

  it('tells the holder when a clerk of the body takes the reprint into work', async () => {
    const taken = await clerk.send('POST', `/api/v1/bodies/${kBodyX}/requests/${reprint.id}/take`);
    assert.equal(taken.status, 200, taken.text);
    const notice = await noticeOf(reprint.id, 'request_in_review');
    assert.equal(notice.title, 'Pöördumine on menetluses');
    assert.equal(notice.body, `Teie pöördumine (kordustrüki taotlus) kutsetunnistuse ${number} kohta võeti menetlusse.`);
    assert.equal((await noticeOf(reprint.id, 'request_in_review', 'en')).title, 'Request taken into work');
    assert.ok(!JSON.stringify(notice).includes(kKadri.personal_code), 'no clerk\'s personal code in the notice');
  });

  it('makes no notice of the holder\'s own reply, and one of the body\'s answer', async () => {
    const replied = await step(question.id, 'messages', { message: 'Lisaküsimus: kui kaua see võtab?' });
    assert.equal(replied.status, 200, replied.text);
    await settled();
    assert.equal(await count(`SELECT count(*) FROM workflow.outbox WHERE type = 'request.message_added.v1' AND subject = '${question.id}'`), 1);
    assert.deepEqual((await noticesOf(question.id)).map((n) => n.kind), ['request_submitted'], 'the reply was consumed and told nobody');

    // The answer step is the next one of issue 10: its event, as the workflow writes it.
    await writeWorkflowEvent(cluster, 'request.message_added.v1', {
      request_id: question.id,
      kind: 'question',
      certificate_number: number,
      holder_personal_code: kOie.personal_code,
      route: kBodyX,
      message_id: 3,
      author: 'clerk',
      sent_at: new Date().toISOString(),
    });
    const answered = await noticeOf(question.id, 'request_answered');
    assert.equal(answered.title, 'Teie küsimusele vastati');
    assert.equal(answered.link, `/api/v1/me/requests/${question.id}`);
    assert.equal((await noticeOf(question.id, 'request_answered', 'en')).body,
      `There is an answer to your question about professional certificate ${number}. Open the request to read it.`);
  });

  it('tells the holder of their withdrawal', async () => {
    const withdrawn = await step(reprint.id, 'withdraw');
    assert.equal(withdrawn.status, 200, withdrawn.text);
    const notice = await noticeOf(reprint.id, 'request_withdrawn', 'en');
    assert.equal(notice.title, 'Request withdrawn');
    assert.equal(notice.body, `Your reprint request about professional certificate ${number} has been withdrawn.`);
  });

  it('keeps each notice exactly once when every request event is delivered again', async () => {
    await settled();
    const expected = {
      [question.id]: ['request_answered', 'request_submitted'],
      [reprint.id]: ['request_withdrawn', 'request_in_review', 'request_submitted'],
    };
    for (const [id, kinds] of Object.entries(expected)) assert.deepEqual((await noticesOf(id)).map((n) => n.kind), kinds, 'newest first');
    const before = (await noticesOf(question.id)).concat(await noticesOf(reprint.id)).map((n) => n.id).sort();

    // The relay publishes every row again, each under its own event id.
    // Two submissions, the take, the reply, the answer and the withdrawal.
    assert.equal(await count('SELECT count(*) FROM workflow.outbox'), 6);
    const duplicates = async () => metricSum(await scrapeMetrics(cluster.url('notification')), 'events_consumed_total', { outcome: 'duplicate' });
    const duplicatesBefore = await duplicates();
    await cluster.psql('UPDATE workflow.outbox SET published_at = NULL');
    await settled();
    await waitFor('the repeats counted', async () => (await duplicates()) - duplicatesBefore === 6);
    const after = (await noticesOf(question.id)).concat(await noticesOf(reprint.id)).map((n) => n.id).sort();
    assert.deepEqual(after, before, 'no notice added, none lost');
    assert.equal(await count(`SELECT count(*) FROM notification.notices WHERE request_id IN ('${question.id}', '${reprint.id}')`), 5);
    const queues = await cluster.queues();
    assert.ok(!queues['notification.events.dead']?.ready, JSON.stringify(queues));
    assert.ok(!queues['kutse.unroutable']?.ready, 'every request event has a consumer');

    const unread = await fetchChecked(`${gw}/api/v1/me/notifications/unread-count`, {
      headers: identityHeader({ personal_code: kOie.personal_code }),
    });
    assert.equal(unread.status, 200, unread.text);
    assert.ok(unread.body.unread >= 5, unread.text);
  });

  it('dead-letters a request event whose request_id is not a uuid, and stores nothing', async () => {
    const eventId = await writeWorkflowEvent(cluster, 'request.submitted.v1', {
      request_id: 'not-a-request',
      kind: 'question',
      certificate_number: number,
      holder_personal_code: kOie.personal_code,
      route: kBodyX,
      state: 'submitted',
      submitted_at: new Date().toISOString(),
      answer_deadline: question.answer_deadline,
    });
    await waitFor('the malformed event dead-lettered', async () => (await cluster.queues())['notification.events.dead']?.ready === 1);
    assert.equal(await count(`SELECT count(*) FROM notification.notices WHERE source_event_id = '${eventId}'`), 0);
    assert.equal(await count(`SELECT count(*) FROM notification.inbox WHERE message_id = '${eventId}'`), 0);
  });
});
