// Awarding bodies and their rights: the public list and one body
// (GET /api/v1/public/awarding-bodies[/{registryCode}]), and the admin's upsert that replaces the
// body's rights (PUT /api/v1/admin/awarding-bodies/{registryCode}).
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListAwardingBodies(const HandlerContext& context, http::Request& request);
http::Response GetAwardingBody(const HandlerContext& context, http::Request& request);
http::Response SaveAwardingBody(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
