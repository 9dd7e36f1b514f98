// "My certificates": GET /api/v1/me/certificates (every certificate of the signed-in person, grouped)
// and PUT /api/v1/me/certificates/{number}/publication (the holder publishes or hides it).
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListMyCertificates(db::Pool& pool, http::Request& request);
http::Response SetMyPublication(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
