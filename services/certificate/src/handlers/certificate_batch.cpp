#include "handlers/certificate_batch.hpp"

#include "domain/certificate_draft.hpp"
#include "handlers/issuing.hpp"
#include "handlers/row_list.hpp"
#include "kutse/db/migrations.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

http::Response RecordCertificateBatch(db::Pool& pool, http::Request& request) {
  const auth::Identity& clerk = RequireIssuingClerk(request);
  const std::string& body_id = request.PathParam("bodyId");
  nlohmann::json body = request.JsonBody();
  // Every row is checked before anything is written, so the whole batch is judged at once.
  auto drafts = ParseRowList<CertificateDraft>(body, ParseCertificateDraft);
  auto key = IdempotencyKeyOf(request);
  const std::string request_hash = db::Sha256Hex(body_id + "\nbatch\n" + request.body);
  nlohmann::json answer = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    return Idempotently(repository, clerk, key, request_hash, [&] {
      nlohmann::json certificates = nlohmann::json::array();
      for (const auto& certificate : ResolveDrafts(work, drafts, body_id, true)) {
        certificates.push_back(StaffView(IssueOne(repository, work, certificate, clerk, request.request_id)));
      }
      return nlohmann::json{{"count", certificates.size()}, {"certificates", certificates}};
    });
  });
  return http::Response::Json(201, answer);
}

}  // namespace kutse::certificate
