#include "db/notice_repository.hpp"

#include "db/sql.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::notification {

void InsertNotice(pqxx::work& work, const NewNotice& notice) {
  work.exec_prepared(sql::kInsertNotice, common::NewUuid(), notice.holder_personal_code, notice.kind,
                     notice.parameters.dump(), db::NullableParam(notice.certificate_number),
                     notice.source_event_id);
}

std::vector<StoredNotice> ListNotices(pqxx::nontransaction& read, const std::string& holder_personal_code,
                                      const std::optional<NoticeCursor>& after, int limit) {
  auto rows =
      read.exec_prepared(sql::kListNotices, holder_personal_code, after ? after->created_at.c_str() : nullptr,
                         after ? after->id.c_str() : nullptr, limit);
  std::vector<StoredNotice> notices;
  for (const auto& row : rows) {
    StoredNotice notice;
    notice.id = row[0].as<std::string>();
    notice.kind = row[1].as<std::string>();
    notice.parameters = nlohmann::json::parse(row[2].as<std::string>());
    if (!row[3].is_null()) {
      notice.certificate_number = row[3].as<std::string>();
    }
    notice.created_at = row[4].as<std::string>();
    notice.position = NoticeCursor{row[5].as<std::string>(), notice.id};
    notice.read = row[6].as<bool>();
    notices.push_back(std::move(notice));
  }
  return notices;
}

}  // namespace kutse::notification
