#include "db/certificate_repository.hpp"

#include "db/sql.hpp"

namespace kutse::certificate {
namespace {

const char* OrNull(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

CertificateRecord ReadRecord(const pqxx::row& row) {
  CertificateRecord record;
  record.number = row[0].as<std::string>();
  record.holder_personal_code = row[1].as<std::string>();
  record.holder_name = row[2].as<std::string>();
  record.standard_name = row[3].as<std::string>();
  record.level = row[4].as<int>();
  record.awarding_body_id = row[5].as<std::string>();
  record.valid_from = row[6].as<std::string>();
  if (!row[7].is_null()) {
    record.valid_until = row[7].as<std::string>();
  }
  record.status = ParseStatus(row[8].as<std::string>()).value_or(CertificateStatus::kValid);
  record.issued_at = row[9].as<std::string>();
  record.published = row[10].as<bool>();
  if (!row[11].is_null()) {
    record.status_reason = row[11].as<std::string>();
  }
  return record;
}

std::vector<CertificateRecord> ReadRecords(const pqxx::result& rows) {
  std::vector<CertificateRecord> records;
  records.reserve(rows.size());
  for (const auto& row : rows) {
    records.push_back(ReadRecord(row));
  }
  return records;
}

std::optional<CertificateRecord> FirstRecord(const pqxx::result& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadRecord(rows[0]);
}

}  // namespace

CertificateRecord CertificateRepository::Insert(const CertificateDraft& draft, const std::string& body_id,
                                                const std::string& issued_by) {
  std::optional<std::string> valid_until;
  if (draft.valid_until) {
    valid_until = draft.valid_until->ToString();
  }
  auto row = tx_.exec_prepared1(sql::kInsertCertificate, draft.holder_personal_code, draft.holder_name,
                                draft.standard_name, draft.level, body_id, draft.valid_from.ToString(),
                                OrNull(valid_until), issued_by);
  CertificateRecord record;
  record.number = row[0].as<std::string>();
  record.holder_personal_code = draft.holder_personal_code;
  record.holder_name = draft.holder_name;
  record.standard_name = draft.standard_name;
  record.level = draft.level;
  record.awarding_body_id = body_id;
  record.valid_from = draft.valid_from.ToString();
  record.valid_until = valid_until;
  record.issued_at = row[1].as<std::string>();
  AddHistory(record.number, issued_by, "issued", std::nullopt, nullptr, {{"status", "valid"}});
  return record;
}

std::vector<CertificateRecord> CertificateRepository::ForHolder(const std::string& personal_code) {
  return ReadRecords(tx_.exec_prepared(sql::kMyCertificates, personal_code));
}

std::optional<CertificateRecord> CertificateRepository::LockForHolder(const std::string& number,
                                                                      const std::string& personal_code) {
  return FirstRecord(tx_.exec_prepared(sql::kLockHoldersCertificate, number, personal_code));
}

std::optional<CertificateRecord> CertificateRepository::LockForBody(const std::string& number,
                                                                    const std::string& body_id) {
  return FirstRecord(tx_.exec_prepared(sql::kLockBodysCertificate, number, body_id));
}

CertificateRecord CertificateRepository::SetPublication(const std::string& number, bool published) {
  return ReadRecord(tx_.exec_prepared1(sql::kSetPublication, number, published));
}

CertificateRecord CertificateRepository::SetStatus(const std::string& number, CertificateStatus status,
                                                   const std::optional<std::string>& reason) {
  return ReadRecord(tx_.exec_prepared1(sql::kSetStatus, number, ToString(status), OrNull(reason)));
}

std::vector<CertificateRecord> CertificateRepository::ExpireDue(int limit) {
  return ReadRecords(tx_.exec_prepared(sql::kExpireDue, limit));
}

void CertificateRepository::AddHistory(const std::string& number, const std::string& changed_by,
                                       const std::string& change, const std::optional<std::string>& reason,
                                       const nlohmann::json& old_value, const nlohmann::json& new_value) {
  std::optional<std::string> old_text;
  if (!old_value.is_null()) {
    old_text = old_value.dump();
  }
  std::optional<std::string> new_text;
  if (!new_value.is_null()) {
    new_text = new_value.dump();
  }
  tx_.exec_prepared(sql::kInsertHistory, number, changed_by, change, OrNull(reason), OrNull(old_text),
                    OrNull(new_text));
}

void CertificateRepository::LogAccess(const CertificateRecord& record, const auth::Identity& staff,
                                      const std::string& purpose) {
  bool as_clerk = staff.IsClerkOf(record.awarding_body_id);
  tx_.exec_prepared(sql::kLogAccess, record.holder_personal_code, staff.Subject(),
                    as_clerk ? "clerk" : "admin", as_clerk ? record.awarding_body_id.c_str() : nullptr,
                    purpose, record.number);
}

nlohmann::json CertificateRepository::AccessLog(const std::string& holder_personal_code,
                                                const std::optional<long long>& before_id, int limit) {
  std::optional<std::string> before;
  if (before_id) {
    before = std::to_string(*before_id);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : tx_.exec_prepared(sql::kAccessLog, holder_personal_code, OrNull(before), limit)) {
    items.push_back({{"id", row[0].as<long long>()},
                     {"accessed_at", row[1].as<std::string>()},
                     {"accessed_by", row[2].as<std::string>()},
                     {"role", row[3].as<std::string>()},
                     {"awarding_body_id",
                      row[4].is_null() ? nlohmann::json(nullptr) : nlohmann::json(row[4].as<std::string>())},
                     {"purpose", row[5].as<std::string>()},
                     {"certificate_number", row[6].as<std::string>()}});
  }
  return items;
}

std::vector<CertificateRecord> CertificateRepository::SearchPublic(const PublicQuery& query) {
  if (query.name) {
    // PostgreSQL cannot estimate how many names contain a substring. Walking the published
    // certificates in number order finds a common name's first page at once but reads the whole
    // register for a name nobody has; the trigram index is the other way round. So count the
    // candidates through the trigram index first (bounded), then take the way that fits. Plans
    // are made per execution here, so that each sees the settings of this transaction.
    constexpr int kManyCandidates = 1000;
    tx_.exec("SET LOCAL plan_cache_mode = force_custom_plan");
    tx_.exec("SET LOCAL enable_indexscan = off");
    tx_.exec("SET LOCAL enable_seqscan = off");
    bool common = tx_.exec_prepared1(sql::kCountNameCandidates, *query.name, kManyCandidates)[0].as<int>() >=
                  kManyCandidates;
    if (common) {
      tx_.exec("SET LOCAL enable_indexscan = on");
    }
  }
  return ReadRecords(tx_.exec_prepared(sql::kPublicSearch, OrNull(query.name), OrNull(query.number),
                                       OrNull(query.after_number), query.limit));
}

std::optional<CertificateRecord> CertificateRepository::FindPublic(const std::string& number) {
  return FirstRecord(tx_.exec_prepared(sql::kPublicGet, number));
}

bool CertificateRepository::ClaimIdempotencyKey(const std::string& caller, const std::string& key,
                                                const std::string& request_hash) {
  return tx_.exec_prepared(sql::kClaimIdempotencyKey, caller, key, request_hash).affected_rows() == 1;
}

std::optional<StoredResponse> CertificateRepository::FindIdempotentResponse(const std::string& caller,
                                                                            const std::string& key) {
  auto rows = tx_.exec_prepared(sql::kFindIdempotentResponse, caller, key);
  if (rows.empty() || rows[0][1].is_null()) {
    return std::nullopt;
  }
  return StoredResponse{rows[0][0].as<std::string>(), nlohmann::json::parse(rows[0][1].as<std::string>())};
}

void CertificateRepository::SaveIdempotentResponse(const std::string& caller, const std::string& key,
                                                   const nlohmann::json& body) {
  tx_.exec_prepared(sql::kSaveIdempotentResponse, caller, key, body.dump());
}

}  // namespace kutse::certificate
