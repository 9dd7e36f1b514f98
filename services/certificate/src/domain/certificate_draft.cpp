#include "domain/certificate_draft.hpp"

#include <set>

#include "domain/field_checks.hpp"
#include "kutse/common/personal_code.hpp"
#include "kutse/common/text.hpp"

namespace kutse::certificate {
namespace {

const std::set<std::string> kKnownFields = {"holder_personal_code", "holder_name", "standard_name", "level",
                                            "valid_from",           "valid_until"};

std::string Trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return "";
  }
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<std::string> TextField(const nlohmann::json& body, const std::string& name, size_t max_length,
                                     std::vector<http::FieldError>& errors) {
  if (!body.contains(name)) {
    errors.push_back({"/" + name, "is required"});
    return std::nullopt;
  }
  if (!body[name].is_string()) {
    errors.push_back({"/" + name, "must be a string"});
    return std::nullopt;
  }
  std::string value = Trim(body[name].get<std::string>());
  if (value.empty() || common::Utf8Length(value) > max_length) {
    errors.push_back({"/" + name, "must be 1 to " + std::to_string(max_length) + " characters"});
    return std::nullopt;
  }
  return value;
}

std::optional<common::Date> DateField(const nlohmann::json& value, const std::string& pointer,
                                      std::vector<http::FieldError>& errors) {
  auto date = value.is_string() ? common::ParseDate(value.get<std::string>()) : std::nullopt;
  if (!date) {
    errors.push_back({pointer, "must be a date as YYYY-MM-DD"});
  }
  return date;
}

}  // namespace

std::variant<CertificateDraft, std::vector<http::FieldError>> ParseCertificateDraft(
    const nlohmann::json& body) {
  std::vector<http::FieldError> errors = UnknownFields(body, kKnownFields);
  CertificateDraft draft;
  if (!body.contains("holder_personal_code") || !body["holder_personal_code"].is_string()) {
    errors.push_back({"/holder_personal_code", "is required as a string of 11 digits"});
  } else if (!common::IsValidPersonalCode(body["holder_personal_code"].get<std::string>())) {
    errors.push_back({"/holder_personal_code", "is not a valid Estonian personal code"});
  } else {
    draft.holder_personal_code = body["holder_personal_code"].get<std::string>();
  }
  if (auto name = TextField(body, "holder_name", 200, errors)) {
    draft.holder_name = *name;
  }
  if (auto standard = TextField(body, "standard_name", 300, errors)) {
    draft.standard_name = *standard;
  }
  if (!body.contains("level") || !body["level"].is_number_integer() || body["level"].get<long long>() < 1 ||
      body["level"].get<long long>() > 8) {
    errors.push_back({"/level", "must be a whole number from 1 to 8 (EstQF level)"});
  } else {
    draft.level = body["level"].get<int>();
  }
  std::optional<common::Date> from;
  if (!body.contains("valid_from")) {
    errors.push_back({"/valid_from", "is required"});
  } else {
    from = DateField(body["valid_from"], "/valid_from", errors);
  }
  if (body.contains("valid_until") && !body["valid_until"].is_null()) {
    draft.valid_until = DateField(body["valid_until"], "/valid_until", errors);
    if (from && draft.valid_until && *draft.valid_until < *from) {
      errors.push_back({"/valid_until", "must not be before valid_from"});
    }
  }
  if (!errors.empty()) {
    return errors;
  }
  draft.valid_from = *from;
  return draft;
}

}  // namespace kutse::certificate
