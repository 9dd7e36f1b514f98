// CORS for awarding bodies' home pages: browsers may call the public endpoints from the origins
// that the bodies registered for their API clients. No I/O: whether an origin is registered is
// decided by the caller.
#pragma once

#include <string>

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::gateway {

bool IsCorsPath(const std::string& path);  // /api/v1/public/...
// Adds Access-Control-Allow-Origin for a registered origin; Vary: Origin always.
void AddCorsHeaders(const http::Request& request, bool origin_registered, http::Response& response);
// The answer to a preflight (OPTIONS): 204 with what a browser may do, or 403 for other origins.
http::Response PreflightAnswer(const http::Request& request, bool origin_registered);

}  // namespace kutse::gateway
