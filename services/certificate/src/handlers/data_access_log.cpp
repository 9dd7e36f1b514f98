#include "handlers/data_access_log.hpp"

#include "app/read_certificates.hpp"
#include "dto/access_log_view.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListMyDataAccess(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  int limit = http::PageSize(request, 20);
  auto before = common::ValueOrThrow(dto::AccessLogCursor(request));
  auto entries = context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::MyDataAccess(read, holder, before, limit + 1); });
  return http::Response::Json(200, dto::AccessLogPage(std::move(entries), limit));
}

}  // namespace kutse::certificate
