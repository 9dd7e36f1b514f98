// The public's verification of a digital stamp, anonymous: GET
// /api/v1/public/verifications/{verificationCode} (the code of the QR link) and POST
// /api/v1/public/verifications (the sealed document as the raw body, ADR 0006; the route's upload rules have
// checked its size and sniffed its type).
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::stamping {

http::Response VerifyStampByCode(const HandlerContext& context, http::Request& request);
http::Response VerifyUploadedDocument(const HandlerContext& context, http::Request& request);

}  // namespace kutse::stamping
