// The public register: GET /api/v1/public/certificates (search published certificates by name,
// number, standard, level, awarding body and validity on a day) and
// GET /api/v1/public/certificates/{number}. Never a personal code or a date of birth.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

namespace search {
class NameIndexFeed;
}

// `names`: the in-memory name index, or null to search by SQL alone.
http::Response SearchPublicCertificates(db::Pool& pool, const search::NameIndexFeed* names,
                                        http::Request& request);
http::Response GetPublicCertificate(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
