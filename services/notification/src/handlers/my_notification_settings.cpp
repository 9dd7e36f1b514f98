#include "handlers/my_notification_settings.hpp"

#include "app/confirm_email.hpp"
#include "app/update_notification_settings.hpp"
#include "db/person_settings_repository.hpp"
#include "dto/settings_requests.hpp"
#include "kutse/http/json_fields.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::notification {

http::Response GetMyNotificationSettings(const MailContext& context, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  std::string now = common::FormatTimestamp(context.clock.Now());
  PersonSettings settings = context.pool.Read([&](pqxx::nontransaction& read) {
    return PersonSettingsRepository(read).Get(caller.personal_code, now);
  });
  return http::Response::Json(200, dto::SettingsJson(settings));
}

http::Response PutMyNotificationSettings(const MailContext& context, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  dto::SettingsUpdate update = common::ValueOrThrow(dto::ParseSettingsUpdate(request.JsonBody()));
  PersonSettings saved = context.pool.Transaction([&](pqxx::work& work) {
    return app::UpdateNotificationSettings(work, context.settings, context.clock, caller.personal_code,
                                           update);
  });
  return http::Response::Json(200, dto::SettingsJson(saved));
}

http::Response ConfirmMyEmail(const MailContext& context, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  std::string code = common::ValueOrThrow(dto::ParseEmailConfirmation(request.JsonBody()));
  app::CodeCheck check = common::ValueOrThrow(context.pool.Transaction(
      [&](pqxx::work& work) { return app::ConfirmEmail(work, context.clock, caller.personal_code, code); }));
  if (check == app::CodeCheck::kWrong) {
    common::ThrowIfError(http::InvalidFields({{"/code", common::Msg("settings.code_wrong")}}));
  }
  std::string now = common::FormatTimestamp(context.clock.Now());
  PersonSettings settings = context.pool.Read([&](pqxx::nontransaction& read) {
    return PersonSettingsRepository(read).Get(caller.personal_code, now);
  });
  return http::Response::Json(200, dto::SettingsJson(settings));
}

}  // namespace kutse::notification
