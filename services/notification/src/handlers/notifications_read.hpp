// The read state of "My notifications": the unread count, mark one read, mark all read. The caller
// sees and changes only their own notices.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::notification {

// GET /api/v1/me/notifications/unread-count
http::Response CountMyUnreadNotifications(db::Pool& pool, http::Request& request);
// POST /api/v1/me/notifications/{noticeId}/read
http::Response MarkMyNotificationRead(db::Pool& pool, http::Request& request);
// POST /api/v1/me/notifications/read-all
http::Response MarkAllMyNotificationsRead(db::Pool& pool, http::Request& request);

}  // namespace kutse::notification
