// Storing and reading in-app notices, inside a caller's transaction or read.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/notice_cursor.hpp"

namespace kutse::notification {

struct NewNotice {
  std::string holder_personal_code;
  std::string kind;
  nlohmann::json parameters;
  std::optional<std::string> certificate_number;
  std::optional<std::string> request_id;  // a uuid: the holder's request the notice is about
  std::string source_event_id;
};

struct StoredNotice {
  std::string id;
  std::string kind;
  nlohmann::json parameters;
  std::optional<std::string> certificate_number;
  std::optional<std::string> request_id;
  std::string created_at;
  NoticeCursor position;
  bool read = false;
};

class NoticeRepository {
 public:
  explicit NoticeRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // The new notice's id; nullopt (nothing added) when that event already gave a notice of that kind.
  std::optional<std::string> Add(const NewNotice& notice);
  // The holder's notices, newest first, those after `after` only.
  std::vector<StoredNotice> Page(const std::string& holder_personal_code,
                                 const std::optional<NoticeCursor>& after, int limit, bool unread_only);
  long long UnreadCount(const std::string& holder_personal_code);
  // False when the holder has no notice with this id (a uuid).
  bool MarkRead(const std::string& holder_personal_code, const std::string& id);
  // How many were marked; nullopt when the holder has no notice `up_to` (a uuid).
  std::optional<long long> MarkReadUpTo(const std::string& holder_personal_code, const std::string& up_to);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::notification
