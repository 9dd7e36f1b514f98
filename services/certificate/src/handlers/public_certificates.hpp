// The public register: GET /api/v1/public/certificates (search published certificates) and
// GET /api/v1/public/certificates/{number}. Never a personal code or a date of birth.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response SearchPublicCertificates(db::Pool& pool, http::Request& request);
http::Response GetPublicCertificate(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
