#include "domain/duplicate_approval.hpp"

#include <set>

#include "domain/certificate_type.hpp"
#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"

namespace kutse::certificate {
namespace {

// The fields a duplicate may correct, and for which reason.
const std::set<std::string> kCorrectableForInaccurateData = {
    "holder_name", "specialisation", "partial_qualification", "competences", "language"};

std::optional<std::string> Text(const nlohmann::json& data, const char* key) {
  if (!data.contains(key) || !data[key].is_string() || data[key].get<std::string>().empty()) {
    return std::nullopt;
  }
  return data[key].get<std::string>();
}

std::optional<std::string> CheckCorrection(const std::string& field, const nlohmann::json& value) {
  if (field == "competences") {
    if (!value.is_array() || value.size() > 100) {
      return "corrected competences must be a list of names";
    }
    for (const auto& name : value) {
      if (!name.is_string() || name.get<std::string>().empty() ||
          common::Utf8Length(name.get<std::string>()) > 300) {
        return "corrected competences must be a list of names";
      }
    }
    return std::nullopt;
  }
  if (!value.is_string() || value.get<std::string>().empty()) {
    return "corrected " + field + " must be text";
  }
  size_t limit = field == "holder_name" ? 200 : 300;
  if (common::Utf8Length(value.get<std::string>()) > limit) {
    return "corrected " + field + " is too long";
  }
  if (field == "language" && !IsCertificateLanguage(value.get<std::string>())) {
    return "corrected language must be et, en or ru";
  }
  return std::nullopt;
}

}  // namespace

std::variant<DuplicateApproval, std::string> ParseDuplicateApproval(const nlohmann::json& data) {
  DuplicateApproval approval;
  auto request_id = Text(data, "request_id");
  auto number = Text(data, "certificate_number");
  auto holder = Text(data, "holder_personal_code");
  auto reason = Text(data, "reason");
  auto approved_by = Text(data, "approved_by");
  if (!request_id || request_id->size() > 100 || !number || number->size() > kMaxCertificateNumberLength ||
      !approved_by) {
    return std::string("request_id, certificate_number and approved_by are required");
  }
  if (!holder || !common::IsValidPersonalCode(*holder)) {
    return std::string("holder_personal_code is missing or not a valid personal code");
  }
  if (!reason || (*reason != "lost" && *reason != "new_name" && *reason != "inaccurate_data")) {
    return std::string("reason must be lost, new_name or inaccurate_data");
  }
  if (data.contains("corrected_fields") && !data["corrected_fields"].is_null()) {
    if (!data["corrected_fields"].is_object()) {
      return std::string("corrected_fields must be an object");
    }
    approval.corrected_fields = data["corrected_fields"];
  }
  for (const auto& [field, value] : approval.corrected_fields.items()) {
    if (kCorrectableForInaccurateData.count(field) == 0) {
      return "field " + field + " cannot be corrected by a duplicate";
    }
    if (auto problem = CheckCorrection(field, value)) {
      return *problem;
    }
  }
  if (*reason == "lost" && !approval.corrected_fields.empty()) {
    return std::string("a duplicate for a lost certificate corrects nothing");
  }
  if (*reason == "new_name" &&
      (approval.corrected_fields.size() != 1 || !approval.corrected_fields.contains("holder_name"))) {
    return std::string("a duplicate for a new name corrects exactly holder_name");
  }
  if (*reason == "inaccurate_data" && approval.corrected_fields.empty()) {
    return std::string("a duplicate for inaccurate data names the corrected fields");
  }
  approval.request_id = *request_id;
  approval.certificate_number = *number;
  approval.holder_personal_code = *holder;
  approval.reason = *reason;
  approval.approved_by = *approved_by;
  return approval;
}

std::variant<NewCertificate, std::string> MakeDuplicate(const CertificateRecord& original,
                                                        const DuplicateApproval& approval,
                                                        const common::Date& today) {
  if (original.holder_personal_code != approval.holder_personal_code) {
    return std::string("the certificate is not the requester's");
  }
  // The issuing body decides on its certificates; the register keeper decides when that body no
  // longer exists or has lost its right (domain.md §4, requests).
  if (approval.approved_by != original.awarding_body_id && approval.approved_by != "register") {
    return "approved by " + approval.approved_by +
           ", which neither issued the certificate nor keeps the register";
  }
  if (original.replaced_by) {
    return "the certificate was already replaced by " + *original.replaced_by;
  }
  if (original.status != CertificateStatus::kValid && original.status != CertificateStatus::kExpired) {
    return std::string("an invalidated or annulled certificate gets no duplicate");
  }
  auto from = common::ParseDate(original.valid_from);
  if (!from) {
    return std::string("the original's validity cannot be read");
  }
  NewCertificate duplicate;
  duplicate.type = ParseCertificateType(original.certificate_type).value_or(CertificateType::kCertificate);
  duplicate.holder_personal_code = original.holder_personal_code;
  duplicate.holder_name = original.holder_name;
  duplicate.standard_code = original.standard_code;
  duplicate.standard_name = original.standard_name;
  duplicate.level = original.level;
  duplicate.eqf_level = original.eqf_level;
  duplicate.specialisation = original.specialisation;
  duplicate.partial_qualification = original.partial_qualification;
  for (const auto& name : original.competences) {
    duplicate.competences.push_back(name.get<std::string>());
  }
  duplicate.awarding_body_id = original.awarding_body_id;
  if (original.decision_date) {
    duplicate.decision_date = common::ParseDate(*original.decision_date);
  }
  duplicate.decision_number = original.decision_number;
  duplicate.issue_date = today;
  duplicate.valid_from = *from;
  if (original.valid_until) {
    duplicate.valid_until = common::ParseDate(*original.valid_until);
  }
  duplicate.language = original.language;
  duplicate.status = original.status;
  duplicate.published = original.published;
  const auto& corrected = approval.corrected_fields;
  if (corrected.contains("holder_name")) {
    duplicate.holder_name = corrected["holder_name"].get<std::string>();
  }
  if (corrected.contains("specialisation")) {
    duplicate.specialisation = corrected["specialisation"].get<std::string>();
  }
  if (corrected.contains("partial_qualification")) {
    if (duplicate.type != CertificateType::kPartialQualification) {
      return std::string("only a partial-qualification certificate names a partial qualification");
    }
    duplicate.partial_qualification = corrected["partial_qualification"].get<std::string>();
  }
  if (corrected.contains("competences")) {
    duplicate.competences = corrected["competences"].get<std::vector<std::string>>();
  }
  if (corrected.contains("language")) {
    duplicate.language = corrected["language"].get<std::string>();
  }
  duplicate.origin = "duplicate";
  duplicate.duplicate_of = original.number;
  duplicate.duplicate_reason = approval.reason;
  duplicate.corrected_fields = corrected;
  duplicate.duplicate_request_id = approval.request_id;
  return duplicate;
}

}  // namespace kutse::certificate
