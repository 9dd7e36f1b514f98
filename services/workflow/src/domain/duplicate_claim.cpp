#include "domain/duplicate_claim.hpp"

#include <set>

#include "domain/text_rules.hpp"
#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

using common::FieldErrors;
using common::Msg;

constexpr common::EnumName<CorrectableField> kNames[] = {
    {CorrectableField::kHolderName, "holder_name"},
    {CorrectableField::kSpecialisation, "specialisation"},
    {CorrectableField::kPartialQualification, "partial_qualification"},
    {CorrectableField::kLanguage, "language"},
    {CorrectableField::kCompetences, "competences"},
};

bool IsCertificateLanguage(const std::string& text) {
  return text == "et" || text == "en" || text == "ru";
}

std::optional<std::vector<std::string>> CheckCompetences(const std::vector<std::string>& names,
                                                         const std::string& pointer, FieldErrors& errors) {
  if (names.size() > kMaxCorrectedCompetences) {
    errors.push_back(
        {pointer, Msg("field.list_of_at_most", {{"max", std::to_string(kMaxCorrectedCompetences)}})});
    return std::nullopt;
  }
  std::vector<std::string> clean;
  std::set<std::string> seen;
  size_t before = errors.size();
  for (size_t i = 0; i < names.size(); ++i) {
    std::string at = pointer + "/" + std::to_string(i);
    auto name = CleanText(names[i], OneLine(kMaxCorrectedTextLength), at, errors);
    if (name && !seen.insert(*name).second) {
      errors.push_back({at, Msg("field.appears_twice")});
    } else if (name) {
      clean.push_back(*name);
    }
  }
  if (errors.size() != before) {
    return std::nullopt;
  }
  return clean;
}

void CheckCorrection(const Correction& correction, const std::string& pointer,
                     const std::string& printed_name, CorrectedFields& out, FieldErrors& errors) {
  const std::string value = pointer + "/value";
  switch (correction.field) {
    case CorrectableField::kHolderName: {
      auto name = CleanText(correction.text, OneLine(kMaxCorrectedNameLength), value, errors);
      if (name && IsSameName(*name, printed_name)) {
        errors.push_back({value, Msg("request.correction_as_printed")});
      } else {
        out.holder_name = name;
      }
      break;
    }
    case CorrectableField::kSpecialisation:
      out.specialisation = CleanText(correction.text, OneLine(kMaxCorrectedTextLength), value, errors);
      break;
    case CorrectableField::kPartialQualification:
      out.partial_qualification = CleanText(correction.text, OneLine(kMaxCorrectedTextLength), value, errors);
      break;
    case CorrectableField::kLanguage:
      if (IsCertificateLanguage(correction.text)) {
        out.language = correction.text;
      } else {
        errors.push_back({value, Msg("request.language_values")});
      }
      break;
    case CorrectableField::kCompetences:
      out.competences = CheckCompetences(correction.competences, value, errors);
      break;
  }
}

void CheckCorrections(const std::vector<Correction>& corrections, const std::string& printed_name,
                      CorrectedFields& out, FieldErrors& errors) {
  if (corrections.empty() || corrections.size() > kMaxCorrections) {
    errors.push_back(
        {"/corrections", Msg("request.corrections_count", {{"max", std::to_string(kMaxCorrections)}})});
    return;
  }
  std::set<CorrectableField> seen;
  for (size_t i = 0; i < corrections.size(); ++i) {
    std::string pointer = "/corrections/" + std::to_string(i);
    if (!seen.insert(corrections[i].field).second) {
      errors.push_back({pointer + "/field", Msg("field.appears_twice")});
      continue;
    }
    CheckCorrection(corrections[i], pointer, printed_name, out, errors);
  }
}

// The new name is the identity's, not the holder's input: what is wrong with it is said at /reason.
void TakeNewName(const PersonName& signed_in, const std::string& printed_name, CorrectedFields& out,
                 FieldErrors& errors) {
  FieldErrors unusable;
  auto name = CleanText(signed_in.Full(), OneLine(kMaxCorrectedNameLength), "/reason", unusable);
  if (!name) {
    errors.push_back({"/reason", Msg("request.identity_name_unusable")});
  } else if (IsSameName(*name, printed_name)) {
    errors.push_back({"/reason", Msg("request.name_unchanged")});
  } else {
    out.holder_name = name;
  }
}

}  // namespace

const char* ToString(CorrectableField field) {
  return common::NameOf(kNames, field);
}

std::optional<CorrectableField> ParseCorrectableField(const std::string& text) {
  return common::ValueOf(kNames, text);
}

common::StatusOr<DuplicateClaim> CheckDuplicateInput(const DuplicateInput& input, const PersonName& signed_in,
                                                     const std::string& printed_name) {
  FieldErrors errors;
  DuplicateClaim claim{input.reason, {}, std::nullopt};
  bool inaccurate = input.reason == DuplicateReason::kInaccurateData;
  if (!inaccurate && !input.corrections.empty()) {
    errors.push_back(
        {"/corrections", Msg(input.reason == DuplicateReason::kNewName ? "request.new_name_from_identity"
                                                                       : "request.lost_corrects_nothing")});
  }
  if (!inaccurate && input.note) {
    errors.push_back({"/note", Msg("request.note_only_for_inaccurate_data")});
  }
  if (input.reason == DuplicateReason::kNewName) {
    TakeNewName(signed_in, printed_name, claim.corrected, errors);
  }
  if (inaccurate) {
    CheckCorrections(input.corrections, printed_name, claim.corrected, errors);
    if (input.note) {
      claim.note = CleanText(*input.note, MultiLine(kMaxNoteLength), "/note", errors);
    }
  }
  if (!errors.empty()) {
    return InvalidInput(std::move(errors));
  }
  return claim;
}

}  // namespace kutse::workflow
