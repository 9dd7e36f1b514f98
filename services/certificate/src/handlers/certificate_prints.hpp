// POST /api/v1/bodies/{bodyId}/certificates/{number}/prints: the body's staff enter a printed paper
// (first print, reprint or a duplicate's print, handed over or posted); the print history grows.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response RecordPrint(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
