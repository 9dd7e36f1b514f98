// Awarding bodies and their rights: the public list and one body
// (GET /api/v1/public/awarding-bodies[/{registryCode}]), and the admin's upsert that replaces the
// body's rights (PUT /api/v1/admin/awarding-bodies/{registryCode}).
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListAwardingBodies(db::Pool& pool, http::Request& request);
http::Response GetAwardingBody(db::Pool& pool, http::Request& request);
http::Response SaveAwardingBody(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
