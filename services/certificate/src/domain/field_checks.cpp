#include "domain/field_checks.hpp"

namespace kutse::certificate {

std::vector<http::FieldError> UnknownFields(const nlohmann::json& body, const std::set<std::string>& known) {
  std::vector<http::FieldError> errors;
  for (const auto& [key, value] : body.items()) {
    if (known.count(key) == 0) {
      errors.push_back({"/" + key, "is not a known field"});
    }
  }
  return errors;
}

}  // namespace kutse::certificate
