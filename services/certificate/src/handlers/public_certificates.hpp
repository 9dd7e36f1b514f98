// The public register, for anyone: search (GET /api/v1/public/certificates) and one certificate's
// page (GET /api/v1/public/certificates/{number}). Never a personal code or a date of birth.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response SearchPublicCertificates(const HandlerContext& context, http::Request& request);
http::Response GetPublicCertificate(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
