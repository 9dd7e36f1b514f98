#include "handlers/my_certificates.hpp"

#include "app/read_certificates.hpp"
#include "app/set_publication.hpp"
#include "domain/holder_view_rules.hpp"
#include "dto/certificate_requests.hpp"
#include "dto/certificate_views.hpp"
#include "dto/open_requests_view.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListMyCertificates(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  auto list =
      context.pool.Read([&](pqxx::nontransaction& read) { return app::MyCertificates(read, holder); });
  nlohmann::json groups = {{"valid", nlohmann::json::array()},
                           {"no_longer_valid", nlohmann::json::array()},
                           {"duplicates", nlohmann::json::array()}};
  for (const auto& certificate : list.certificates) {
    const char* group = GroupOf(certificate) == HolderGroup::kValid           ? "valid"
                        : GroupOf(certificate) == HolderGroup::kNoLongerValid ? "no_longer_valid"
                                                                              : "duplicates";
    nlohmann::json view = dto::HolderView(certificate);
    view["open_requests"] = dto::OpenRequestsView(list.open_requests, certificate.number);
    groups[group].push_back(std::move(view));
  }
  return http::Response::Json(200, groups);
}

http::Response SetMyPublication(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::PublicationChange change{request.PathParam("number"),
                                common::ValueOrThrow(dto::ParsePublication(request.JsonBody()))};
  Certificate updated = common::ValueOrThrow(
      context.pool.Transaction([&](pqxx::work& work) { return app::SetPublication(work, holder, change); }));
  return http::Response::Json(200, dto::HolderView(updated));
}

}  // namespace kutse::certificate
