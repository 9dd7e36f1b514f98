// e2e.mail_channels: notices by mail (issue 11 items 4-5), through the gateway, with a real SMTP server
// (deploy/local/mail-sink, the cluster's own). An issued certificate gives an in-app notice and a
// state-portal message to <personal code>@eesti.ee in the person's language within 2 s; e-mail goes
// only to a confirmed address; the SMTP server down for a while loses nothing and sends each message
// once (by Message-ID), also with two replicas sending; a refused message is dead, listed for an
// admin and retried; the settings refuse what is wrong and are each person's own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withStartedCluster } from './lib/cluster.mjs';
import { fetchChecked } from './lib/contract.mjs';
import { certificateBody, identityHeader, listNotices, recordCertificateOk, waitFor } from './lib/api.mjs';
import { kAnne } from './lib/demo-people.mjs';
import { confirmationCode, mailTo, waitForMail } from './lib/mail.mjs';
import { personalCodes } from './lib/personal-codes.mjs';

const [kHolderA, kHolderB, kHolderC, kHolderD, kHolderE] = personalCodes(5, 7301);
const kAdmin = { ...kAnne, roles: ['admin'] };
const portal = (code) => `${code}@eesti.ee`;

describe('mail channels: state portal, confirmed e-mail, outage, dead letters', { timeout: 240000 }, () => {
  let gw;
  let cluster;
  // Quick retries so an outage of a second or two is over within the test.
  withStartedCluster('mail_channels', async (started) => {
    cluster = started;
    await cluster.stop('notification');
    await cluster.startAndWait('notification', { env: { KUTSE_MAIL_RETRY_BASE_MS: 200, KUTSE_MAIL_MAX_ATTEMPTS: 40 } });
    gw = started.gatewayUrl;
  });

  const as = (holder, extra = {}) => ({ ...identityHeader({ personal_code: holder }), ...extra });
  const issue = (holder, overrides = {}) =>
    recordCertificateOk(gw, certificateBody({ holder_personal_code: holder, holder_name: 'Kirja Saaja', ...overrides }));
  const settings = (holder) => fetchChecked(`${gw}/api/v1/me/notification-settings`, { headers: as(holder) });
  const putSettings = (holder, body) =>
    fetchChecked(`${gw}/api/v1/me/notification-settings`, {
      method: 'PUT',
      headers: as(holder, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
  const confirm = (holder, code, language = 'et') =>
    fetchChecked(`${gw}/api/v1/me/notification-settings/email-confirmation`, {
      method: 'POST',
      headers: as(holder, { 'Content-Type': 'application/json', 'Accept-Language': language }),
      body: JSON.stringify({ code }),
    });
  const admin = (path, init = {}) =>
    fetchChecked(`${gw}${path}`, { ...init, headers: { ...identityHeader(kAdmin), ...(init.headers ?? {}) } });

  it('mails an issued certificate to the state portal within 2 s, in Estonian, then in the language chosen', async () => {
    const before = Date.now();
    const certificate = await issue(kHolderA, { standard_code: 'KEEVITAJA-4', valid_from: '2026-01-01', valid_until: '2030-12-31' });
    const [message] = await waitForMail(cluster.mailDir, portal(kHolderA), { timeoutMs: 2000 });
    const elapsed = Date.now() - before;
    assert.ok(elapsed <= 2000, `the message came ${elapsed} ms after the certificate was issued`);
    assert.equal(message.subject, 'Kutsetunnistus väljastatud');
    assert.match(message.body, new RegExp(`teie kutsetunnistuse ${certificate.number} \\(Keevitaja, tase 4\\)`));
    assert.match(message.body, /kehtib alates 01\.01\.2026, kehtivus: 31\.12\.2030/);
    assert.match(message.headers['content-type'], /^text\/plain; charset=UTF-8$/);
    assert.equal(message.headers.to, portal(kHolderA));
    assert.equal(message.headers.from, 'teavitused@kutseregister.ee');
    assert.match(message.messageId, /^<notice-[0-9a-f-]{36}\.state_portal@kutseregister\.ee>$/);
    assert.doesNotMatch(message.messageId, new RegExp(kHolderA), 'no personal code in the Message-ID');
    assert.ok(!Number.isNaN(Date.parse(message.headers.date)), 'a Date header');
    // The in-app notice is there as well.
    const notices = await listNotices(gw, kHolderA, { limit: 10 });
    assert.ok(notices.body.items.some((n) => n.certificate_number === certificate.number));

    const english = await putSettings(kHolderA, { language: 'en', state_portal: true, email_enabled: false, email: null });
    assert.equal(english.status, 200, english.text);
    const second = await issue(kHolderA, { standard_code: 'KEEVITAJA-4' });
    const messages = await waitForMail(cluster.mailDir, portal(kHolderA), { count: 2 });
    assert.equal(messages[1].subject, 'Certificate issued');
    assert.match(messages[1].body, new RegExp(`${second.number} \\(Welder, level 4\\)`));

    const off = await putSettings(kHolderA, { language: 'en', state_portal: false, email_enabled: false, email: null });
    assert.equal(off.body.state_portal, false);
    const third = await issue(kHolderA);
    await waitFor('the in-app notice', async () =>
      (await listNotices(gw, kHolderA, { limit: 10 })).body.items.find((n) => n.certificate_number === third.number));
    await sleep(1000);
    assert.equal(mailTo(cluster.mailDir, portal(kHolderA)).length, 2, 'the state portal turned off: no message');
  });

  it('sends e-mail only to a confirmed address: a code goes there first, a wrong one is refused', async () => {
    const address = 'mari.kask@example.ee';
    const saved = await putSettings(kHolderB, { language: 'et', state_portal: true, email_enabled: true, email: address });
    assert.equal(saved.status, 200, saved.text);
    assert.deepEqual(saved.body, { language: 'et', state_portal: true, email_enabled: true, email: null, pending_email: address });
    const code = await confirmationCode(cluster.mailDir, address);
    const [codeMessage] = mailTo(cluster.mailDir, address);
    assert.equal(codeMessage.subject, 'Kinnitage oma e-posti aadress');

    // Not confirmed yet: the state portal gets it, the address does not.
    const before = await issue(kHolderB);
    await waitForMail(cluster.mailDir, portal(kHolderB));
    await sleep(700);
    assert.equal(mailTo(cluster.mailDir, address).length, 1, 'only the code went to the unconfirmed address');

    const wrong = await confirm(kHolderB, code === '000000' ? '111111' : '000000', 'en');
    assert.equal(wrong.status, 422, wrong.text);
    assert.equal(wrong.body.errors[0].pointer, '/code');
    assert.equal(wrong.body.errors[0].detail, 'is not the right code', 'in the caller\'s language');
    // The same address again sends no second code while the first is valid.
    await putSettings(kHolderB, { language: 'et', state_portal: true, email_enabled: true, email: address });
    // Someone else cannot use the code: nothing waits for them.
    const stranger = await confirm(kHolderC, code);
    assert.equal(stranger.status, 409, stranger.text);
    assert.equal((await settings(kHolderC)).body.email, null);

    const ok = await confirm(kHolderB, code);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.email, address);
    assert.equal(ok.body.pending_email, null);
    assert.equal(mailTo(cluster.mailDir, address).length, 1);
    assert.equal((await confirm(kHolderB, code)).status, 409, 'a code is used once');

    const after = await issue(kHolderB);
    const [, notice] = await waitForMail(cluster.mailDir, address, { count: 2 });
    assert.match(notice.body, new RegExp(after.number));
    assert.doesNotMatch(notice.body, new RegExp(before.number), 'a notice from before the confirmation is not mailed');
    assert.match(notice.messageId, /\.email@kutseregister\.ee>$/);
  });

  it('refuses wrong settings in the caller\'s language and a code after too many wrong attempts', async () => {
    const cases = [
      [{ language: 'fi', state_portal: true, email_enabled: false, email: null }, '/language'],
      [{ language: 'et', state_portal: true, email_enabled: true, email: 'ei-ole-aadress' }, '/email'],
      [{ language: 'et', state_portal: true, email_enabled: true, email: 'a@b.ee\r\nBcc: c@d.ee' }, '/email'],
      [{ language: 'et', state_portal: true, email_enabled: true, email: null }, '/email'],
      [{ language: 'et', state_portal: 'jah', email_enabled: false, email: null }, '/state_portal'],
      [{ language: 'et', state_portal: true, email_enabled: false }, '/email'],
      [{ language: 'et', state_portal: true, email_enabled: false, email: null, extra: 1 }, '/extra'],
    ];
    for (const [body, pointer] of cases) {
      const answer = await putSettings(kHolderD, body);
      assert.equal(answer.status, 422, `${JSON.stringify(body)}: ${answer.text}`);
      assert.ok(answer.body.errors.some((e) => e.pointer === pointer), `${pointer} named in ${answer.text}`);
    }
    assert.equal((await settings(kHolderD)).body.email_enabled, false, 'nothing was saved');
    assert.equal((await confirm(kHolderD, '12345')).status, 422, 'five digits');

    const address = 'juhan@example.ee';
    await putSettings(kHolderD, { language: 'en', state_portal: true, email_enabled: true, email: address });
    const code = await confirmationCode(cluster.mailDir, address);
    const wrongCode = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i += 1) assert.equal((await confirm(kHolderD, wrongCode)).status, 422);
    const spent = await confirm(kHolderD, code, 'en');
    assert.equal(spent.status, 409, spent.text);
    assert.match(spent.body.detail, /Too many wrong attempts/);
    // The address again sends a new code, which works.
    await putSettings(kHolderD, { language: 'en', state_portal: true, email_enabled: true, email: address });
    const fresh = await confirmationCode(cluster.mailDir, address, { count: 2 });
    assert.equal((await confirm(kHolderD, fresh)).status, 200);
    assert.equal((await settings(kHolderD)).body.email, address);
  });

  it('loses nothing while the SMTP server is down, and sends each message exactly once when it is back', async () => {
    const holder = kHolderC;
    await cluster.stopMailSink();
    const issued = [];
    for (let i = 0; i < 3; i += 1) issued.push(await issue(holder));
    await sleep(1500); // attempts fail meanwhile
    assert.equal(mailTo(cluster.mailDir, portal(holder)).length, 0);
    await cluster.startMailSink();
    const messages = await waitForMail(cluster.mailDir, portal(holder), { count: 3, timeoutMs: 20000 });
    await sleep(1500); // nothing more comes
    const all = mailTo(cluster.mailDir, portal(holder));
    assert.equal(all.length, 3, 'each message once');
    assert.equal(new Set(all.map((m) => m.messageId)).size, 3, 'three different Message-IDs');
    for (const certificate of issued) {
      assert.equal(messages.filter((m) => m.body.includes(certificate.number)).length, 1, certificate.number);
    }
    const failed = await cluster.sqlNumber(
      "SELECT count(*) FROM notification.delivery_attempts a JOIN notification.deliveries d ON d.id = a.delivery_id " +
        `WHERE d.personal_code = '${holder}' AND a.result <> 'sent'`,
    );
    assert.ok(failed >= 3, `each message was tried while the server was down (${failed} failed attempts)`);
  });

  it('lists a refused message as dead for an admin, who retries it once the mailbox works', async () => {
    const holder = kHolderD;
    fs.writeFileSync(cluster.mailRejectFile, `${portal(holder)}\n`);
    const certificate = await issue(holder);
    const dead = await waitFor('the dead delivery', async () => {
      const page = await admin('/api/v1/admin/notification-deliveries?state=dead');
      assert.equal(page.status, 200, page.text);
      return page.body.items.find((d) => d.channel === 'state_portal' && d.last_reply_code === 550);
    }, { timeoutMs: 10000 });
    assert.equal(dead.state, 'dead');
    assert.equal(dead.attempts, 1, 'a 5xx is final: no retries');
    assert.doesNotMatch(JSON.stringify(dead), new RegExp(holder), 'no personal code in the admin list');

    const notAdmin = await fetchChecked(`${gw}/api/v1/admin/notification-deliveries/${dead.id}/retry`, { method: 'POST', headers: as(holder) });
    assert.equal(notAdmin.status, 403, notAdmin.text);
    fs.writeFileSync(cluster.mailRejectFile, '');
    const retried = await admin(`/api/v1/admin/notification-deliveries/${dead.id}/retry`, { method: 'POST' });
    assert.equal(retried.status, 204, retried.text);
    const [message] = await waitForMail(cluster.mailDir, portal(holder));
    assert.match(message.body, new RegExp(certificate.number));
    const again = await admin(`/api/v1/admin/notification-deliveries/${dead.id}/retry`, { method: 'POST' });
    assert.equal(again.status, 409, again.text);
    const page = await admin('/api/v1/admin/notification-deliveries?state=dead');
    assert.ok(!page.body.items.some((d) => d.id === dead.id), 'no longer dead');
    assert.equal((await admin('/api/v1/admin/notification-deliveries?state=lost')).status, 400);
    assert.equal((await admin('/api/v1/admin/notification-deliveries/not-an-id/retry', { method: 'POST' })).status, 404);
  });

  it('sends each message once with two replicas of the notification service claiming the same rows', async () => {
    await cluster.startAndWait('notification', { replica: 1, env: { KUTSE_MAIL_RETRY_BASE_MS: 200, KUTSE_MAIL_MAX_ATTEMPTS: 40 } });
    const issued = [];
    for (let i = 0; i < 12; i += 1) issued.push(await issue(kHolderE));
    await waitForMail(cluster.mailDir, portal(kHolderE), { count: 12, timeoutMs: 20000 });
    await sleep(1500);
    const all = mailTo(cluster.mailDir, portal(kHolderE));
    assert.equal(all.length, 12, 'twelve notices, twelve messages');
    assert.equal(new Set(all.map((m) => m.messageId)).size, 12);
    for (const certificate of issued) assert.equal(all.filter((m) => m.body.includes(certificate.number)).length, 1);
    const attempts = await cluster.sqlNumber(
      "SELECT count(*) FROM notification.delivery_attempts a JOIN notification.deliveries d ON d.id = a.delivery_id " +
        `WHERE d.personal_code = '${kHolderE}'`,
    );
    assert.equal(attempts, 12, 'one attempt each: no replica sent a row the other held');
    await cluster.stop('notification', { replica: 1 });
  });
});
