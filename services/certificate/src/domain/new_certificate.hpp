// A certificate about to enter the register, with everything resolved: names from the standard,
// the end of validity, the origin (issued by a body, imported from the old register, or a
// duplicate). What the repository inserts. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate_status.hpp"
#include "domain/certificate_type.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

struct NewCertificate {
  std::optional<std::string> number;  // nullopt: the next of its type's series
  CertificateType type = CertificateType::kCertificate;
  std::string holder_personal_code;
  std::string holder_name;
  std::optional<std::string> standard_code;
  std::string standard_name;
  int level = 0;
  std::optional<int> eqf_level;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  std::vector<std::string> competences;
  std::string awarding_body_id;
  std::optional<common::Date> decision_date;
  std::optional<std::string> decision_number;
  common::Date issue_date;
  common::Date valid_from;
  std::optional<common::Date> valid_until;
  std::string language = "et";
  CertificateStatus status = CertificateStatus::kValid;
  std::optional<std::string> status_reason;
  std::string origin = "issued";  // issued | imported | duplicate
  std::optional<std::string> historic_level;
  std::optional<std::string> duplicate_of;
  std::optional<std::string> duplicate_reason;
  std::optional<nlohmann::json> corrected_fields;
  std::optional<std::string> duplicate_request_id;
  bool published = false;
};

}  // namespace kutse::certificate
