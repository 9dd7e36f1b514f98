// The wire format of "my notification settings": the body of PUT and of the e-mail confirmation. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "db/person_settings_repository.hpp"
#include "kutse/common/status.hpp"

namespace kutse::notification::dto {

struct SettingsUpdate {
  std::string language;
  bool state_portal = true;
  bool email_enabled = false;
  std::optional<std::string> email;  // null: no address
};

// {"language": "et"|"en", "state_portal": bool, "email_enabled": bool, "email": "<address>"|null}:
// every member required; 422 naming each wrong one; email_enabled without an address is refused.
common::StatusOr<SettingsUpdate> ParseSettingsUpdate(const nlohmann::json& body);
// {"code": "<6 digits>"}: 422 naming /code otherwise.
common::StatusOr<std::string> ParseEmailConfirmation(const nlohmann::json& body);

nlohmann::json SettingsJson(const PersonSettings& settings);

}  // namespace kutse::notification::dto
