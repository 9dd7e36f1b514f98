#include "handlers/data_access_log.hpp"

#include <limits>

#include "db/certificate_repository.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListMyDataAccess(db::Pool& pool, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  int limit = http::PageSize(request, 20);
  std::optional<long long> before;
  if (auto cursor = request.QueryParam("cursor")) {
    before = http::ParsePositive(*cursor, std::numeric_limits<long long>::max());
    if (!before) {
      throw http::BadQuery("/cursor", "unknown cursor");
    }
  }
  nlohmann::json items = pool.Read([&](pqxx::nontransaction& read) {
    return CertificateRepository(read).AccessLog(holder.personal_code, before, limit + 1);
  });
  nlohmann::json next = nullptr;
  if (static_cast<int>(items.size()) > limit) {
    items.erase(items.end() - 1);
    next = std::to_string(items.back()["id"].get<long long>());
  }
  return http::Response::Json(200, {{"items", items}, {"next_cursor", next}});
}

}  // namespace kutse::certificate
