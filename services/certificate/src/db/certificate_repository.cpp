#include "db/certificate_repository.hpp"

#include "db/sql.hpp"
#include "kutse/common/json_or_null.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {}  // namespace

CertificateRecord ReadCertificateRow(const pqxx::row& row) {
  auto text = [&row](int column) { return db::OptionalText(row[column]); };
  CertificateRecord record;
  record.number = row[0].as<std::string>();
  record.holder_personal_code = row[1].as<std::string>();
  record.holder_name = row[2].as<std::string>();
  record.standard_name = row[3].as<std::string>();
  record.level = row[4].as<int>();
  record.awarding_body_id = row[5].as<std::string>();
  record.valid_from = row[6].as<std::string>();
  record.valid_until = text(7);
  record.status = ParseStatus(row[8].as<std::string>()).value_or(CertificateStatus::kValid);
  record.issued_at = row[9].as<std::string>();
  record.published = row[10].as<bool>();
  record.status_reason = text(11);
  record.certificate_type = row[12].as<std::string>();
  record.standard_code = text(13);
  if (!row[14].is_null()) {
    record.eqf_level = row[14].as<int>();
  }
  record.specialisation = text(15);
  record.partial_qualification = text(16);
  record.competences = nlohmann::json::parse(row[17].as<std::string>());
  record.decision_date = text(18);
  record.decision_number = text(19);
  record.issue_date = row[20].as<std::string>();
  record.language = row[21].as<std::string>();
  record.origin = row[22].as<std::string>();
  record.historic_level = text(23);
  record.duplicate_of = text(24);
  record.duplicate_reason = text(25);
  if (auto corrected = text(26)) {
    record.corrected_fields = nlohmann::json::parse(*corrected);
  }
  record.replaced_by = text(27);
  return record;
}

std::vector<CertificateRecord> ReadCertificateRows(const pqxx::result& rows) {
  std::vector<CertificateRecord> records;
  records.reserve(rows.size());
  for (const auto& row : rows) {
    records.push_back(ReadCertificateRow(row));
  }
  return records;
}

namespace {

std::optional<CertificateRecord> FirstRecord(const pqxx::result& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadCertificateRow(rows[0]);
}

}  // namespace

CertificateRecord CertificateRepository::Insert(const NewCertificate& certificate,
                                                const std::string& issued_by) {
  auto date = [](const std::optional<common::Date>& day) {
    return day ? std::optional<std::string>(day->ToString()) : std::nullopt;
  };
  std::optional<std::string> corrected;
  if (certificate.corrected_fields) {
    corrected = certificate.corrected_fields->dump();
  }
  const auto eqf_level = db::NumberText(certificate.eqf_level);
  const auto decision_date = date(certificate.decision_date);
  const auto valid_until = date(certificate.valid_until);
  auto row = tx_.exec_prepared1(
      sql::kInsertCertificate, db::NullableParam(certificate.number), ToString(certificate.type),
      certificate.holder_personal_code, certificate.holder_name, db::NullableParam(certificate.standard_code),
      certificate.standard_name, certificate.level, db::NullableParam(eqf_level),
      db::NullableParam(certificate.specialisation), db::NullableParam(certificate.partial_qualification),
      nlohmann::json(certificate.competences).dump(), certificate.awarding_body_id,
      db::NullableParam(decision_date), db::NullableParam(certificate.decision_number),
      certificate.issue_date.ToString(), certificate.valid_from.ToString(), db::NullableParam(valid_until),
      certificate.language, ToString(certificate.status), db::NullableParam(certificate.status_reason),
      certificate.origin, db::NullableParam(certificate.historic_level),
      db::NullableParam(certificate.duplicate_of), db::NullableParam(certificate.duplicate_reason),
      db::NullableParam(corrected), db::NullableParam(certificate.duplicate_request_id),
      certificate.published, issued_by);
  CertificateRecord record = ReadCertificateRow(row);
  const char* change = certificate.origin == "imported"    ? "imported"
                       : certificate.origin == "duplicate" ? "duplicate_issued"
                                                           : "issued";
  AddHistory(record.number, issued_by, change, certificate.status_reason, nullptr,
             {{"status", ToString(record.status)}});
  return record;
}

std::vector<CertificateRecord> CertificateRepository::ForHolder(const std::string& personal_code) {
  return ReadCertificateRows(tx_.exec_prepared(sql::kMyCertificates, personal_code));
}

std::vector<CertificateRecord> CertificateRepository::ByNumbers(const std::vector<std::string>& numbers) {
  return ReadCertificateRows(tx_.exec_prepared(sql::kCertificatesByNumbers, nlohmann::json(numbers).dump()));
}

std::optional<CertificateRecord> CertificateRepository::FindForHolder(const std::string& number,
                                                                      const std::string& personal_code) {
  return FirstRecord(tx_.exec_prepared(sql::kHoldersCertificate, number, personal_code));
}

std::optional<CertificateRecord> CertificateRepository::FindForBody(const std::string& number,
                                                                    const std::string& body_id) {
  return FirstRecord(tx_.exec_prepared(sql::kBodysCertificate, number, body_id));
}

std::vector<HistoryEntry> CertificateRepository::HistoryOf(const std::string& number) {
  auto json_or_null = [](const pqxx::field& field) {
    return field.is_null() ? nlohmann::json(nullptr) : nlohmann::json::parse(field.as<std::string>());
  };
  std::vector<HistoryEntry> history;
  for (const auto& row : tx_.exec_prepared(sql::kHistoryOf, number)) {
    history.push_back(HistoryEntry{row[0].as<std::string>(), row[1].as<std::string>(),
                                   row[2].as<std::string>(), db::OptionalText(row[3]), json_or_null(row[4]),
                                   json_or_null(row[5])});
  }
  return history;
}

namespace {

nlohmann::json PrintOf(const pqxx::row& row) {
  return {{"id", row[0].as<long long>()},           {"printed_at", row[1].as<std::string>()},
          {"printed_by", row[2].as<std::string>()}, {"reason", row[3].as<std::string>()},
          {"delivery", row[4].as<std::string>()},   {"note", common::JsonOrNull(db::OptionalText(row[5]))}};
}

}  // namespace

nlohmann::json CertificateRepository::PrintsOf(const std::string& number) {
  nlohmann::json prints = nlohmann::json::array();
  for (const auto& row : tx_.exec_prepared(sql::kPrintsOf, number)) {
    prints.push_back(PrintOf(row));
  }
  return prints;
}

nlohmann::json CertificateRepository::AddPrint(const std::string& number, const std::string& printed_by,
                                               const PrintOrder& order) {
  return PrintOf(tx_.exec_prepared1(sql::kInsertPrint, number, printed_by, order.reason, order.delivery,
                                    db::NullableParam(order.note)));
}

std::optional<std::string> CertificateRepository::DuplicateOfRequest(const std::string& request_id) {
  auto rows = tx_.exec_prepared(sql::kDuplicateOfRequest, request_id);
  return rows.empty() ? std::nullopt : std::optional<std::string>(rows[0][0].as<std::string>());
}

void CertificateRepository::MarkReplaced(const std::string& number, const std::string& replaced_by) {
  tx_.exec_prepared(sql::kMarkReplaced, number, replaced_by);
}

void CertificateRepository::SerializeImports() {
  tx_.exec_prepared(sql::kSerializeImports);
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
  return ReadCertificateRow(tx_.exec_prepared1(sql::kSetPublication, number, published));
}

CertificateRecord CertificateRepository::SetStatus(const std::string& number, CertificateStatus status,
                                                   const std::optional<std::string>& reason) {
  return ReadCertificateRow(
      tx_.exec_prepared1(sql::kSetStatus, number, ToString(status), db::NullableParam(reason)));
}

std::vector<CertificateRecord> CertificateRepository::ExpireDue(int limit) {
  return ReadCertificateRows(tx_.exec_prepared(sql::kExpireDue, limit));
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
  tx_.exec_prepared(sql::kInsertHistory, number, changed_by, change, db::NullableParam(reason),
                    db::NullableParam(old_text), db::NullableParam(new_text));
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
  for (const auto& row :
       tx_.exec_prepared(sql::kAccessLog, holder_personal_code, db::NullableParam(before), limit)) {
    items.push_back({{"id", row[0].as<long long>()},
                     {"accessed_at", row[1].as<std::string>()},
                     {"accessed_by", row[2].as<std::string>()},
                     {"role", row[3].as<std::string>()},
                     {"awarding_body_id", common::JsonOrNull(db::OptionalText(row[4]))},
                     {"purpose", row[5].as<std::string>()},
                     {"certificate_number", row[6].as<std::string>()}});
  }
  return items;
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
