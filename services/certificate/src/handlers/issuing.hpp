// What single and batch issuing share: who may issue for a body, the Idempotency-Key, and issuing
// one certificate inside the caller's transaction (row, history, event, access-log entry).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "db/certificate_repository.hpp"
#include "domain/certificate_draft.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/http/request.hpp"

namespace kutse::certificate {

// The caller when it is a clerk of the body in the path (404 for a malformed body id, 403 otherwise).
const auth::Identity& RequireIssuingClerk(const http::Request& request);
std::optional<std::string> IdempotencyKeyOf(const http::Request& request);  // 400 when malformed

CertificateRecord IssueOne(CertificateRepository& repository, pqxx::work& work, const CertificateDraft& draft,
                           const std::string& body_id, const auth::Identity& clerk,
                           const std::string& correlation_id);

// Runs `produce` once per (caller, key); a repeat returns the first answer, a different request
// with the same key is 409.
nlohmann::json Idempotently(CertificateRepository& repository, const auth::Identity& caller,
                            const std::optional<std::string>& key, const std::string& request_hash,
                            const std::function<nlohmann::json()>& produce);

}  // namespace kutse::certificate
