#include "identity/dev_identity.hpp"

#include <nlohmann/json.hpp>

namespace kutse::gateway {

std::optional<auth::Identity> ParseDevIdentity(const std::string& header_value) {
  if (header_value.size() > 2048) {
    return std::nullopt;
  }
  auto json = nlohmann::json::parse(header_value, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("personal_code") ||
      !json["personal_code"].is_string()) {
    return std::nullopt;
  }
  nlohmann::json claims = {{"sub", "EE" + json["personal_code"].get<std::string>()},
                           {"name", json.value("name", std::string())},
                           {"roles", nlohmann::json::array({"holder"})}};
  if (json.contains("roles")) {
    if (!json["roles"].is_array()) {
      return std::nullopt;
    }
    for (const auto& role : json["roles"]) {
      if (role != "holder") {
        claims["roles"].push_back(role);
      }
    }
  }
  return auth::Identity::FromClaims(claims);
}

}  // namespace kutse::gateway
