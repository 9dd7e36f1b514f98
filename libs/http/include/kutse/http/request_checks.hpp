// Input checked at the edge, once, before any handler sees it: the path and every query parameter
// must be valid UTF-8 without control characters once percent-decoded (a NUL would otherwise cut a
// value short in PostgreSQL's C strings); a body must come in the media type its route takes; and
// the caller must accept the media type the route answers with.
#pragma once

#include <string>

#include "kutse/common/status.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/router.hpp"

namespace kutse::http {

// Bad request naming the path or the parameter ("/<name>") that is not clean text.
common::Status CheckPathAndQuery(const Request& request);
// Unsupported media type when a route that takes JSON gets a body of another type.
common::Status CheckContentType(const RouteOptions& route, const Request& request);
// Not acceptable when Accept rules out what the route answers with (q=0 counts as ruled out).
common::Status CheckAccept(const RouteOptions& route, const Request& request);

// "Application/JSON; charset=utf-8" -> "application/json".
std::string MediaTypeOf(const std::string& header_value);
// Whether an Accept header lets `media_type` through (*/*, type/*, or the type itself, q > 0).
bool Accepts(const std::string& accept_header, const std::string& media_type);

}  // namespace kutse::http
