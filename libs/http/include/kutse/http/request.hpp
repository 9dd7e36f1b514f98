// An HTTP request as our handlers see it: plain strings, no Pistache types.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kutse/auth/identity.hpp"

namespace kutse::http {

class IoLoop;

struct Request {
  std::string method;                          // upper case: GET, POST, ...
  std::string path;                            // without the query
  std::string query;                           // raw, without '?'
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::map<std::string, std::string> path_params;
  std::string route;       // the matched pattern, e.g. /api/v1/me/notifications; used in logs and metrics
  std::string request_id;  // from X-Request-Id when safe, else generated
  // The TCP peer's IP address; behind a proxy, the proxy's (gateway::TrustedProxies finds the client).
  std::string peer_address;
  std::optional<auth::Identity> caller;
  // The I/O thread that received the request (null outside a server): non-blocking work started
  // from a worker thread is posted back there, so the answer leaves from where it came in.
  IoLoop* io_loop = nullptr;

  std::optional<std::string> Header(const std::string& lower_case_name) const;
  std::optional<std::string> QueryParam(const std::string& name) const;  // percent-decoded
  const std::string& PathParam(const std::string& name) const;
  // "en" when the caller prefers English over Estonian in Accept-Language, otherwise "et".
  std::string Language() const;
  // Parses the body as a JSON object; throws StatusError: malformed_json (not JSON, or not UTF-8),
  // or validation_failed when it is not an object or a string or member name in it holds a control
  // character other than tab and line breaks (each such place named by its JSON Pointer).
  nlohmann::json JsonBody() const;
};

// Query values: '+' is a space.
std::string PercentDecode(const std::string& text);
// Paths: '+' is itself.
std::string PercentDecodePath(const std::string& text);
// One path segment for a request of our own (a certificate number may hold '/'): every byte but
// letters, digits, '-', '_' and '~' as %XX, so PercentDecodePath gives the text back and no "." or
// ".." segment can be made of it.
std::string PercentEncodePathSegment(const std::string& text);

}  // namespace kutse::http
