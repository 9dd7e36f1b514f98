// The register keeper's admins look after the mail channels: the deliveries in a state (dead ones to
// retry), one dead delivery made due again, and the state-portal digests made now instead of at the
// digest hour. Only admins; personal codes and addresses are not shown.
#pragma once

#include "handlers/mail_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::notification {

// GET /api/v1/admin/notification-deliveries?state=dead|pending|sent (default dead)
http::Response ListNotificationDeliveries(const MailContext& context, http::Request& request);
// POST /api/v1/admin/notification-deliveries/{deliveryId}/retry
http::Response RetryNotificationDelivery(const MailContext& context, http::Request& request);
// POST /api/v1/admin/notification-digests: {"up_to": "YYYY-MM-DD"} (default: every held notice)
http::Response MakeNotificationDigests(const MailContext& context, http::Request& request);

}  // namespace kutse::notification
