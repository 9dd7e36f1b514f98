#include "handlers/notifications_read.hpp"

#include "app/mark_all_notices_read.hpp"
#include "app/mark_notice_read.hpp"
#include "db/notice_repository.hpp"
#include "dto/notice_requests.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::notification {

http::Response CountMyUnreadNotifications(db::Pool& pool, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  long long unread = pool.Read(
      [&](pqxx::nontransaction& read) { return NoticeRepository(read).UnreadCount(caller.personal_code); });
  return http::Response::Json(200, {{"unread", unread}});
}

http::Response MarkMyNotificationRead(db::Pool& pool, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  const std::string& id = request.PathParam("noticeId");
  common::ThrowIfError(pool.Transaction(
      [&](pqxx::work& work) { return app::MarkNoticeRead(work, caller.personal_code, id); }));
  return http::Response::NoContent();
}

http::Response MarkAllMyNotificationsRead(db::Pool& pool, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  std::string up_to = common::ValueOrThrow(dto::ParseReadAll(request.JsonBody()));
  long long marked = common::ValueOrThrow(pool.Transaction(
      [&](pqxx::work& work) { return app::MarkAllNoticesRead(work, caller.personal_code, up_to); }));
  return http::Response::Json(200, {{"marked", marked}});
}

}  // namespace kutse::notification
