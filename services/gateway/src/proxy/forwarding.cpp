#include "proxy/forwarding.hpp"

#include <set>

#include "kutse/http/problem.hpp"

namespace kutse::gateway {
namespace {

// content-disposition: the name of a file sent as the body (ADR 0006).
const std::set<std::string> kRequestHeaders = {
    "content-type",  "accept",          "accept-language", "if-match",
    "if-none-match", "idempotency-key", "traceparent",     "content-disposition"};
// content-disposition: a file (a sealed PDF) reaches the browser as a download with its name;
// x-content-type-options: and the browser keeps to the file's declared type.
const std::set<std::string> kResponseHeaders = {"location",
                                                "etag",
                                                "retry-after",
                                                "allow",
                                                "cache-control",
                                                "content-language",
                                                "content-disposition",
                                                "x-content-type-options"};

bool HasControlCharacters(const std::string& value) {
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') {
      return true;
    }
  }
  return false;
}

}  // namespace

UpstreamRequest BuildUpstreamRequest(const http::Request& incoming, const Upstream& upstream,
                                     const std::optional<std::string>& internal_token) {
  UpstreamRequest request;
  request.method = incoming.method;
  request.url = upstream.base_url + incoming.path + (incoming.query.empty() ? "" : "?" + incoming.query);
  for (const auto& [name, value] : incoming.headers) {
    if (kRequestHeaders.count(name) != 0 && !HasControlCharacters(value)) {
      request.headers.push_back(name + ": " + value);
    }
  }
  request.headers.push_back("x-request-id: " + incoming.request_id);
  if (internal_token) {
    request.headers.push_back("authorization: Bearer " + *internal_token);
  }
  request.body = incoming.body;
  request.timeout = upstream.timeout;
  return request;
}

http::Response ToClientResponse(UpstreamResponse upstream, const http::Request& incoming) {
  if (upstream.failure != UpstreamResponse::Failure::kNone || upstream.status < 100) {
    bool timeout = upstream.failure == UpstreamResponse::Failure::kTimeout;
    common::Status status =
        timeout ? common::DeadlineExceeded(common::Msg("proxy.timeout"))
                : common::Unavailable(common::Msg("proxy.unreachable")).WithReason("bad_gateway");
    return http::ProblemResponse(status, incoming.path, incoming.request_id, incoming.Language());
  }
  http::Response response;
  response.status = upstream.status;
  response.body = std::move(upstream.body);
  response.content_type = "application/octet-stream";
  for (auto& [name, value] : upstream.headers) {
    if (name == "content-type") {
      response.content_type = value;
    } else if (kResponseHeaders.count(name) != 0) {
      response.headers.emplace_back(name, value);
    }
  }
  return response;
}

}  // namespace kutse::gateway
