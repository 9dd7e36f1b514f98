// POST /api/v1/admin/certificate-imports: the admin loads entries of the old register (all years,
// old 5-level scale), up to 10,000 per request, accepted or refused as a whole. Idempotent by
// number: an entry already imported with the same data is counted as unchanged; the same number
// with other data refuses the request. Imported entries raise no "issued" notices.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ImportCertificates(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
