// What a holder asks a duplicate for (proto-docs/domain.md, "Requests"; issue 10): the reason and,
// for a new name or inaccurate data, what the duplicate should print differently. For a new name
// the name is the signed-in identity's (TARA), never typed in; for inaccurate data the holder
// names 1..5 fields that the certificate service can correct in a duplicate (exactly the members
// of workflow.duplicate_approved.v1's `corrected_fields`, with that schema's limits) and may add a
// note. The claim is the holder's word: the approval later carries the corrections to the event,
// and the certificate service checks them against the certificate. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/duplicate_reason.hpp"
#include "domain/person_name.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow {

enum class CorrectableField { kHolderName, kSpecialisation, kPartialQualification, kLanguage, kCompetences };

const char* ToString(CorrectableField field);
std::optional<CorrectableField> ParseCorrectableField(const std::string& text);

inline constexpr size_t kMaxCorrections = 5;
inline constexpr size_t kMaxCorrectedNameLength = 200;  // holder_name
inline constexpr size_t kMaxCorrectedTextLength = 300;  // specialisation, partial qualification, a competence
inline constexpr size_t kMaxCorrectedCompetences = 100;

// One field the holder says is wrong, and what is right: `text` for every field but competences,
// `competences` (the whole list the duplicate should print) for competences.
struct Correction {
  CorrectableField field = CorrectableField::kHolderName;
  std::string text;
  std::vector<std::string> competences;
};

// What the duplicate prints differently, as workflow.duplicate_approved.v1 carries it.
struct CorrectedFields {
  std::optional<std::string> holder_name;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  std::optional<std::string> language;  // et, en or ru
  std::optional<std::vector<std::string>> competences;

  bool empty() const {
    return !holder_name && !specialisation && !partial_qualification && !language && !competences;
  }
  bool operator==(const CorrectedFields& other) const {
    return holder_name == other.holder_name && specialisation == other.specialisation &&
           partial_qualification == other.partial_qualification && language == other.language &&
           competences == other.competences;
  }
};

struct DuplicateInput {
  DuplicateReason reason = DuplicateReason::kLost;
  std::vector<Correction> corrections;  // inaccurate data only
  std::optional<std::string> note;      // inaccurate data only: what is wrong, in the holder's words
};

struct DuplicateClaim {
  DuplicateReason reason = DuplicateReason::kLost;
  CorrectedFields corrected;
  std::optional<std::string> note;
};

// The claim, or invalid argument with a field error per wrong member (pointers into {reason,
// corrections: [{field, value}], note}). `signed_in` is the caller's name from their identity;
// `printed_name` the holder's name as the certificate prints it. A new name equal to the printed
// one is refused at /reason: there is nothing for the duplicate to change.
common::StatusOr<DuplicateClaim> CheckDuplicateInput(const DuplicateInput& input, const PersonName& signed_in,
                                                     const std::string& printed_name);

}  // namespace kutse::workflow
