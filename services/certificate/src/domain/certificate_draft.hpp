// What a clerk sends to record a certificate, validated field by field. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kutse/common/time_format.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

struct CertificateDraft {
  std::string holder_personal_code;
  std::string holder_name;
  std::string standard_name;
  int level = 0;
  common::Date valid_from;
  std::optional<common::Date> valid_until;
};

// Either a draft or every field error found (all of them, not just the first).
std::variant<CertificateDraft, std::vector<http::FieldError>> ParseCertificateDraft(
    const nlohmann::json& body);

}  // namespace kutse::certificate
