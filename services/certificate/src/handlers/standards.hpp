// Occupational standards: the public list of those in use and one of them
// (GET /api/v1/public/standards[/{code}]), and the admin's upsert (PUT /api/v1/admin/standards/{code}).
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListStandards(const HandlerContext& context, http::Request& request);
http::Response GetStandard(const HandlerContext& context, http::Request& request);
http::Response SaveStandard(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
