#include "db/certificate_repository.hpp"

#include "db/sql.hpp"

namespace kutse::certificate {

nlohmann::json CertificateRepository::Insert(const CertificateDraft& draft, const std::string& body_id,
                                             const std::string& issued_by) {
  std::string valid_until = draft.valid_until ? draft.valid_until->ToString() : std::string();
  auto row = work_.exec_prepared1(sql::kInsertCertificate, draft.holder_personal_code, draft.holder_name,
                                  draft.standard_name, draft.level, body_id, draft.valid_from.ToString(),
                                  draft.valid_until ? valid_until.c_str() : nullptr, issued_by);
  return {
      {"number", row[0].as<std::string>()},
      {"holder_personal_code", draft.holder_personal_code},
      {"holder_name", draft.holder_name},
      {"standard_name", draft.standard_name},
      {"level", draft.level},
      {"awarding_body_id", body_id},
      {"valid_from", draft.valid_from.ToString()},
      {"valid_until", draft.valid_until ? nlohmann::json(valid_until) : nlohmann::json(nullptr)},
      {"status", "valid"},
      {"issued_at", row[1].as<std::string>()},
  };
}

bool CertificateRepository::ClaimIdempotencyKey(const std::string& caller, const std::string& key,
                                                const std::string& request_hash) {
  return work_.exec_prepared(sql::kClaimIdempotencyKey, caller, key, request_hash).affected_rows() == 1;
}

std::optional<StoredResponse> CertificateRepository::FindIdempotentResponse(const std::string& caller,
                                                                            const std::string& key) {
  auto rows = work_.exec_prepared(sql::kFindIdempotentResponse, caller, key);
  if (rows.empty() || rows[0][1].is_null()) {
    return std::nullopt;
  }
  return StoredResponse{rows[0][0].as<std::string>(), nlohmann::json::parse(rows[0][1].as<std::string>())};
}

void CertificateRepository::SaveIdempotentResponse(const std::string& caller, const std::string& key,
                                                   const nlohmann::json& body) {
  work_.exec_prepared(sql::kSaveIdempotentResponse, caller, key, body.dump());
}

}  // namespace kutse::certificate
