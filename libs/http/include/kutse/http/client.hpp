// A blocking HTTP/1.1 client (libcurl) for calls from one service to another or to an outside
// server: the stamping service asking the certificate service, the gateway asking the OpenID
// provider. Per client: a base URL, a connect and a total timeout, retries within a time budget and
// a limit on the size of an answer; per upstream, Prometheus metrics. Failures come back as a
// common::Status with a message key, never curl's own text (it can hold a URL with credentials).
//
// Retries happen only when repeating cannot do harm (GET, HEAD, OPTIONS, PUT, DELETE, or a request
// the caller marks safe_to_repeat, e.g. one carrying an Idempotency-Key) and only when the upstream
// did not do the work: the connection failed, the attempt timed out, or the answer was 502, 503 or
// 504. Back-off is exponential with jitter and honours Retry-After, but never sleeps past the
// budget: a Retry-After longer than what is left ends the call at once.
//
// Thread-safe: Send may be called from many worker threads at once. Each call takes an easy handle
// from a small pool and gives it back: a handle keeps its connections alive, so a second call to
// the same upstream skips the TCP (and TLS) handshake, and a handle is used by one thread at a
// time, so no lock is held during a transfer. Not for the I/O threads: it blocks (the gateway's
// forwarding uses proxy/upstream_client, which runs on the I/O loops).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::http {

struct RetryPolicy {
  int max_attempts = 3;  // 1: never retry
  std::chrono::milliseconds initial_backoff{100};
  std::chrono::milliseconds max_backoff{2000};
  // All attempts and the waits between them end within this time after Send began.
  std::chrono::milliseconds budget{10000};
};

struct ClientOptions {
  std::string upstream;  // a short name for metrics and logs: "certificate", "oidc"
  std::string base_url;  // e.g. http://certificate:8080; a request's target is appended to it
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds timeout{5000};  // one attempt, from start to the answer's last byte
  RetryPolicy retry;
  size_t max_response_bytes = 1024 * 1024;
  // A number in [0, 1) for the jitter of each back-off; tests pin it. Default: a per-thread generator.
  std::function<double()> jitter;
};

struct ClientRequest {
  std::string method = "GET";
  // A path with its query, appended to the base URL; or an absolute http(s) URL that the upstream
  // itself handed out (the endpoints in an OpenID discovery document).
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // bytes, sent as given
  // A POST or PATCH that the upstream de-duplicates (an Idempotency-Key): may be retried too.
  bool safe_to_repeat = false;
  // HTTP Basic credentials, encoded by curl (client_secret_basic of OAuth 2.0).
  std::optional<std::pair<std::string, std::string>> basic_auth;
};

struct ClientResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case, in order
  std::string body;
  int attempts = 0;  // how many were made for this answer

  std::optional<std::string> Header(const std::string& lower_case_name) const;
};

class Client {
 public:
  explicit Client(ClientOptions options);
  ~Client();
  Client(Client&&) noexcept;
  Client& operator=(Client&&) noexcept;
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Every answer is a ClientResponse (4xx and 500 included: the caller reads them) except these,
  // which mean the upstream could not do it and come back as a Status:
  //   not reachable, connection broken, 502, 503 -> unavailable (with the answer's Retry-After)
  //   attempt or budget timed out, 504          -> deadline exceeded
  //   answer larger than max_response_bytes     -> unavailable, reason bad_gateway; not retried
  //   anything else curl refuses (TLS, garbage) -> unavailable, reason bad_gateway; not retried
  common::StatusOr<ClientResponse> Send(const ClientRequest& request) const;

  const ClientOptions& Options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The wait before attempt number `next_attempt` (2 for the first retry): the exponential back-off
// with jitter in [backoff/2, backoff), or Retry-After when the upstream sent one; nullopt when no
// further attempt fits: attempts used up, or the wait would not leave time within `left`.
std::optional<std::chrono::milliseconds> RetryDelay(const RetryPolicy& policy, int next_attempt,
                                                    std::optional<std::chrono::milliseconds> retry_after,
                                                    std::chrono::milliseconds left, double jitter);

// Whether a request may be sent again without asking the caller: RFC 9110's idempotent methods.
bool IsIdempotentMethod(const std::string& method);

// A URL fit for a log line: no user name or password, no query, no fragment.
std::string UrlForLog(const std::string& url);

}  // namespace kutse::http
