// The forwarded routes that take a file larger than every other body: each gets its own limit in the
// gateway's router, so one route's uploads do not raise the limit of all /api/v1 routes. The owning
// service checks the file again (type, size) with its own upload rules. No I/O.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kutse::gateway {

struct LargeBodyRoute {
  std::string method;
  std::string pattern;  // a route pattern of http::Router, e.g. "/api/v1/public/verifications"
  size_t max_body_bytes;
  // Anonymous and costly: counted per client address (AddressRateLimit).
  bool limited_per_address = false;
};

// A sealed document uploaded for verification (ADR 0006, issue 12): a PDF or ASiC-E container.
inline constexpr size_t kMaxVerifiedDocument = 15 * 1024 * 1024;
// A file attached to a request (issue 10): 10 MB, with room for the workflow service to be the one
// that answers "too large" for a file just over it, in the caller's language.
inline constexpr size_t kMaxRequestAttachment = 10 * 1024 * 1024 + 64 * 1024;

std::vector<LargeBodyRoute> LargeBodyRoutes();

}  // namespace kutse::gateway
