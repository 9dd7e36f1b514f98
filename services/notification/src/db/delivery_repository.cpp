#include "db/delivery_repository.hpp"

#include "db/mail_sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::notification {
namespace {

// No reply (the server was not reached) is stored as null, not 0.
std::optional<std::string> NullableCode(long reply_code) {
  return reply_code > 0 ? std::optional<std::string>(std::to_string(reply_code)) : std::nullopt;
}

std::string UuidArray(const std::vector<std::string>& ids) {
  std::string text = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    text += (i > 0 ? "," : "") + ids[i];
  }
  return text + "}";
}

}  // namespace

void DeliveryRepository::Add(const std::string& id, const NewDelivery& d) {
  tx_.exec_prepared(sql::kInsertDelivery.name, id, db::NullableParam(d.notice_id),
                    db::NullableParam(d.digest_day), d.personal_code, d.channel, d.address, d.language,
                    d.subject, d.body, d.message_id, d.state, d.due_at);
}

void DeliveryRepository::AddConfirmation(const std::string& id, const std::string& personal_code,
                                         const std::string& address, const std::string& language,
                                         const std::string& subject, const std::string& body,
                                         const std::string& message_id) {
  tx_.exec_prepared(sql::kInsertConfirmation.name, id, personal_code, address, language, subject, body,
                    message_id);
}

std::optional<DueDelivery> DeliveryRepository::ClaimDue(const std::string& now) {
  auto rows = tx_.exec_prepared(sql::kClaimDueDelivery.name, now);
  if (rows.empty()) {
    return std::nullopt;
  }
  const auto& row = rows[0];
  return DueDelivery{row["id"].as<std::string>(),         row["address"].as<std::string>(),
                     row["subject"].as<std::string>(),    row["body"].as<std::string>(),
                     row["message_id"].as<std::string>(), row["attempts"].as<int>(),
                     row["retry_from"].as<int>()};
}

void DeliveryRepository::RecordAttempt(const std::string& id, int attempt, const std::string& at,
                                       const std::string& result, long reply_code) {
  tx_.exec_prepared(sql::kRecordAttempt.name, id, attempt, at, result,
                    db::NullableParam(NullableCode(reply_code)));
}

void DeliveryRepository::Finish(const std::string& id, const std::string& state, int attempts,
                                const std::string& result, long reply_code,
                                const std::optional<std::string>& next_attempt_at, const std::string& now) {
  tx_.exec_prepared(sql::kFinishAttempt.name, id, state, attempts, result,
                    db::NullableParam(NullableCode(reply_code)), db::NullableParam(next_attempt_at), now);
}

std::vector<std::pair<std::string, std::string>> DeliveryRepository::DueDigests(const std::string& day,
                                                                                int limit) {
  std::vector<std::pair<std::string, std::string>> due;
  for (const auto& row : tx_.exec_prepared(sql::kDueDigests.name, day, limit)) {
    due.emplace_back(row["personal_code"].as<std::string>(), row["digest_day"].as<std::string>());
  }
  return due;
}

std::vector<HeldNotice> DeliveryRepository::TakeHeld(const std::string& personal_code, const std::string& day,
                                                     const std::string& channel) {
  std::vector<HeldNotice> held;
  for (const auto& row : tx_.exec_prepared(sql::kTakeHeld.name, personal_code, day, channel)) {
    held.push_back(HeldNotice{row["id"].as<std::string>(), row["address"].as<std::string>(),
                              row["language"].as<std::string>(), row["kind"].as<std::string>(),
                              row["parameters"].as<std::string>()});
  }
  return held;
}

void DeliveryRepository::AddDigest(const std::string& id, const std::string& day,
                                   const std::string& personal_code, const std::string& channel,
                                   const std::string& address, const std::string& language,
                                   const std::string& subject, const std::string& body,
                                   const std::string& message_id) {
  tx_.exec_prepared(sql::kInsertDigest.name, id, day, personal_code, channel, address, language, subject,
                    body, message_id);
}

void DeliveryRepository::MarkDigested(const std::vector<std::string>& ids, const std::string& digest_id) {
  tx_.exec_prepared(sql::kMarkDigested.name, UuidArray(ids), digest_id);
}

std::vector<DeliveryRow> DeliveryRepository::Page(const std::string& state,
                                                  const std::optional<NoticeCursor>& after, int limit) {
  std::vector<DeliveryRow> page;
  auto rows = tx_.exec_prepared(sql::kListDeliveries.name, state, after ? after->created_at.c_str() : nullptr,
                                after ? after->id.c_str() : nullptr, limit);
  for (const auto& row : rows) {
    DeliveryRow d;
    d.id = row["id"].as<std::string>();
    d.notice_id = db::OptionalText(row["notice_id"]);
    d.channel = row["channel"].as<std::string>();
    d.state = row["state"].as<std::string>();
    d.attempts = row["attempts"].as<int>();
    d.last_result = db::OptionalText(row["last_result"]);
    if (!row["last_reply_code"].is_null()) {
      d.last_reply_code = row["last_reply_code"].as<int>();
    }
    d.created_at = row["created_at"].as<std::string>();
    d.next_attempt_at = row["next_attempt_at"].as<std::string>();
    d.position = NoticeCursor{row["cursor_created_at"].as<std::string>(), d.id};
    page.push_back(std::move(d));
  }
  return page;
}

bool DeliveryRepository::RetryDead(const std::string& id, const std::string& now) {
  return !tx_.exec_prepared(sql::kRetryDead.name, id, now).empty();
}

bool DeliveryRepository::Exists(const std::string& id) {
  return !tx_.exec_prepared(sql::kDeliveryExists.name, id).empty();
}

}  // namespace kutse::notification
