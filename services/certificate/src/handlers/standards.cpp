#include "handlers/standards.hpp"

#include "db/reference_repository.hpp"
#include "kutse/common/log.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListStandards(db::Pool& pool, http::Request&) {
  auto standards =
      pool.Read([](pqxx::nontransaction& read) { return ReferenceRepository(read).ActiveStandards(); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& standard : standards) {
    items.push_back(ToJson(standard));
  }
  return http::Response::Json(200, {{"items", items}});
}

http::Response GetStandard(db::Pool& pool, http::Request& request) {
  const std::string& code = request.PathParam("code");
  std::vector<OccupationalStandard> found;
  if (IsStandardCode(code)) {
    found = pool.Read(
        [&](pqxx::nontransaction& read) { return ReferenceRepository(read).ActiveStandards(code); });
  }
  if (found.empty()) {
    throw http::HttpError(404, "not_found", "There is no occupational standard in use with this code.");
  }
  return http::Response::Json(200, ToJson(found.front()));
}

http::Response SaveStandard(db::Pool& pool, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  const std::string& code = request.PathParam("code");
  if (!IsStandardCode(code)) {
    throw http::HttpError(http::Problem{
        422,
        "validation_failed",
        "The standard's code is not acceptable.",
        {{"/code",
          "must be 1 to 40 letters, digits, '.', '_', '/' or '-', starting with a letter or digit"}}});
  }
  auto parsed = ParseOccupationalStandard(code, request.JsonBody());
  if (auto* errors = std::get_if<FieldErrors>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const auto& standard = std::get<OccupationalStandard>(parsed);
  bool created = pool.Transaction(
      [&](pqxx::work& work) { return ReferenceRepository(work).SaveStandard(standard, admin.Subject()); });
  // Who saved it is kept in the row (updated_by); no personal code at info level.
  common::log::Info("occupational standard saved", {{"standard_code", code}, {"created", created}});
  return http::Response::Json(created ? 201 : 200, ToJson(standard));
}

}  // namespace kutse::certificate
