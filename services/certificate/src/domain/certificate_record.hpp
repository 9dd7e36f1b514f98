// A certificate as the register holds it, and the three ways it is shown: to the awarding body's
// staff, to its holder ("My certificates", with what they may do now) and to the public (never a
// personal code). No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/certificate_status.hpp"

namespace kutse::certificate {

struct CertificateRecord {
  std::string number;
  std::string holder_personal_code;
  std::string holder_name;
  std::string standard_name;
  int level = 0;
  std::string awarding_body_id;
  std::string valid_from;
  std::optional<std::string> valid_until;
  CertificateStatus status = CertificateStatus::kValid;
  std::string issued_at;
  bool published = false;
  std::optional<std::string> status_reason;
};

nlohmann::json StaffView(const CertificateRecord& record);
nlohmann::json HolderView(const CertificateRecord& record);
nlohmann::json PublicView(const CertificateRecord& record);

}  // namespace kutse::certificate
