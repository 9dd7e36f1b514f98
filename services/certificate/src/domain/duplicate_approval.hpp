// A duplicate request approved by the awarding body or the register keeper, and the duplicate it
// gives (proto-docs/domain.md, "Certificates"): a new document for the same qualification, with a new
// number, linked to the original, carrying the reason and, for a new name or inaccurate data, the
// corrected fields. The original is kept and marked replaced. No I/O.
#pragma once

#include <string>

#include "domain/certificate.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

// Who approves for the register keeper, when the issuing body no longer exists or lost its right.
inline constexpr const char* kRegisterKeeper = "register";

struct DuplicateApproval {
  std::string request_id;
  std::string certificate_number;
  std::string holder_personal_code;
  DuplicateReason reason = DuplicateReason::kLost;
  CorrectedFields corrected;
  std::string approved_by;  // the awarding body's registry code, or kRegisterKeeper
};

// What the reason allows to correct: nothing for a lost certificate, exactly the name for a new
// name, at least one field for inaccurate data. Invalid argument otherwise.
common::Status CheckCorrections(const DuplicateApproval& approval);

// The duplicate of `original`, issued `today`; failed precondition or permission denied when it
// cannot be issued (a refusal retrying cannot change).
common::StatusOr<Certificate> MakeDuplicate(const Certificate& original, const DuplicateApproval& approval,
                                            const common::Date& today);

}  // namespace kutse::certificate
