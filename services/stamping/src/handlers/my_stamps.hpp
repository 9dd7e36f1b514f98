// The holder's digital stamps: POST /api/v1/me/certificates/{number}/stamps answers the sealed file;
// GET /api/v1/me/stamps lists them, newest first; POST /api/v1/me/stamps/{stamp}/withdrawal
// withdraws one's verification link.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::stamping {

http::Response CreateMyStamp(const HandlerContext& context, http::Request& request);
http::Response ListMyStamps(const HandlerContext& context, http::Request& request);
http::Response WithdrawMyStamp(const HandlerContext& context, http::Request& request);

}  // namespace kutse::stamping
