// POST /api/v1/admin/certificate-imports: the register keeper loads entries of the old register
// (all years, the old 5-level scale), up to 10,000 per request, accepted or refused as a whole.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ImportCertificates(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
