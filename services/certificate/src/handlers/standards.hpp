// Occupational standards: the public list and one standard (GET /api/v1/public/standards[/{code}]),
// and the admin's upsert (PUT /api/v1/admin/standards/{code}).
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListStandards(db::Pool& pool, http::Request& request);
http::Response GetStandard(db::Pool& pool, http::Request& request);
http::Response SaveStandard(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
