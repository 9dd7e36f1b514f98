#include "db/notice_repository.hpp"

#include "db/sql.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::notification {

std::optional<std::string> NoticeRepository::Add(const NewNotice& notice) {
  auto rows =
      tx_.exec_prepared(sql::kInsertNotice.name, common::NewUuid(), notice.holder_personal_code, notice.kind,
                        notice.parameters.dump(), db::NullableParam(notice.certificate_number),
                        notice.source_event_id, db::NullableParam(notice.request_id));
  if (rows.empty()) {
    return std::nullopt;
  }
  return rows[0]["id"].as<std::string>();
}

std::vector<StoredNotice> NoticeRepository::Page(const std::string& holder_personal_code,
                                                 const std::optional<NoticeCursor>& after, int limit,
                                                 bool unread_only) {
  auto rows = tx_.exec_prepared(sql::kListNotices.name, holder_personal_code,
                                after ? after->created_at.c_str() : nullptr,
                                after ? after->id.c_str() : nullptr, limit, unread_only);
  std::vector<StoredNotice> notices;
  for (const auto& row : rows) {
    StoredNotice notice;
    notice.id = row["id"].as<std::string>();
    notice.kind = row["kind"].as<std::string>();
    notice.parameters = nlohmann::json::parse(row["parameters"].as<std::string>());
    notice.certificate_number = db::OptionalText(row["certificate_number"]);
    notice.request_id = db::OptionalText(row["request_id"]);
    notice.created_at = row["created_at"].as<std::string>();
    notice.position = NoticeCursor{row["cursor_created_at"].as<std::string>(), notice.id};
    notice.read = row["read"].as<bool>();
    notices.push_back(std::move(notice));
  }
  return notices;
}

long long NoticeRepository::UnreadCount(const std::string& holder_personal_code) {
  return tx_.exec_prepared1(sql::kCountUnread.name, holder_personal_code)["unread"].as<long long>();
}

bool NoticeRepository::MarkRead(const std::string& holder_personal_code, const std::string& id) {
  return !tx_.exec_prepared(sql::kMarkRead.name, id, holder_personal_code).empty();
}

std::optional<long long> NoticeRepository::MarkReadUpTo(const std::string& holder_personal_code,
                                                        const std::string& up_to) {
  auto rows = tx_.exec_prepared(sql::kMarkReadUpTo.name, holder_personal_code, up_to);
  if (rows.empty()) {
    return std::nullopt;
  }
  return rows[0]["marked"].as<long long>();
}

}  // namespace kutse::notification
