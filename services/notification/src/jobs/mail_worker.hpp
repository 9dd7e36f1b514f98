// Sends the due messages of the mail channels (deliveries, V005) in every replica: a round every
// KUTSE_MAIL_INTERVAL_MS takes one due row at a time FOR UPDATE SKIP LOCKED, hands it to the relay
// while holding the lock, and records the attempt in the same transaction; so two replicas never send
// one message at once, and a crash before the commit only makes it due again (the same Message-ID).
// A failure waits RetryPause; after KUTSE_MAIL_MAX_ATTEMPTS failures, or a 5xx, the row is dead.
// Then, in digest mode, the day's digests whose hour has come are made (app/make_digests.hpp).
#pragma once

#include "kutse/common/clock.hpp"
#include "kutse/db/periodic_job.hpp"
#include "kutse/db/pool.hpp"
#include "mail/smtp_sender.hpp"
#include "notification_settings.hpp"

namespace kutse::notification {

class MailWorker {
 public:
  MailWorker(db::Pool& pool, const NotificationSettings& settings, const common::Clock& clock);

  void Start();
  void Stop();
  // One message, if one is due: true when there was one (whatever became of it).
  bool SendOne();

 private:
  common::Status Round(const common::StopSignal& stop);

  db::Pool& pool_;
  const NotificationSettings settings_;  // a copy: the worker outlives Configure's local
  const common::Clock& clock_;
  mail::SmtpSender sender_;
  db::PeriodicJob runner_;
};

}  // namespace kutse::notification
