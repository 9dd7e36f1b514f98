// POST /api/v1/bodies/{bodyId}/certificates/{number}/invalidation and .../annulment: the issuing
// body's clerk (or an admin) declares a certificate invalid, or annuls one entered in error, with a
// reason (app/change_certificate_status.hpp).
#pragma once

#include "domain/certificate_status.hpp"
#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ChangeCertificateStatus(const HandlerContext& context, http::Request& request,
                                       CertificateStatus to);

}  // namespace kutse::certificate
