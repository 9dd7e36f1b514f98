#include "handlers/issuing.hpp"

#include "db/reference_repository.hpp"
#include "domain/issuing_rules.hpp"
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

const auth::Identity& RequireBodyStaff(const http::Request& request, const std::string& refusal) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!caller.IsPerson() || !(caller.IsClerkOf(body_id) || caller.IsAdmin())) {
    throw http::HttpError(403, "forbidden", refusal);
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

std::vector<NewCertificate> ResolveDrafts(pqxx::work& work, const RowList<CertificateDraft>& drafts,
                                          const std::string& body_id, bool as_batch) {
  ReferenceRepository reference(work);
  reference.LockBody(body_id);
  auto body = reference.FindBody(body_id);
  std::vector<std::string> codes;
  for (const auto& [row, draft] : drafts.rows) {
    codes.push_back(draft.standard_code);
  }
  auto standards = reference.StandardsByCodes(codes);
  const common::Date today = reference.RegisterToday();
  std::vector<NewCertificate> resolved;
  resolved.reserve(drafts.rows.size());
  FieldErrors errors = drafts.errors;
  for (const auto& [row, draft] : drafts.rows) {
    auto standard = standards.find(draft.standard_code);
    auto result = ApplyIssuingRules(draft, standard == standards.end() ? nullptr : &standard->second,
                                    body ? &*body : nullptr, today);
    if (auto* row_errors = std::get_if<FieldErrors>(&result)) {
      AddPrefixed(errors, as_batch ? RowPointer(row) : "", *row_errors);
    } else {
      resolved.push_back(std::move(std::get<NewCertificate>(result)));
    }
  }
  if (!as_batch && !errors.empty()) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "The awarding body may not issue this certificate.", errors});
  }
  RefuseRowsIfAny(errors);
  return resolved;
}

CertificateRecord IssueOne(CertificateRepository& repository, pqxx::work& work,
                           const NewCertificate& certificate, const auth::Identity& clerk,
                           const std::string& correlation_id) {
  CertificateRecord record = repository.Insert(certificate, clerk.Subject());
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
