// e2e.notifications: "My notifications" end to end through the gateway. A clerk issues certificates;
// the holder reads each notice from the templates in Estonian and English (the standard's English
// name, the awarding body, the dates, a link to the certificate), the unread count, marking one read,
// marking all read up to the newest seen (a later notice stays unread), and nobody reads or changes
// someone else's notices.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kHolderA, kHolderB] = personalCodes(2, 1201);

describe('notifications: templates in both languages, read state, only one\'s own', { timeout: 180000 }, () => {
  let gw;
  withStartedCluster('notifications', (started) => {
    gw = started.gatewayUrl;
  });

  const as = (holder, extra = {}) => ({ ...identityHeader({ personal_code: holder }), ...extra });
  const issue = (holder, overrides = {}) =>
    recordCertificateOk(gw, certificateBody({ holder_personal_code: holder, holder_name: 'Teadete Saaja', ...overrides }));
  const unreadCount = async (holder) => {
    const answer = await fetchChecked(`${gw}/api/v1/me/notifications/unread-count`, { headers: as(holder) });
    assert.equal(answer.status, 200, answer.text);
    return answer.body.unread;
  };
  const markRead = (holder, id) =>
    fetchChecked(`${gw}/api/v1/me/notifications/${id}/read`, { method: 'POST', headers: as(holder) });
  const readAll = (holder, body) =>
    fetchChecked(`${gw}/api/v1/me/notifications/read-all`, {
      method: 'POST',
      headers: as(holder, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
  const unreadList = async (holder) => {
    const answer = await fetchChecked(`${gw}/api/v1/me/notifications?unread=true&limit=100`, { headers: as(holder) });
    assert.equal(answer.status, 200, answer.text);
    return answer.body.items;
  };
  const noticeOf = (holder, number, language) =>
    waitFor(`the notice of ${number}`, async () => {
      const page = await listNotices(gw, holder, { language, limit: 100 });
      assert.equal(page.status, 200, page.text);
      return page.body.items.find((item) => item.certificate_number === number);
    }, { timeoutMs: 15000 });

  let first;
  let second;

  it('tells the holder of an issued certificate in Estonian and, asked for, in English with the English name', async () => {
    const certificate = await issue(kHolderA, { standard_code: 'KEEVITAJA-4', valid_from: '2026-01-01', valid_until: '2030-12-31' });
    const et = await noticeOf(kHolderA, certificate.number);
    assert.equal(et.kind, 'certificate_issued');
    assert.equal(et.title, 'Kutsetunnistus väljastatud');
    assert.equal(
      et.body,
      `Eesti Keevitajate Kutseliit kandis registrisse teie kutsetunnistuse ${certificate.number} (Keevitaja, tase 4). ` +
        'See kehtib alates 01.01.2026, kehtivus: 31.12.2030.',
    );
    assert.equal(et.link, `/api/v1/me/certificates/${certificate.number}`);
    assert.equal(et.read, false);
    first = et;

    const en = await noticeOf(kHolderA, certificate.number, 'en');
    assert.equal(en.id, et.id, 'the same notice, worded in the reader\'s language');
    assert.equal(en.title, 'Certificate issued');
    assert.match(en.body, /\(Welder, level 4\)/, 'the standard by its English name');
    assert.doesNotMatch(en.body, /Keevitaja, tase/, 'no Estonian standard name in the English text');
    assert.match(en.body, /valid from 2026-01-01, validity: 2030-12-31/);

    // The link opens the holder's certificate.
    const opened = await fetchChecked(`${gw}${en.link}`, { headers: as(kHolderA) });
    assert.equal(opened.status, 200, opened.text);
    assert.equal(opened.body.certificate.number, certificate.number);
  });

  it('counts the unread notices and marks one read; twice is the same; the unread list leaves it out', async () => {
    const certificate = await issue(kHolderA, { standard_code: 'MUURSEPP-4', valid_until: undefined });
    second = await noticeOf(kHolderA, certificate.number);
    assert.match(second.body, /kehtivus: tähtajatu\./, 'an open-ended certificate says so');
    assert.equal(await unreadCount(kHolderA), 2);
    assert.deepEqual((await unreadList(kHolderA)).map((n) => n.id), [second.id, first.id], 'newest first');

    for (let i = 0; i < 2; i += 1) {
      const marked = await markRead(kHolderA, first.id);
      assert.equal(marked.status, 204, marked.text);
    }
    assert.equal(await unreadCount(kHolderA), 1);
    assert.deepEqual((await unreadList(kHolderA)).map((n) => n.id), [second.id]);
    const all = await listNotices(gw, kHolderA, { limit: 100 });
    assert.deepEqual(all.body.items.map((n) => [n.id, n.read]), [[second.id, false], [first.id, true]]);
  });

  it('pages the unread notices by keyset like the whole list', async () => {
    const one = await fetchChecked(`${gw}/api/v1/me/notifications?unread=true&limit=1`, { headers: as(kHolderA) });
    assert.equal(one.status, 200, one.text);
    assert.deepEqual(one.body.items.map((n) => n.id), [second.id]);
    assert.equal(one.body.next_cursor, null, 'one unread notice: one page');
    const bad = await fetchChecked(`${gw}/api/v1/me/notifications?unread=yes`, { headers: as(kHolderA) });
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.body.errors[0].pointer, '/unread');
  });

  it('marks all read up to the newest notice seen; one that arrives later stays unread', async () => {
    const seenNewest = (await listNotices(gw, kHolderA, { limit: 1 })).body.items[0];
    assert.equal(seenNewest.id, second.id);
    const later = await issue(kHolderA);
    const laterNotice = await noticeOf(kHolderA, later.number);
    assert.equal(await unreadCount(kHolderA), 2);

    const done = await readAll(kHolderA, { up_to: seenNewest.id });
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.marked, 1, 'only the unread one up to the newest seen');
    assert.equal(await unreadCount(kHolderA), 1);
    assert.deepEqual((await unreadList(kHolderA)).map((n) => n.id), [laterNotice.id]);

    const again = await readAll(kHolderA, { up_to: laterNotice.id });
    assert.equal(again.body.marked, 1);
    assert.equal(await unreadCount(kHolderA), 0);
    assert.equal((await readAll(kHolderA, { up_to: laterNotice.id })).body.marked, 0, 'nothing left to mark');

    const malformed = await readAll(kHolderA, { up_to: 'viimane' });
    assert.equal(malformed.status, 422, malformed.text);
    assert.equal(malformed.body.errors[0].pointer, '/up_to');
    assert.equal((await readAll(kHolderA, {})).status, 422);
  });

  it('never lets a person read or change someone else\'s notices', async () => {
    const theirs = await issue(kHolderB);
    const notice = await noticeOf(kHolderB, theirs.number);
    assert.equal(await unreadCount(kHolderB), 1);

    const other = await markRead(kHolderA, notice.id);
    assert.equal(other.status, 404, other.text);
    assert.match(other.headers.get('content-type'), /^application\/problem\+json/);
    const otherAll = await readAll(kHolderA, { up_to: notice.id });
    assert.equal(otherAll.status, 404, otherAll.text);
    assert.equal(await unreadCount(kHolderB), 1, 'their notice stays unread');
    const mine = await listNotices(gw, kHolderA, { limit: 100 });
    assert.ok(!mine.body.items.some((n) => n.id === notice.id), 'nor is it in anyone else\'s list');

    assert.equal((await markRead(kHolderA, 'not-a-notice')).status, 404);
    assert.equal((await markRead(kHolderB, notice.id)).status, 204);
    assert.equal(await unreadCount(kHolderB), 0);
  });
});
