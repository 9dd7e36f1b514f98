#include "db/certificate_rows.hpp"

#include <nlohmann/json.hpp>

#include "dto/corrected_fields_json.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

std::optional<common::Date> OptionalDate(const pqxx::field& field) {
  return field.is_null() ? std::nullopt : common::ParseDate(field.as<std::string>());
}

common::Date RequiredDate(const pqxx::field& field) {
  return common::ParseDate(field.as<std::string>()).value_or(common::Date{});
}

}  // namespace

Certificate ReadCertificate(const pqxx::row& row) {
  Certificate certificate;
  certificate.number = row["number"].as<std::string>();
  certificate.type =
      ParseCertificateType(row["certificate_type"].as<std::string>()).value_or(CertificateType::kCertificate);
  certificate.holder_personal_code = row["holder_personal_code"].as<std::string>();
  certificate.holder_name = row["holder_name"].as<std::string>();
  certificate.standard_code = db::OptionalText(row["standard_code"]);
  certificate.standard_name = row["standard_name"].as<std::string>();
  certificate.level = row["level"].as<int>();
  if (!row["eqf_level"].is_null()) {
    certificate.eqf_level = row["eqf_level"].as<int>();
  }
  certificate.specialisation = db::OptionalText(row["specialisation"]);
  certificate.partial_qualification = db::OptionalText(row["partial_qualification"]);
  certificate.competences =
      nlohmann::json::parse(row["competences"].as<std::string>()).get<std::vector<std::string>>();
  certificate.awarding_body_id = row["awarding_body_id"].as<std::string>();
  certificate.decision_date = OptionalDate(row["decision_date"]);
  certificate.decision_number = db::OptionalText(row["decision_number"]);
  certificate.issue_date = RequiredDate(row["issue_date"]);
  certificate.valid_from = RequiredDate(row["valid_from"]);
  certificate.valid_until = OptionalDate(row["valid_until"]);
  certificate.language = row["language"].as<std::string>();
  certificate.status = ParseStatus(row["status"].as<std::string>()).value_or(CertificateStatus::kValid);
  certificate.status_reason = db::OptionalText(row["status_reason"]);
  certificate.published = row["published"].as<bool>();
  certificate.origin = ParseOrigin(row["origin"].as<std::string>()).value_or(CertificateOrigin::kIssued);
  certificate.historic_level = db::OptionalText(row["historic_level"]);
  certificate.duplicate_of = db::OptionalText(row["duplicate_of"]);
  if (auto reason = db::OptionalText(row["duplicate_reason"])) {
    certificate.duplicate_reason = ParseDuplicateReason(*reason);
  }
  if (auto corrected = db::OptionalText(row["corrected_fields"])) {
    certificate.corrected_fields = dto::CorrectedFieldsFromJson(nlohmann::json::parse(*corrected));
  }
  certificate.duplicate_request_id = db::OptionalText(row["duplicate_request_id"]);
  certificate.replaced_by = db::OptionalText(row["replaced_by"]);
  certificate.issued_at = row["issued_at"].as<std::string>();
  return certificate;
}

std::vector<Certificate> ReadCertificates(const pqxx::result& rows) {
  std::vector<Certificate> certificates;
  certificates.reserve(rows.size());
  for (const auto& row : rows) {
    certificates.push_back(ReadCertificate(row));
  }
  return certificates;
}

}  // namespace kutse::certificate
