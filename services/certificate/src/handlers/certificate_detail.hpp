// One certificate with its history and print history: the holder's own
// (GET /api/v1/me/certificates/{number}) and the issuing body's staff view
// (GET /api/v1/bodies/{bodyId}/certificates/{number}), which is logged as a read of the holder's data.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response GetMyCertificate(const HandlerContext& context, http::Request& request);
http::Response GetBodysCertificate(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
