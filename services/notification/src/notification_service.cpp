#include "notification_service.hpp"

#include "db/sql.hpp"
#include "events/certificate_issued_handler.hpp"
#include "events/certificate_status_changed_handler.hpp"
#include "handlers/notifications_list.hpp"

namespace kutse::notification {

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  runtime.SetStatements(sql::Statements());
  db::Pool& pool = runtime.Database();
  runtime.Consumer().On(kCertificateIssuedV1, OnCertificateIssued);
  runtime.Consumer().On(kCertificateStatusChangedV1, OnCertificateStatusChanged);
  runtime.Router().Add("GET", "/api/v1/me/notifications",
                       [&pool](http::Request& request) { return ListMyNotifications(pool, request); });
}

}  // namespace kutse::notification
