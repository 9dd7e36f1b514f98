// "My notification settings": the language of mailed notices, the state-portal channel, e-mail and
// its address (confirmed by a code sent there). The caller sees and changes only their own.
#pragma once

#include "handlers/mail_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::notification {

// GET /api/v1/me/notification-settings
http::Response GetMyNotificationSettings(const MailContext& context, http::Request& request);
// PUT /api/v1/me/notification-settings
http::Response PutMyNotificationSettings(const MailContext& context, http::Request& request);
// POST /api/v1/me/notification-settings/email-confirmation
http::Response ConfirmMyEmail(const MailContext& context, http::Request& request);

}  // namespace kutse::notification
