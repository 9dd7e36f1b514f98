// One exchange with a trust service over HTTP: the DER of a time-stamp or OCSP request POSTed with
// its media type, the answer's DER back when it is 200 with the media type expected. Shared by the
// TSA and the OCSP client. Both requests are safe to repeat, so a refused connection, a timeout or
// a 502/503/504 is tried again within the time budget. Every failure throws
// seal::TrustServiceUnavailable naming the service and the reason, never the URL or the body.
#pragma once

#include <chrono>
#include <string>

#include "kutse/http/client.hpp"

namespace kutse::stamping {

struct TrustServiceEndpoint {
  std::string name;      // for messages: "time-stamping authority", "OCSP responder"
  std::string upstream;  // for metrics: "tsa", "ocsp"
  std::string url;       // as configured; may hold credentials, so never logged as is
  std::string request_type;
  std::string response_type;
  std::chrono::milliseconds budget;  // every attempt and wait of one exchange
};

class TrustServiceExchange {
 public:
  explicit TrustServiceExchange(TrustServiceEndpoint endpoint);

  // The answer's body. Throws seal::TrustServiceUnavailable.
  std::string Post(const std::string& der) const;

  // Throws seal::TrustServiceUnavailable("<name>: <reason>").
  [[noreturn]] void Refuse(const std::string& reason) const;

  // The URL's host name alone, for a log line.
  std::string Host() const;

 private:
  TrustServiceEndpoint endpoint_;
  http::Client client_;
};

// The host of an http(s) URL: no scheme, credentials, port or path. Empty when it has none.
std::string HostOf(const std::string& url);

}  // namespace kutse::stamping
