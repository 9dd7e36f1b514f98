#include "dto/settings_requests.hpp"

#include "kutse/common/json_or_null.hpp"
#include "kutse/http/json_fields.hpp"
#include "mail/mime_message.hpp"

namespace kutse::notification::dto {

common::StatusOr<SettingsUpdate> ParseSettingsUpdate(const nlohmann::json& body) {
  http::FieldErrors errors =
      http::UnknownFields(body, {"language", "state_portal", "email_enabled", "email"});
  SettingsUpdate update;
  auto language = http::RequiredText(body, "language", 2, errors);
  if (language && *language != "et" && *language != "en") {
    errors.push_back({"/language", common::Msg("settings.language_unknown")});
  }
  auto state_portal = http::RequiredBoolean(body, "state_portal", errors);
  auto email_enabled = http::RequiredBoolean(body, "email_enabled", errors);
  if (!body.contains("email")) {
    errors.push_back({"/email", common::Msg("field.required")});
  } else if (!body["email"].is_null()) {
    update.email = http::OptionalText(body, "email", 254, errors);
    if (update.email && !mail::IsSendableAddress(*update.email)) {
      errors.push_back({"/email", common::Msg("settings.email_invalid")});
    }
  }
  if (email_enabled.value_or(false) && body.contains("email") && body["email"].is_null()) {
    errors.push_back({"/email", common::Msg("settings.email_needed")});
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  update.language = *language;
  update.state_portal = *state_portal;
  update.email_enabled = *email_enabled;
  return update;
}

common::StatusOr<std::string> ParseEmailConfirmation(const nlohmann::json& body) {
  http::FieldErrors errors = http::UnknownFields(body, {"code"});
  auto code = http::RequiredText(body, "code", 6, errors);
  if (code && (code->size() != 6 || code->find_first_not_of("0123456789") != std::string::npos)) {
    errors.push_back({"/code", common::Msg("settings.code_format")});
  }
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return *code;
}

nlohmann::json SettingsJson(const PersonSettings& settings) {
  return {{"language", settings.language},
          {"state_portal", settings.state_portal},
          {"email_enabled", settings.email_enabled},
          {"email", common::JsonOrNull(settings.email)},
          {"pending_email", common::JsonOrNull(settings.pending_email)}};
}

}  // namespace kutse::notification::dto
