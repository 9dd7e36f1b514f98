#include "db/certificate_repository.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "db/certificate_rows.hpp"
#include "db/sql.hpp"
#include "dto/corrected_fields_json.hpp"
#include "kutse/common/json_or_null.hpp"
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

std::vector<Certificate> CertificateRepository::Insert(const std::vector<Certificate>& certificates,
                                                       const std::string& issued_by) {
  // Numbers first, in the order given, so each row's number is known before the insert.
  std::vector<std::string> numbers;
  numbers.reserve(certificates.size());
  for (bool partial : {false, true}) {
    int wanted = 0;
    for (const auto& certificate : certificates) {
      wanted += certificate.number.empty() &&
                (certificate.type == CertificateType::kPartialQualification) == partial;
    }
    if (wanted == 0) {
      continue;
    }
    auto issued = tx_.exec_prepared(sql::kNextNumbers.name, wanted, partial);
    size_t next = 0;
    numbers.resize(certificates.size());
    for (size_t i = 0; i < certificates.size(); ++i) {
      if (certificates[i].number.empty() &&
          (certificates[i].type == CertificateType::kPartialQualification) == partial) {
        numbers[i] = issued[static_cast<int>(next++)]["number"].as<std::string>();
      }
    }
  }
  numbers.resize(certificates.size());
  nlohmann::json rows = nlohmann::json::array();
  for (size_t i = 0; i < certificates.size(); ++i) {
    const Certificate& certificate = certificates[i];
    rows.push_back({
        {"number", certificate.number.empty() ? numbers[i] : certificate.number},
        {"certificate_type", ToString(certificate.type)},
        {"holder_personal_code", certificate.holder_personal_code},
        {"holder_name", certificate.holder_name},
        {"standard_code", common::JsonOrNull(certificate.standard_code)},
        {"standard_name", certificate.standard_name},
        {"level", certificate.level},
        {"eqf_level", common::JsonOrNull(certificate.eqf_level)},
        {"specialisation", common::JsonOrNull(certificate.specialisation)},
        {"partial_qualification", common::JsonOrNull(certificate.partial_qualification)},
        {"competences", certificate.competences},
        {"awarding_body_id", certificate.awarding_body_id},
        {"decision_date", common::JsonOrNull(DateText(certificate.decision_date))},
        {"decision_number", common::JsonOrNull(certificate.decision_number)},
        {"issue_date", certificate.issue_date.ToString()},
        {"valid_from", certificate.valid_from.ToString()},
        {"valid_until", common::JsonOrNull(DateText(certificate.valid_until))},
        {"language", certificate.language},
        {"status", ToString(certificate.status)},
        {"status_reason", common::JsonOrNull(certificate.status_reason)},
        {"origin", ToString(certificate.origin)},
        {"historic_level", common::JsonOrNull(certificate.historic_level)},
        {"duplicate_of", common::JsonOrNull(certificate.duplicate_of)},
        {"duplicate_reason", certificate.duplicate_reason
                                 ? nlohmann::json(ToString(*certificate.duplicate_reason))
                                 : nlohmann::json()},
        {"corrected_fields", certificate.corrected_fields
                                 ? dto::CorrectedFieldsJson(*certificate.corrected_fields)
                                 : nlohmann::json()},
        {"duplicate_request_id", common::JsonOrNull(certificate.duplicate_request_id)},
        {"published", certificate.published},
    });
  }
  std::map<std::string, Certificate> stored;
  for (auto& certificate :
       ReadCertificates(tx_.exec_prepared(sql::kInsertCertificates.name, rows.dump(), issued_by))) {
    stored.emplace(certificate.number, std::move(certificate));
  }
  std::vector<Certificate> inserted;
  inserted.reserve(certificates.size());
  for (const auto& row : rows) {
    inserted.push_back(std::move(stored.at(row["number"].get<std::string>())));
  }
  return inserted;
}

std::vector<Certificate> CertificateRepository::ForHolder(const std::string& personal_code) {
  return ReadCertificates(tx_.exec_prepared(sql::kMyCertificates.name, personal_code));
}

std::vector<Certificate> CertificateRepository::ByNumbers(const std::vector<std::string>& numbers) {
  return ReadCertificates(
      tx_.exec_prepared(sql::kCertificatesByNumbers.name, nlohmann::json(numbers).dump()));
}

std::optional<Certificate> CertificateRepository::Find(const std::string& number) {
  return First(tx_.exec_prepared(sql::kCertificateByNumber.name, number));
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

std::vector<Certificate> CertificateRepository::MarkExpiryReminded(const common::Date& today,
                                                                   const common::Date& horizon,
                                                                   std::chrono::system_clock::time_point now,
                                                                   int limit) {
  return ReadCertificates(tx_.exec_prepared(sql::kRemindExpiring.name, today.ToString(), horizon.ToString(),
                                            limit, common::FormatTimestamp(now)));
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
