#include "handlers/awarding_bodies.hpp"

#include "db/reference_repository.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListAwardingBodies(db::Pool& pool, http::Request&) {
  auto bodies =
      pool.Read([](pqxx::nontransaction& read) { return ReferenceRepository(read).ActiveBodies(); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& body : bodies) {
    items.push_back(ToJson(body));
  }
  return http::Response::Json(200, {{"items", items}});
}

http::Response GetAwardingBody(db::Pool& pool, http::Request& request) {
  const std::string& code = request.PathParam("registryCode");
  std::optional<AwardingBody> body;
  if (common::IsRegistryCode(code)) {
    body = pool.Read([&](pqxx::nontransaction& read) { return ReferenceRepository(read).FindBody(code); });
  }
  if (!body || !body->active) {
    throw http::HttpError(404, "not_found", "There is no active awarding body with this registry code.");
  }
  return http::Response::Json(200, ToJson(*body));
}

http::Response SaveAwardingBody(db::Pool& pool, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  const std::string& code = request.PathParam("registryCode");
  if (!common::IsRegistryCode(code)) {
    throw http::HttpError(http::Problem{422,
                                        "validation_failed",
                                        "The registry code is not acceptable.",
                                        {{"/registry_code", "must be the body's 8-digit registry code"}}});
  }
  auto parsed = ParseAwardingBody(code, request.JsonBody());
  if (auto* errors = std::get_if<FieldErrors>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const auto& body = std::get<AwardingBody>(parsed);
  auto [created, saved] = pool.Transaction([&](pqxx::work& work) {
    ReferenceRepository reference(work);
    std::vector<std::string> codes;
    for (const auto& right : body.rights) {
      codes.push_back(right.standard_code);
    }
    auto standards = reference.StandardsByCodes(codes);
    FieldErrors errors;
    for (size_t i = 0; i < body.rights.size(); ++i) {
      if (standards.count(body.rights[i].standard_code) == 0) {
        errors.push_back(
            {"/rights/" + std::to_string(i) + "/standard_code", "is not an occupational standard"});
      }
    }
    if (!errors.empty()) {
      throw http::HttpError(
          http::Problem{422, "validation_failed", "Some rights name unknown standards.", errors});
    }
    bool was_created = reference.SaveBody(body, admin.Subject());
    return std::make_pair(was_created, *reference.FindBody(code));
  });
  common::log::Info("awarding body saved",
                    {{"registry_code", code}, {"created", created}, {"rights", body.rights.size()}});
  return http::Response::Json(created ? 201 : 200, ToJson(saved));
}

}  // namespace kutse::certificate
