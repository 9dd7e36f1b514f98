#include "domain/historic_entry.hpp"

#include <regex>

#include "domain/certificate_draft.hpp"
#include "domain/historic_level.hpp"
#include "domain/occupational_standard.hpp"
#include "kutse/common/text.hpp"

namespace kutse::certificate {
namespace {

bool IsHistoricNumber(const std::string& number) {
  static const std::regex kPattern("[A-Za-z0-9][A-Za-z0-9/.-]{0,31}");
  return std::regex_match(number, kPattern);
}

std::optional<std::string> DateText(const std::optional<common::Date>& date) {
  return date ? std::optional<std::string>(date->ToString()) : std::nullopt;
}

bool SameStatus(CertificateStatus a, CertificateStatus b) {
  auto lived = [](CertificateStatus s) {
    return s == CertificateStatus::kValid || s == CertificateStatus::kExpired;
  };
  return a == b || (lived(a) && lived(b));
}

}  // namespace

std::variant<NewCertificate, FieldErrors> ParseHistoricEntry(const nlohmann::json& row,
                                                             const common::Date& today) {
  FieldErrors errors =
      UnknownFields(row, {"number", "certificate_type", "holder_personal_code", "holder_name",
                          "standard_code", "standard_name", "level", "historic_level", "awarding_body_id",
                          "decision_date", "decision_number", "issue_date", "valid_from", "valid_until",
                          "status", "status_reason", "language"});
  NewCertificate entry;
  entry.origin = "imported";
  entry.number = RequiredText(row, "number", kMaxCertificateNumberLength, errors);
  if (entry.number && !IsHistoricNumber(*entry.number)) {
    errors.push_back(
        {"/number", "must be letters, digits, '/', '.' or '-', starting with a letter or digit"});
  }
  entry.type = TypeField(row, errors);
  auto personal_code = PersonalCodeField(row, errors);
  auto holder_name = RequiredText(row, "holder_name", 200, errors);
  entry.standard_code = OptionalText(row, "standard_code", 40, errors);
  if (entry.standard_code && !IsStandardCode(*entry.standard_code)) {
    errors.push_back({"/standard_code", "is not a standard code"});
  }
  auto standard_name = RequiredText(row, "standard_name", 300, errors);
  auto level = OptionalInteger(row, "level", 1, 8, errors);
  entry.historic_level = OptionalText(row, "historic_level", 3, errors);
  if (entry.historic_level) {
    if (auto mapped = EstqfLevelOfHistoricLevel(*entry.historic_level)) {
      level = level ? level : mapped;
      if (level != mapped) {
        errors.push_back({"/level", "does not match historic_level " + *entry.historic_level});
      }
    } else {
      errors.push_back({"/historic_level", "must be I, II, III, IV or V (the old 5-level scale)"});
    }
  } else if (!level && IsAbsent(row, "level")) {
    errors.push_back({"/level", "is required: the EstQF level, or historic_level on the old scale"});
  }
  auto body_id = RequiredText(row, "awarding_body_id", 8, errors);
  if (body_id && !common::IsRegistryCode(*body_id)) {
    errors.push_back({"/awarding_body_id", "must be an 8-digit registry code"});
  }
  entry.decision_date = OptionalDate(row, "decision_date", errors);
  entry.decision_number = OptionalText(row, "decision_number", 50, errors);
  auto issue_date = RequiredDate(row, "issue_date", errors);
  auto valid_from = RequiredDate(row, "valid_from", errors);
  entry.valid_until = OptionalDate(row, "valid_until", errors);
  if (valid_from && entry.valid_until && *entry.valid_until < *valid_from) {
    errors.push_back({"/valid_until", "must not be before valid_from"});
  }
  if (issue_date && today < *issue_date) {
    errors.push_back({"/issue_date", "must not be in the future"});
  }
  auto status = OptionalText(row, "status", 20, errors);
  if (status && !ParseStatus(*status)) {
    errors.push_back({"/status", "must be valid, expired, invalidated or annulled"});
  } else if (status) {
    entry.status = *ParseStatus(*status);
    bool ended = entry.valid_until && *entry.valid_until < today;
    if (entry.status == CertificateStatus::kValid && ended) {
      errors.push_back({"/status", "cannot be valid: valid_until has passed"});
    }
    if (entry.status == CertificateStatus::kExpired && !ended) {
      errors.push_back({"/status", "cannot be expired: valid_until has not passed"});
    }
  } else if (entry.valid_until && *entry.valid_until < today) {
    entry.status = CertificateStatus::kExpired;
  }
  entry.status_reason = OptionalText(row, "status_reason", 1000, errors);
  entry.language = LanguageField(row, errors);
  if (entry.type == CertificateType::kPartialQualification) {
    errors.push_back(
        {"/certificate_type", "partial-qualification certificates are not imported from the old register"});
  }
  if (!errors.empty()) {
    return errors;
  }
  entry.holder_personal_code = *personal_code;
  entry.holder_name = *holder_name;
  entry.standard_name = *standard_name;
  entry.level = *level;
  entry.awarding_body_id = *body_id;
  entry.issue_date = *issue_date;
  entry.valid_from = *valid_from;
  return entry;
}

bool IsSameEntry(const NewCertificate& entry, const CertificateRecord& stored) {
  return stored.origin == "imported" && entry.number && *entry.number == stored.number &&
         ToString(entry.type) == stored.certificate_type &&
         entry.holder_personal_code == stored.holder_personal_code &&
         entry.holder_name == stored.holder_name && entry.standard_code == stored.standard_code &&
         entry.standard_name == stored.standard_name && entry.level == stored.level &&
         entry.historic_level == stored.historic_level && entry.awarding_body_id == stored.awarding_body_id &&
         DateText(entry.decision_date) == stored.decision_date &&
         entry.decision_number == stored.decision_number &&
         entry.issue_date.ToString() == stored.issue_date &&
         entry.valid_from.ToString() == stored.valid_from &&
         DateText(entry.valid_until) == stored.valid_until && entry.language == stored.language &&
         SameStatus(entry.status, stored.status);
}

}  // namespace kutse::certificate
