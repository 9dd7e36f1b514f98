#include "handlers/awarding_bodies.hpp"

#include "app/reference_data.hpp"
#include "dto/awarding_body_json.hpp"
#include "kutse/common/log.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListAwardingBodies(const HandlerContext& context, http::Request&) {
  auto bodies = context.pool.Read([](pqxx::nontransaction& read) { return app::ActiveBodies(read); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& body : bodies) {
    items.push_back(dto::AwardingBodyJson(body));
  }
  return http::Response::Json(200, {{"items", items}});
}

http::Response GetAwardingBody(const HandlerContext& context, http::Request& request) {
  const std::string& code = request.PathParam("registryCode");
  auto body = common::ValueOrThrow(
      context.pool.Read([&](pqxx::nontransaction& read) { return app::ActiveBody(read, code); }));
  return http::Response::Json(200, dto::AwardingBodyJson(body));
}

http::Response SaveAwardingBody(const HandlerContext& context, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  const std::string& code = request.PathParam("registryCode");
  auto body = common::ValueOrThrow(dto::ParseAwardingBody(code, request.JsonBody()));
  auto saved = common::ValueOrThrow(
      context.pool.Transaction([&](pqxx::work& work) { return app::SaveAwardingBody(work, admin, body); }));
  common::log::Info("awarding body saved",
                    {{"registry_code", code}, {"created", saved.created}, {"rights", body.rights.size()}});
  return http::Response::Json(saved.created ? 201 : 200, dto::AwardingBodyJson(saved.value));
}

}  // namespace kutse::certificate
