// GET /api/v1/me/data-access-log: who among awarding-body staff and admins saw my data, newest first.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListMyDataAccess(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
