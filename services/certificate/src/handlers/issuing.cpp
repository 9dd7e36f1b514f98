#include "handlers/issuing.hpp"

#include "events/certificate_issued.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

const auth::Identity& RequireIssuingClerk(const http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!common::IsRegistryCode(body_id)) {
    throw http::HttpError(404, "not_found", "There is no awarding body with this registry code.");
  }
  if (!caller.IsClerkOf(body_id)) {
    throw http::HttpError(403, "forbidden",
                          "Only a clerk of this awarding body can record its certificates.");
  }
  return caller;
}

std::optional<std::string> IdempotencyKeyOf(const http::Request& request) {
  auto key = request.Header("idempotency-key");
  if (key && (key->empty() || key->size() > 200)) {
    throw http::HttpError(400, "bad_request", "Idempotency-Key must be 1 to 200 characters.");
  }
  return key;
}

CertificateRecord IssueOne(CertificateRepository& repository, pqxx::work& work, const CertificateDraft& draft,
                           const std::string& body_id, const auth::Identity& clerk,
                           const std::string& correlation_id) {
  CertificateRecord record = repository.Insert(draft, body_id, clerk.Subject());
  bus::EnqueueEvent(work, "certificate", CertificateIssuedEvent(StaffView(record), correlation_id));
  repository.LogAccess(record, clerk, "issuing");
  return record;
}

nlohmann::json Idempotently(CertificateRepository& repository, const auth::Identity& caller,
                            const std::optional<std::string>& key, const std::string& request_hash,
                            const std::function<nlohmann::json()>& produce) {
  if (key && !repository.ClaimIdempotencyKey(caller.Subject(), *key, request_hash)) {
    auto stored = repository.FindIdempotentResponse(caller.Subject(), *key);
    if (!stored || stored->request_hash != request_hash) {
      throw http::HttpError(409, "conflict",
                            "This Idempotency-Key was already used for a different request.");
    }
    return stored->body;
  }
  nlohmann::json answer = produce();
  if (key) {
    repository.SaveIdempotentResponse(caller.Subject(), *key, answer);
  }
  return answer;
}

}  // namespace kutse::certificate
