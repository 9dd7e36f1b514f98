#include "jobs/mail_worker.hpp"

#include "app/make_digests.hpp"
#include "db/delivery_repository.hpp"
#include "domain/mail_texts.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"
#include "mail/mime_message.hpp"

namespace kutse::notification {
namespace {

constexpr int kMessagesPerRound = 200;

const char* kSentMetric = "notification_mail_sent_total";
const char* kFailedMetric = "notification_mail_failed_attempts_total";
const char* kDeadMetric = "notification_mail_dead_total";

}  // namespace

MailWorker::MailWorker(db::Pool& pool, const NotificationSettings& settings, const common::Clock& clock)
    : pool_(pool),
      settings_(settings),
      clock_(clock),
      sender_(*settings.smtp),
      runner_(db::PeriodicJobOptions{"notification_mail", settings.mail_interval, 0.2},
              [this](const common::StopSignal& stop) { return Round(stop); }) {}

bool MailWorker::SendOne() {
  // One attempt only: a retried transaction would hand the message to the relay a second time.
  return pool_.Transaction(
      [&](pqxx::work& work) {
        DeliveryRepository deliveries(work);
        auto due = deliveries.ClaimDue(common::FormatTimestamp(clock_.Now()));
        if (!due) {
          return false;
        }
        mail::MailMessage message{settings_.mail_from, due->address,    due->subject,
                                  due->body,           due->message_id, clock_.Now()};
        mail::SmtpResult result;
        try {
          result = sender_.Send(settings_.mail_from, due->address, mail::BuildMime(message));
        } catch (const std::invalid_argument&) {
          result = {mail::SmtpOutcome::kPermanent, 0, "unsendable_address"};
        }
        int attempt = due->attempts + 1;
        auto now = clock_.Now();
        std::string now_text = common::FormatTimestamp(now);
        deliveries.RecordAttempt(due->id, attempt, now_text, result.reason, result.reply_code);
        std::string state = "sent";
        std::optional<std::string> next;
        if (result.outcome != mail::SmtpOutcome::kSent) {
          int failures = attempt - due->retry_from;
          bool dead = result.outcome == mail::SmtpOutcome::kPermanent || failures >= settings_.max_attempts;
          state = dead ? "dead" : "pending";
          if (!dead) {
            next = common::FormatTimestamp(now + RetryPause(failures, settings_.retry_base));
          }
        }
        deliveries.Finish(due->id, state, attempt, result.reason, result.reply_code, next, now_text);
        auto& metrics = common::MetricsRegistry::Default();
        metrics.Increment(state == "sent" ? kSentMetric : kFailedMetric, {});
        if (state == "dead") {
          metrics.Increment(kDeadMetric, {});
        }
        // The address may hold a personal code: only the delivery's id and the outcome are logged.
        auto level = state == "sent" ? common::log::Level::kInfo : common::log::Level::kWarn;
        common::log::Write(level, "mail delivery attempt",
                           {{"delivery_id", due->id},
                            {"attempt", attempt},
                            {"result", result.reason},
                            {"reply_code", result.reply_code},
                            {"state", state}});
        return true;
      },
      1);
}

common::Status MailWorker::Round(const common::StopSignal& stop) {
  for (int i = 0; i < kMessagesPerRound && !stop.Requested() && SendOne(); ++i) {
  }
  if (settings_.state_portal_mode == StatePortalMode::kDigest && !stop.Requested()) {
    app::MakeDueDigests(pool_, settings_, clock_, std::nullopt);
  }
  return common::OkStatus();
}

void MailWorker::Start() {
  auto& metrics = common::MetricsRegistry::Default();
  metrics.Describe(kSentMetric, "counter", "Messages the SMTP relay accepted");
  metrics.Describe(kFailedMetric, "counter", "Attempts at a message that failed");
  metrics.Describe(kDeadMetric, "counter", "Messages given up on (listed for an admin to retry)");
  runner_.Start();
}

void MailWorker::Stop() {
  runner_.Stop();
}

}  // namespace kutse::notification
