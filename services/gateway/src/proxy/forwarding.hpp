// What crosses the gateway and what does not: only listed headers go to a service (never the
// client's own Authorization or identity headers), and only listed headers come back. No I/O.
#pragma once

#include <optional>
#include <string>

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"
#include "proxy/route_table.hpp"
#include "proxy/upstream_client.hpp"

namespace kutse::gateway {

UpstreamRequest BuildUpstreamRequest(const http::Request& incoming, const Upstream& upstream,
                                     const std::optional<std::string>& internal_token);

// A failed call becomes 502 or 504 problem+json; a service's answer passes through.
http::Response ToClientResponse(UpstreamResponse upstream, const http::Request& incoming);

}  // namespace kutse::gateway
