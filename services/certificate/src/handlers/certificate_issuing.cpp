#include "handlers/certificate_issuing.hpp"

#include "app/issue_certificates.hpp"
#include "dto/certificate_draft_parser.hpp"
#include "dto/certificate_views.hpp"
#include "dto/row_list.hpp"
#include "handlers/idempotent_create.hpp"
#include "handlers/staff_access.hpp"

namespace kutse::certificate {

http::Response IssueCertificate(const HandlerContext& context, http::Request& request) {
  const auth::Identity& clerk = RequireIssuingClerk(request);
  app::IssueCertificates input;
  input.body_id = request.PathParam("bodyId");
  input.drafts.rows.emplace_back(0, common::ValueOrThrow(dto::ParseCertificateDraft(request.JsonBody())));
  input.correlation_id = request.request_id;
  nlohmann::json answer = common::ValueOrThrow(CreateOnce(
      context.pool, clerk, ClaimOf(request, ""), [&](pqxx::work& work) -> common::StatusOr<nlohmann::json> {
        auto issued = app::Issue(work, context.clock, clerk, input);
        if (!issued.ok()) {
          return issued.status();
        }
        return dto::StaffView(issued->front());
      }));
  return http::Response::Json(201, answer);
}

http::Response IssueCertificateBatch(const HandlerContext& context, http::Request& request) {
  const auth::Identity& clerk = RequireIssuingClerk(request);
  app::IssueCertificates input;
  input.body_id = request.PathParam("bodyId");
  // Every row is read before anything is written, so the whole batch is judged at once.
  input.drafts = common::ValueOrThrow(
      dto::ParseRowList<CertificateDraft>(request.JsonBody(), dto::ParseCertificateDraft));
  input.as_batch = true;
  input.correlation_id = request.request_id;
  nlohmann::json answer = common::ValueOrThrow(
      CreateOnce(context.pool, clerk, ClaimOf(request, "batch\n"),
                 [&](pqxx::work& work) -> common::StatusOr<nlohmann::json> {
                   auto issued = app::Issue(work, context.clock, clerk, input);
                   if (!issued.ok()) {
                     return issued.status();
                   }
                   nlohmann::json certificates = nlohmann::json::array();
                   for (const auto& certificate : *issued) {
                     certificates.push_back(dto::StaffView(certificate));
                   }
                   return nlohmann::json{{"count", certificates.size()}, {"certificates", certificates}};
                 }));
  return http::Response::Json(201, answer);
}

}  // namespace kutse::certificate
