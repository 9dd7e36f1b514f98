// Storing and reading in-app notices.
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
  std::string source_event_id;
};

struct StoredNotice {
  std::string id;
  std::string kind;
  nlohmann::json parameters;
  std::optional<std::string> certificate_number;
  std::string created_at;
  NoticeCursor position;
  bool read = false;
};

void InsertNotice(pqxx::work& work, const NewNotice& notice);
std::vector<StoredNotice> ListNotices(pqxx::nontransaction& read, const std::string& holder_personal_code,
                                      const std::optional<NoticeCursor>& after, int limit);

}  // namespace kutse::notification
