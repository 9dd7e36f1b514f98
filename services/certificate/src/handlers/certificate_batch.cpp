#include "handlers/certificate_batch.hpp"

#include "domain/certificate_draft.hpp"
#include "domain/field_checks.hpp"
#include "handlers/issuing.hpp"
#include "kutse/db/migrations.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

http::Response RecordCertificateBatch(db::Pool& pool, http::Request& request) {
  const auth::Identity& clerk = RequireIssuingClerk(request);
  const std::string& body_id = request.PathParam("bodyId");
  nlohmann::json body = request.JsonBody();
  std::vector<http::FieldError> errors = UnknownFields(body, {"certificates"});
  if (!body.contains("certificates") || !body["certificates"].is_array() || body["certificates"].empty() ||
      body["certificates"].size() > kMaxBatchSize) {
    errors.push_back({"/certificates", "must list 1 to 10000 certificates"});
    throw http::HttpError(http::Problem{422, "validation_failed", "The batch is not acceptable.", errors});
  }
  // Every row is checked before anything is written, so the whole batch is judged at once.
  std::vector<CertificateDraft> drafts;
  drafts.reserve(body["certificates"].size());
  for (size_t row = 0; row < body["certificates"].size(); ++row) {
    const std::string prefix = "/certificates/" + std::to_string(row);
    const auto& item = body["certificates"][row];
    if (!item.is_object()) {
      errors.push_back({prefix, "must be an object"});
      continue;
    }
    auto parsed = ParseCertificateDraft(item);
    if (auto* row_errors = std::get_if<std::vector<http::FieldError>>(&parsed)) {
      for (const auto& error : *row_errors) {
        errors.push_back({prefix + error.pointer, error.detail});
      }
    } else {
      drafts.push_back(std::get<CertificateDraft>(parsed));
    }
  }
  if (!errors.empty()) {
    throw http::HttpError(http::Problem{422, "validation_failed",
                                        "The batch was refused as a whole: " + std::to_string(errors.size()) +
                                            " error(s); nothing was recorded.",
                                        errors});
  }
  auto key = IdempotencyKeyOf(request);
  const std::string request_hash = db::Sha256Hex(body_id + "\nbatch\n" + request.body);
  nlohmann::json answer = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    return Idempotently(repository, clerk, key, request_hash, [&] {
      nlohmann::json certificates = nlohmann::json::array();
      for (const auto& draft : drafts) {
        certificates.push_back(
            StaffView(IssueOne(repository, work, draft, body_id, clerk, request.request_id)));
      }
      return nlohmann::json{{"count", certificates.size()}, {"certificates", certificates}};
    });
  });
  return http::Response::Json(201, answer);
}

}  // namespace kutse::certificate
