// The holder's digital stamps: POST /api/v1/me/certificates/{number}/stamps answers the sealed file.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::stamping {

http::Response CreateMyStamp(const HandlerContext& context, http::Request& request);

}  // namespace kutse::stamping
