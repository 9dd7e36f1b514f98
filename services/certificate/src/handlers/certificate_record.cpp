#include "handlers/certificate_record.hpp"

#include "db/certificate_repository.hpp"
#include "domain/certificate_draft.hpp"
#include "events/certificate_issued.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/db/migrations.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {
namespace {

bool IsBodyId(const std::string& text) {
  return text.size() == 8 && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

http::Response RecordCertificate(db::Pool& pool, http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!IsBodyId(body_id)) {
    throw http::HttpError(404, "not_found", "There is no awarding body with this registry code.");
  }
  if (!caller.IsClerkOf(body_id)) {
    throw http::HttpError(403, "forbidden",
                          "Only a clerk of this awarding body can record its certificates.");
  }
  auto parsed = ParseCertificateDraft(request.JsonBody());
  if (auto* errors = std::get_if<std::vector<http::FieldError>>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const CertificateDraft& draft = std::get<CertificateDraft>(parsed);
  auto key = request.Header("idempotency-key");
  if (key && (key->empty() || key->size() > 200)) {
    throw http::HttpError(400, "bad_request", "Idempotency-Key must be 1 to 200 characters.");
  }
  const std::string request_hash = db::Sha256Hex(body_id + "\n" + request.body);

  nlohmann::json certificate = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    if (key && !repository.ClaimIdempotencyKey(caller.Subject(), *key, request_hash)) {
      auto stored = repository.FindIdempotentResponse(caller.Subject(), *key);
      if (!stored || stored->request_hash != request_hash) {
        throw http::HttpError(409, "conflict",
                              "This Idempotency-Key was already used for a different request.");
      }
      return stored->body;
    }
    nlohmann::json created = StaffView(repository.Insert(draft, body_id, caller.Subject()));
    bus::EnqueueEvent(work, "certificate", CertificateIssuedEvent(created, request.request_id));
    if (key) {
      repository.SaveIdempotentResponse(caller.Subject(), *key, created);
    }
    return created;
  });
  return http::Response::Json(201, certificate);
}

}  // namespace kutse::certificate
