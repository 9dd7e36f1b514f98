#include "dto/historic_entry_parser.hpp"

#include "domain/certificate_number.hpp"
#include "domain/historic_entry.hpp"
#include "domain/historic_level.hpp"
#include "domain/occupational_standard.hpp"
#include "dto/certificate_fields.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {
namespace {

using common::FieldErrors;
using common::Msg;

std::optional<int> Level(const nlohmann::json& row, std::optional<std::string>& historic_level,
                         FieldErrors& errors) {
  auto level = http::OptionalInteger(row, "level", 1, 8, errors);
  historic_level = http::OptionalText(row, "historic_level", 3, errors);
  if (historic_level) {
    auto mapped = EstqfLevelOfHistoricLevel(*historic_level);
    if (!mapped) {
      errors.push_back({"/historic_level", Msg("import.historic_level_values")});
      return level;
    }
    if (level && level != mapped) {
      errors.push_back({"/level", Msg("import.level_mismatch", {{"historic_level", *historic_level}})});
    }
    return level ? level : mapped;
  }
  if (!row.contains("level")) {
    errors.push_back({"/level", Msg("import.level_required")});
  }
  return level;
}

}  // namespace

common::StatusOr<Certificate> ParseHistoricEntry(const nlohmann::json& row, const common::Date& today) {
  FieldErrors errors =
      http::UnknownFields(row, {"number", "certificate_type", "holder_personal_code", "holder_name",
                                "standard_code", "standard_name", "level", "historic_level",
                                "awarding_body_id", "decision_date", "decision_number", "issue_date",
                                "valid_from", "valid_until", "status", "status_reason", "language"});
  Certificate entry;
  entry.origin = CertificateOrigin::kImported;
  auto number = http::RequiredText(row, "number", kMaxCertificateNumberLength, errors);
  if (number && !IsCertificateNumber(*number)) {
    errors.push_back({"/number", Msg("import.number_form")});
  }
  entry.type = TypeField(row, errors);
  auto personal_code = PersonalCodeField(row, errors);
  auto holder_name = http::RequiredText(row, "holder_name", 200, errors);
  entry.standard_code = http::OptionalText(row, "standard_code", 40, errors);
  if (entry.standard_code && !IsStandardCode(*entry.standard_code)) {
    errors.push_back({"/standard_code", Msg("standard.not_a_code")});
  }
  auto standard_name = http::RequiredText(row, "standard_name", 300, errors);
  auto level = Level(row, entry.historic_level, errors);
  auto body_id = http::RequiredText(row, "awarding_body_id", 8, errors);
  if (body_id && !common::IsRegistryCode(*body_id)) {
    errors.push_back({"/awarding_body_id", Msg("import.registry_code_form")});
  }
  entry.decision_date = http::OptionalDate(row, "decision_date", errors);
  entry.decision_number = http::OptionalText(row, "decision_number", 50, errors);
  auto issue_date = http::RequiredDate(row, "issue_date", errors);
  auto valid_from = http::RequiredDate(row, "valid_from", errors);
  entry.valid_until = http::OptionalDate(row, "valid_until", errors, http::Null::kAllowed);
  if (valid_from && entry.valid_until && *entry.valid_until < *valid_from) {
    errors.push_back({"/valid_until", Msg("date.not_before_valid_from")});
  }
  if (issue_date && today < *issue_date) {
    errors.push_back({"/issue_date", Msg("date.not_in_future")});
  }
  auto status_text = http::OptionalText(row, "status", 20, errors);
  std::optional<CertificateStatus> stated;
  if (status_text) {
    stated = ParseStatus(*status_text);
    if (!stated) {
      errors.push_back({"/status", Msg("import.status_values")});
    }
  }
  if (!status_text || stated) {
    auto status = HistoricStatus(stated, entry.valid_until, today);
    if (status.ok()) {
      entry.status = *status;
    } else {
      errors.push_back({"/status", status.status().message()});
    }
  }
  entry.status_reason = http::OptionalText(row, "status_reason", http::Lines(1000), errors);
  entry.language = LanguageField(row, errors);
  if (entry.type == CertificateType::kPartialQualification) {
    errors.push_back({"/certificate_type", Msg("import.no_partial_qualifications")});
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  entry.number = *number;
  entry.holder_personal_code = *personal_code;
  entry.holder_name = *holder_name;
  entry.standard_name = *standard_name;
  entry.level = *level;
  entry.awarding_body_id = *body_id;
  entry.issue_date = *issue_date;
  entry.valid_from = *valid_from;
  return entry;
}

}  // namespace kutse::certificate::dto
