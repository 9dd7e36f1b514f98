#include "handlers/certificate_record.hpp"

#include "domain/certificate_draft.hpp"
#include "handlers/issuing.hpp"
#include "kutse/db/migrations.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

http::Response RecordCertificate(db::Pool& pool, http::Request& request) {
  const auth::Identity& clerk = RequireIssuingClerk(request);
  const std::string& body_id = request.PathParam("bodyId");
  auto parsed = ParseCertificateDraft(request.JsonBody());
  if (auto* errors = std::get_if<std::vector<http::FieldError>>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const CertificateDraft& draft = std::get<CertificateDraft>(parsed);
  auto key = IdempotencyKeyOf(request);
  const std::string request_hash = db::Sha256Hex(body_id + "\n" + request.body);
  nlohmann::json certificate = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    return Idempotently(repository, clerk, key, request_hash, [&] {
      return StaffView(IssueOne(repository, work, draft, body_id, clerk, request.request_id));
    });
  });
  return http::Response::Json(201, certificate);
}

}  // namespace kutse::certificate
