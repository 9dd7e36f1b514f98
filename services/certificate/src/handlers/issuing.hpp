// What single and batch issuing share: who may issue for a body, the Idempotency-Key, and issuing
// one certificate inside the caller's transaction (row, history, event, access-log entry).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "db/certificate_repository.hpp"
#include "domain/certificate_draft.hpp"
#include "handlers/row_list.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/http/request.hpp"

namespace kutse::certificate {

// The caller when it is a clerk of the body in the path (404 for a malformed body id, 403 otherwise).
const auth::Identity& RequireIssuingClerk(const http::Request& request);
// The caller when it is a clerk of the body in the path or an admin (403 otherwise): who may
// change, print and read a body's certificates.
const auth::Identity& RequireBodyStaff(const http::Request& request, const std::string& refusal);
std::optional<std::string> IdempotencyKeyOf(const http::Request& request);  // 400 when malformed

// Judges every draft against the register's standards and the body's rights on the register's
// date, holding the body's rights still until the transaction ends. Any error refuses them all:
// 422 listing every error (the rows that did not parse included), under "/certificates/<row>"
// when `as_batch`.
std::vector<NewCertificate> ResolveDrafts(pqxx::work& work, const RowList<CertificateDraft>& drafts,
                                          const std::string& body_id, bool as_batch);

// Records one resolved certificate: row, history, "issued" event and the access-log entry.
CertificateRecord IssueOne(CertificateRepository& repository, pqxx::work& work,
                           const NewCertificate& certificate, const auth::Identity& clerk,
                           const std::string& correlation_id);

// Runs `produce` once per (caller, key); a repeat returns the first answer, a different request
// with the same key is 409.
nlohmann::json Idempotently(CertificateRepository& repository, const auth::Identity& caller,
                            const std::optional<std::string>& key, const std::string& request_hash,
                            const std::function<nlohmann::json()>& produce);

}  // namespace kutse::certificate
