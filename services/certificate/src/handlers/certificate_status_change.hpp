// POST /api/v1/bodies/{bodyId}/certificates/{number}/invalidation and .../annulment: the issuing
// body's clerk (or an admin) declares a certificate invalid, or annuls one entered in error, with a
// reason. The change, its history entry and its event are one transaction.
#pragma once

#include "domain/certificate_status.hpp"
#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ChangeCertificateStatus(db::Pool& pool, http::Request& request, CertificateStatus to);

}  // namespace kutse::certificate
