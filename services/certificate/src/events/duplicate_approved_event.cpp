#include "events/duplicate_approved_event.hpp"

#include "events/event_members.hpp"
#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"

namespace kutse::certificate {
namespace {

using common::Msg;

constexpr size_t kMaxCompetences = 100;

// One corrected text: non-empty, at most `limit` characters.
common::StatusOr<std::string> CorrectedText(const std::string& field, const nlohmann::json& value,
                                            size_t limit) {
  if (!value.is_string() || value.get<std::string>().empty()) {
    return common::InvalidArgument(Msg("duplicate.corrected_text", {{"field", field}}));
  }
  if (common::Utf8Length(value.get<std::string>()) > limit) {
    return common::InvalidArgument(Msg("duplicate.corrected_too_long", {{"field", field}}));
  }
  return value.get<std::string>();
}

common::Status ReadCorrection(const std::string& field, const nlohmann::json& value,
                              CorrectedFields& corrected) {
  if (field == "competences") {
    if (!value.is_array() || value.size() > kMaxCompetences) {
      return common::InvalidArgument(Msg("duplicate.competences_form"));
    }
    std::vector<std::string> names;
    for (const auto& name : value) {
      if (!name.is_string() || name.get<std::string>().empty() ||
          common::Utf8Length(name.get<std::string>()) > 300) {
        return common::InvalidArgument(Msg("duplicate.competences_form"));
      }
      names.push_back(name.get<std::string>());
    }
    corrected.competences = std::move(names);
    return common::OkStatus();
  }
  std::optional<std::string>* target = field == "holder_name"             ? &corrected.holder_name
                                       : field == "specialisation"        ? &corrected.specialisation
                                       : field == "partial_qualification" ? &corrected.partial_qualification
                                       : field == "language"              ? &corrected.language
                                                                          : nullptr;
  if (target == nullptr) {
    return common::InvalidArgument(Msg("duplicate.not_correctable", {{"field", field}}));
  }
  auto text = CorrectedText(field, value, field == "holder_name" ? 200 : 300);
  if (!text.ok()) {
    return text.status();
  }
  if (field == "language" && !IsCertificateLanguage(*text)) {
    return common::InvalidArgument(Msg("duplicate.corrected_language"));
  }
  *target = *text;
  return common::OkStatus();
}

}  // namespace

common::StatusOr<DuplicateApproval> ParseDuplicateApproval(const nlohmann::json& data) {
  DuplicateApproval approval;
  auto request_id = TextMember(data, "request_id");
  auto number = TextMember(data, "certificate_number");
  auto holder = TextMember(data, "holder_personal_code");
  auto reason = TextMember(data, "reason");
  auto approved_by = TextMember(data, "approved_by");
  if (!request_id || request_id->size() > 100 || !number || number->size() > kMaxCertificateNumberLength ||
      !approved_by) {
    return common::InvalidArgument(Msg("duplicate.ids_required"));
  }
  if (!holder || !common::IsValidPersonalCode(*holder)) {
    return common::InvalidArgument(Msg("duplicate.holder_code_invalid"));
  }
  auto parsed_reason = reason ? ParseDuplicateReason(*reason) : std::nullopt;
  if (!parsed_reason) {
    return common::InvalidArgument(Msg("duplicate.reason_values"));
  }
  if (data.contains("corrected_fields") && !data["corrected_fields"].is_null()) {
    if (!data["corrected_fields"].is_object()) {
      return common::InvalidArgument(Msg("duplicate.corrected_not_object"));
    }
    for (const auto& [field, value] : data["corrected_fields"].items()) {
      common::Status read = ReadCorrection(field, value, approval.corrected);
      if (!read.ok()) {
        return read;
      }
    }
  }
  approval.request_id = *request_id;
  approval.certificate_number = *number;
  approval.holder_personal_code = *holder;
  approval.reason = *parsed_reason;
  approval.approved_by = *approved_by;
  common::Status corrections = CheckCorrections(approval);
  if (!corrections.ok()) {
    return corrections;
  }
  return approval;
}

}  // namespace kutse::certificate
