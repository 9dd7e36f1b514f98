// POST /api/v1/bodies/{bodyId}/certificates: an awarding body's clerk records a certificate.
// The certificate row and its certificate.issued.v1 event are written in one transaction.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response RecordCertificate(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
