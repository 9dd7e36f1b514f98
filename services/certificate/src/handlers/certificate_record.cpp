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
  if (auto* errors = std::get_if<FieldErrors>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const CertificateDraft& draft = std::get<CertificateDraft>(parsed);
  auto key = IdempotencyKeyOf(request);
  const std::string request_hash = db::Sha256Hex(body_id + "\n" + request.body);
  nlohmann::json certificate = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    return Idempotently(repository, clerk, key, request_hash, [&] {
      RowList<CertificateDraft> one;
      one.rows.emplace_back(0, draft);
      auto certificates = ResolveDrafts(work, one, body_id, false);
      return StaffView(IssueOne(repository, work, certificates.front(), clerk, request.request_id));
    });
  });
  return http::Response::Json(201, certificate);
}

}  // namespace kutse::certificate
