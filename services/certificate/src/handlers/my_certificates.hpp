// The holder's "My certificates": every certificate ever issued to them in three groups (valid, no
// longer valid, duplicates) with what they may do with each (GET /api/v1/me/certificates), and
// publishing or hiding one (PUT /api/v1/me/certificates/{number}/publication).
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response ListMyCertificates(const HandlerContext& context, http::Request& request);
http::Response SetMyPublication(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
