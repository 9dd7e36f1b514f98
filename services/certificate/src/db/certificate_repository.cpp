#include "db/certificate_repository.hpp"

#include <nlohmann/json.hpp>

#include "db/certificate_rows.hpp"
#include "db/sql.hpp"
#include "dto/corrected_fields_json.hpp"
#include "kutse/common/time_format.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

std::optional<Certificate> First(const pqxx::result& rows) {
  return rows.empty() ? std::nullopt : std::optional<Certificate>(ReadCertificate(rows[0]));
}

std::optional<std::string> DateText(const std::optional<common::Date>& day) {
  return day ? std::optional<std::string>(day->ToString()) : std::nullopt;
}

}  // namespace

Certificate CertificateRepository::Insert(const Certificate& certificate, const std::string& issued_by) {
  std::optional<std::string> number;
  if (!certificate.number.empty()) {
    number = certificate.number;
  }
  std::optional<std::string> reason;
  if (certificate.duplicate_reason) {
    reason = ToString(*certificate.duplicate_reason);
  }
  std::optional<std::string> corrected;
  if (certificate.corrected_fields) {
    corrected = dto::CorrectedFieldsJson(*certificate.corrected_fields).dump();
  }
  const auto eqf_level = db::NumberText(certificate.eqf_level);
  const auto decision_date = DateText(certificate.decision_date);
  const auto valid_until = DateText(certificate.valid_until);
  return ReadCertificate(tx_.exec_prepared1(
      sql::kInsertCertificate.name, db::NullableParam(number), ToString(certificate.type),
      certificate.holder_personal_code, certificate.holder_name, db::NullableParam(certificate.standard_code),
      certificate.standard_name, certificate.level, db::NullableParam(eqf_level),
      db::NullableParam(certificate.specialisation), db::NullableParam(certificate.partial_qualification),
      nlohmann::json(certificate.competences).dump(), certificate.awarding_body_id,
      db::NullableParam(decision_date), db::NullableParam(certificate.decision_number),
      certificate.issue_date.ToString(), certificate.valid_from.ToString(), db::NullableParam(valid_until),
      certificate.language, ToString(certificate.status), db::NullableParam(certificate.status_reason),
      ToString(certificate.origin), db::NullableParam(certificate.historic_level),
      db::NullableParam(certificate.duplicate_of), db::NullableParam(reason), db::NullableParam(corrected),
      db::NullableParam(certificate.duplicate_request_id), certificate.published, issued_by));
}

std::vector<Certificate> CertificateRepository::ForHolder(const std::string& personal_code) {
  return ReadCertificates(tx_.exec_prepared(sql::kMyCertificates.name, personal_code));
}

std::vector<Certificate> CertificateRepository::ByNumbers(const std::vector<std::string>& numbers) {
  return ReadCertificates(
      tx_.exec_prepared(sql::kCertificatesByNumbers.name, nlohmann::json(numbers).dump()));
}

std::optional<Certificate> CertificateRepository::FindForHolder(const std::string& number,
                                                                const std::string& personal_code) {
  return First(tx_.exec_prepared(sql::kHoldersCertificate.name, number, personal_code));
}

std::optional<Certificate> CertificateRepository::FindForBody(const std::string& number,
                                                              const std::string& body_id) {
  return First(tx_.exec_prepared(sql::kBodysCertificate.name, number, body_id));
}

std::optional<Certificate> CertificateRepository::LockForHolder(const std::string& number,
                                                                const std::string& personal_code) {
  return First(tx_.exec_prepared(sql::kLockHoldersCertificate.name, number, personal_code));
}

std::optional<Certificate> CertificateRepository::LockForBody(const std::string& number,
                                                              const std::string& body_id) {
  return First(tx_.exec_prepared(sql::kLockBodysCertificate.name, number, body_id));
}

Certificate CertificateRepository::SetPublication(const std::string& number, bool published) {
  return ReadCertificate(tx_.exec_prepared1(sql::kSetPublication.name, number, published));
}

Certificate CertificateRepository::SetStatus(const std::string& number, CertificateStatus status,
                                             const std::optional<std::string>& reason,
                                             std::chrono::system_clock::time_point at) {
  return ReadCertificate(tx_.exec_prepared1(sql::kSetStatus.name, number, ToString(status),
                                            db::NullableParam(reason), common::FormatTimestamp(at)));
}

std::vector<Certificate> CertificateRepository::ExpireDue(const common::Date& today,
                                                          std::chrono::system_clock::time_point now,
                                                          int limit) {
  return ReadCertificates(
      tx_.exec_prepared(sql::kExpireDue.name, today.ToString(), limit, common::FormatTimestamp(now)));
}

std::optional<std::string> CertificateRepository::DuplicateOfRequest(const std::string& request_id) {
  auto rows = tx_.exec_prepared(sql::kDuplicateOfRequest.name, request_id);
  return rows.empty() ? std::nullopt : std::optional<std::string>(rows[0]["number"].as<std::string>());
}

void CertificateRepository::MarkReplaced(const std::string& number, const std::string& replaced_by) {
  tx_.exec_prepared(sql::kMarkReplaced.name, number, replaced_by);
}

void CertificateRepository::SerializeImports() {
  tx_.exec_prepared(sql::kSerializeImports.name);
}

}  // namespace kutse::certificate
