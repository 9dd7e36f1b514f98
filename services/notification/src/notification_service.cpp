#include "notification_service.hpp"

#include <memory>

#include "db/mail_sql.hpp"
#include "db/sql.hpp"
#include "domain/notice_text.hpp"
#include "events/notice_mappings.hpp"
#include "handlers/admin_deliveries.hpp"
#include "handlers/my_notification_settings.hpp"
#include "handlers/notifications_list.hpp"
#include "handlers/notifications_read.hpp"
#include "jobs/mail_worker.hpp"
#include "notification_settings.hpp"

namespace kutse::notification {

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  Templates();  // a wrong template stops the start, naming its file, rather than a holder's read
  // Read once; the consumer, the worker and the handlers each keep a copy.
  const NotificationSettings settings = NotificationSettings::Read(runtime.Environment());
  const common::Clock& clock = common::SystemClock::Instance();
  db::Statements statements = sql::Statements();
  for (const auto& statement : sql::MailStatements()) {
    statements.push_back(statement);
  }
  runtime.SetStatements(statements);
  db::Pool& pool = runtime.Database();
  for (const NoticeMapping& mapping : NoticeMappings()) {
    runtime.Consumer().On(mapping.event_type,
                          [&mapping, &clock, settings](pqxx::work& work, const bus::CloudEvent& event) {
                            return AddNoticeFor(mapping, work, event, settings, clock);
                          });
  }
  if (settings.smtp) {
    auto worker = std::make_shared<MailWorker>(pool, settings, clock);
    runtime.AddBackgroundJob([worker] { worker->Start(); }, [worker] { worker->Stop(); });
  }
  auto context = std::make_shared<MailContext>(MailContext{pool, settings, clock});

  http::Router& router = runtime.Router();
  router.Add("GET", "/api/v1/me/notifications",
             [&pool](http::Request& request) { return ListMyNotifications(pool, request); });
  router.Add("GET", "/api/v1/me/notifications/unread-count",
             [&pool](http::Request& request) { return CountMyUnreadNotifications(pool, request); });
  router.Add(
      "POST", "/api/v1/me/notifications/read-all",
      [&pool](http::Request& request) { return MarkAllMyNotificationsRead(pool, request); },
      http::RouteOptions{1024, true});
  router.Add("POST", "/api/v1/me/notifications/{noticeId}/read",
             [&pool](http::Request& request) { return MarkMyNotificationRead(pool, request); });
  const http::RouteOptions small_json{2048, true};
  router.Add("GET", "/api/v1/me/notification-settings",
             [context](http::Request& request) { return GetMyNotificationSettings(*context, request); });
  router.Add(
      "PUT", "/api/v1/me/notification-settings",
      [context](http::Request& request) { return PutMyNotificationSettings(*context, request); }, small_json);
  router.Add(
      "POST", "/api/v1/me/notification-settings/email-confirmation",
      [context](http::Request& request) { return ConfirmMyEmail(*context, request); }, small_json);
  router.Add("GET", "/api/v1/admin/notification-deliveries",
             [context](http::Request& request) { return ListNotificationDeliveries(*context, request); });
  router.Add("POST", "/api/v1/admin/notification-deliveries/{deliveryId}/retry",
             [context](http::Request& request) { return RetryNotificationDelivery(*context, request); });
  router.Add(
      "POST", "/api/v1/admin/notification-digests",
      [context](http::Request& request) { return MakeNotificationDigests(*context, request); }, small_json);
}

}  // namespace kutse::notification
