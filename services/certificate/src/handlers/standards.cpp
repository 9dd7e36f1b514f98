#include "handlers/standards.hpp"

#include "app/reference_data.hpp"
#include "dto/standard_json.hpp"
#include "kutse/common/log.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListStandards(const HandlerContext& context, http::Request&) {
  auto standards = context.pool.Read([](pqxx::nontransaction& read) { return app::StandardsInUse(read); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& standard : standards) {
    items.push_back(dto::StandardJson(standard));
  }
  return http::Response::Json(200, {{"items", items}});
}

http::Response GetStandard(const HandlerContext& context, http::Request& request) {
  const std::string& code = request.PathParam("code");
  auto standard = common::ValueOrThrow(
      context.pool.Read([&](pqxx::nontransaction& read) { return app::StandardInUse(read, code); }));
  return http::Response::Json(200, dto::StandardJson(standard));
}

http::Response SaveStandard(const HandlerContext& context, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  const std::string& code = request.PathParam("code");
  auto standard = common::ValueOrThrow(dto::ParseOccupationalStandard(code, request.JsonBody()));
  auto saved = common::ValueOrThrow(
      context.pool.Transaction([&](pqxx::work& work) { return app::SaveStandard(work, admin, standard); }));
  // Who saved it is kept in the row (updated_by); no personal code at info level.
  common::log::Info("occupational standard saved", {{"standard_code", code}, {"created", saved.created}});
  return http::Response::Json(saved.created ? 201 : 200, dto::StandardJson(saved.value));
}

}  // namespace kutse::certificate
