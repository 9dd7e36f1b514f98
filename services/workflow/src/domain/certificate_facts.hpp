// What the workflow knows about one certificate at the instant a rule needs it (ADR 0008): fetched
// from the certificate service, never kept as a copy, except the display data a request snapshots.
#pragma once

#include <optional>
#include <string>

namespace kutse::workflow {

// The certificate's status as the register has it today.
enum class CertificateStatus { kValid, kExpired, kInvalidated, kAnnulled };

struct CertificateFacts {
  std::string number;
  std::string holder_personal_code;
  // The holder's name as printed on the certificate.
  std::string holder_name;
  CertificateStatus status = CertificateStatus::kValid;
  // The duplicate that replaced it, when one has been issued.
  std::optional<std::string> replaced_by;
  // The issuing body (its registry code), whether it is still active and whether it still holds
  // the right to award this standard today; the request goes to the register keeper otherwise.
  std::string awarding_body_id;
  bool body_active = false;
  bool body_holds_right_today = false;
  // The qualification as the holder sees it: the standard's name in both languages (English may be
  // missing for old standards) and the EstQF level.
  std::string standard_code;
  std::string qualification_name_et;
  std::optional<std::string> qualification_name_en;
  int level = 0;
};

}  // namespace kutse::workflow
