// GET /api/v1/me/notifications: the signed-in person's notices (or, with unread=true, the unread
// ones), newest first, by keyset.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::notification {

http::Response ListMyNotifications(db::Pool& pool, http::Request& request);

}  // namespace kutse::notification
