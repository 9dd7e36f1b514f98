#include "notification_service.hpp"

#include "db/sql.hpp"
#include "domain/notice_text.hpp"
#include "events/notice_mappings.hpp"
#include "handlers/notifications_list.hpp"
#include "handlers/notifications_read.hpp"

namespace kutse::notification {

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  Templates();  // a wrong template stops the start, naming its file, rather than a holder's read
  runtime.SetStatements(sql::Statements());
  db::Pool& pool = runtime.Database();
  for (const NoticeMapping& mapping : NoticeMappings()) {
    runtime.Consumer().On(mapping.event_type, [&mapping](pqxx::work& work, const bus::CloudEvent& event) {
      return AddNoticeFor(mapping, work, event);
    });
  }
  runtime.Router().Add("GET", "/api/v1/me/notifications",
                       [&pool](http::Request& request) { return ListMyNotifications(pool, request); });
  runtime.Router().Add("GET", "/api/v1/me/notifications/unread-count",
                       [&pool](http::Request& request) { return CountMyUnreadNotifications(pool, request); });
  runtime.Router().Add(
      "POST", "/api/v1/me/notifications/read-all",
      [&pool](http::Request& request) { return MarkAllMyNotificationsRead(pool, request); },
      http::RouteOptions{1024, true});
  runtime.Router().Add("POST", "/api/v1/me/notifications/{noticeId}/read",
                       [&pool](http::Request& request) { return MarkMyNotificationRead(pool, request); });
}

}  // namespace kutse::notification
