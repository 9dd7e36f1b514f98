#include "app/mark_all_notices_read.hpp"

#include "db/notice_repository.hpp"

namespace kutse::notification::app {

common::StatusOr<long long> MarkAllNoticesRead(pqxx::work& work, const std::string& holder_personal_code,
                                               const std::string& up_to) {
  auto marked = NoticeRepository(work).MarkReadUpTo(holder_personal_code, up_to);
  if (!marked) {
    return common::NotFound(common::Msg("notice.not_found"));
  }
  return *marked;
}

}  // namespace kutse::notification::app
