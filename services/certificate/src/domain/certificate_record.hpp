// A certificate as the register holds it, and the three ways it is shown: to the awarding body's
// staff, to its holder ("My certificates", with what they may do now) and to the public (never a
// personal code, nor the body's decision). No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate_status.hpp"

namespace kutse::certificate {

// The longest certificate number (the old register's included); a longer one names no certificate.
inline constexpr size_t kMaxCertificateNumberLength = 32;

struct CertificateRecord {
  std::string number;
  std::string certificate_type = "certificate";
  std::string holder_personal_code;
  std::string holder_name;
  std::optional<std::string> standard_code;
  std::string standard_name;
  int level = 0;
  std::optional<int> eqf_level;
  std::optional<std::string> specialisation;
  std::optional<std::string> partial_qualification;
  nlohmann::json competences = nlohmann::json::array();
  std::string awarding_body_id;
  std::optional<std::string> decision_date;
  std::optional<std::string> decision_number;
  std::string issue_date;
  std::string valid_from;
  std::optional<std::string> valid_until;
  std::string language = "et";
  CertificateStatus status = CertificateStatus::kValid;
  std::string issued_at;
  bool published = false;
  std::optional<std::string> status_reason;
  std::string origin = "issued";
  std::optional<std::string> historic_level;
  std::optional<std::string> duplicate_of;
  std::optional<std::string> duplicate_reason;
  std::optional<nlohmann::json> corrected_fields;
  std::optional<std::string> replaced_by;
};

nlohmann::json StaffView(const CertificateRecord& record);
nlohmann::json HolderView(const CertificateRecord& record);
nlohmann::json PublicView(const CertificateRecord& record);

}  // namespace kutse::certificate
