// The deliveries of the mail channels and their attempts, inside a caller's transaction.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/notice_cursor.hpp"

namespace kutse::notification {

struct NewDelivery {
  std::optional<std::string> notice_id;
  std::optional<std::string> digest_day;  // YYYY-MM-DD: held for that day's digest
  std::string personal_code;
  std::string channel;  // state_portal | email
  std::string address;
  std::string language;
  std::string subject;
  std::string body;
  std::string message_id;
  std::string state;   // pending | held
  std::string due_at;  // ISO 8601
};

struct DueDelivery {
  std::string id;
  std::string address;
  std::string subject;
  std::string body;
  std::string message_id;
  int attempts = 0;
  int retry_from = 0;
};

struct HeldNotice {
  std::string delivery_id;
  std::string address;
  std::string language;
  std::string kind;
  std::string parameters;  // JSON
};

struct DeliveryRow {
  std::string id;
  std::optional<std::string> notice_id;
  std::string channel;
  std::string state;
  int attempts = 0;
  std::optional<std::string> last_result;
  std::optional<int> last_reply_code;
  std::string created_at;
  std::string next_attempt_at;
  NoticeCursor position;
};

class DeliveryRepository {
 public:
  explicit DeliveryRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // Nothing is added when the notice has a delivery on that channel already.
  void Add(const std::string& id, const NewDelivery& delivery);
  void AddConfirmation(const std::string& id, const std::string& personal_code, const std::string& address,
                       const std::string& language, const std::string& subject, const std::string& body,
                       const std::string& message_id);
  // One pending message due at `now`, locked until the transaction ends; nullopt when none is.
  std::optional<DueDelivery> ClaimDue(const std::string& now);
  void RecordAttempt(const std::string& id, int attempt, const std::string& at, const std::string& result,
                     long reply_code);
  void Finish(const std::string& id, const std::string& state, int attempts, const std::string& result,
              long reply_code, const std::optional<std::string>& next_attempt_at, const std::string& now);

  // (personal code, day) of the digests due up to `day`.
  std::vector<std::pair<std::string, std::string>> DueDigests(const std::string& day, int limit);
  std::vector<HeldNotice> TakeHeld(const std::string& personal_code, const std::string& day,
                                   const std::string& channel);
  void AddDigest(const std::string& id, const std::string& day, const std::string& personal_code,
                 const std::string& channel, const std::string& address, const std::string& language,
                 const std::string& subject, const std::string& body, const std::string& message_id);
  void MarkDigested(const std::vector<std::string>& ids, const std::string& digest_id);

  std::vector<DeliveryRow> Page(const std::string& state, const std::optional<NoticeCursor>& after,
                                int limit);
  // False when there is no dead delivery with this id.
  bool RetryDead(const std::string& id, const std::string& now);
  bool Exists(const std::string& id);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::notification
