#include "handlers/data_access_log.hpp"

#include <limits>

#include "db/certificate_repository.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {
namespace {

std::optional<long long> PositiveNumber(const std::string& text, long long max) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  long long value = std::stoll(text);
  return value >= 1 && value <= max ? std::optional<long long>(value) : std::nullopt;
}

http::HttpError BadQuery(const std::string& pointer, const std::string& detail) {
  return http::HttpError(
      http::Problem{400, "bad_request", "A query parameter is not valid.", {{pointer, detail}}});
}

}  // namespace

http::Response ListMyDataAccess(db::Pool& pool, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  int limit = 20;
  if (auto text = request.QueryParam("limit")) {
    auto value = PositiveNumber(*text, 100);
    if (!value) {
      throw BadQuery("/limit", "must be 1 to 100");
    }
    limit = static_cast<int>(*value);
  }
  std::optional<long long> before;
  if (auto cursor = request.QueryParam("cursor")) {
    before = PositiveNumber(*cursor, std::numeric_limits<long long>::max());
    if (!before) {
      throw BadQuery("/cursor", "unknown cursor");
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
