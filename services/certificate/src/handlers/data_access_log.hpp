// GET /api/v1/me/data-access-log: who among awarding-body staff and admins saw my data, newest first.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListMyDataAccess(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
