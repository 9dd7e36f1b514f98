// What a clerk asks the register to issue: the holder, the standard and the codes of its parts, the
// decision and the dates. issuing_rules.hpp judges it against the register; dto/ reads it from JSON.
// No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/certificate_type.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

struct CertificateDraft {
  CertificateType type = CertificateType::kCertificate;
  std::string holder_personal_code;
  std::string holder_name;  // as printed
  std::string standard_code;
  std::optional<std::string> specialisation_code;
  std::optional<std::string> partial_qualification_code;
  std::vector<std::string> competence_codes;
  common::Date decision_date;
  std::string decision_number;
  std::optional<common::Date> issue_date;  // nullopt: today
  common::Date valid_from;
  std::optional<common::Date> valid_until;  // nullopt: from the standard's validity
  std::string language = "et";
};

}  // namespace kutse::certificate
