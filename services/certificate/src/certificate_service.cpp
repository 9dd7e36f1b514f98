#include "certificate_service.hpp"

#include "db/sql.hpp"
#include "handlers/certificate_record.hpp"
#include "handlers/register_status.hpp"

namespace kutse::certificate {

void Configure(runtime::ServiceRuntime& runtime) {
  runtime.SetStatements(sql::Statements());
  runtime.EnableOutboxRelay();
  db::Pool& pool = runtime.Database();
  runtime.Router().Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates",
      [&pool](http::Request& request) { return RecordCertificate(pool, request); },
      http::RouteOptions{64 * 1024, true});
  runtime.Router().Add("GET", "/api/v1/public/status", RegisterStatus);
}

}  // namespace kutse::certificate
