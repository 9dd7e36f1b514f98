#include "app/mark_notice_read.hpp"

#include "db/notice_repository.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::notification::app {

common::Status MarkNoticeRead(pqxx::work& work, const std::string& holder_personal_code,
                              const std::string& id) {
  // Not a uuid: no notice has that id, and the database would refuse the cast.
  if (!common::IsUuid(id) || !NoticeRepository(work).MarkRead(holder_personal_code, id)) {
    return common::NotFound(common::Msg("notice.not_found"));
  }
  return common::OkStatus();
}

}  // namespace kutse::notification::app
