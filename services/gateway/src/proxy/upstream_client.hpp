// Non-blocking HTTP/1.1 to the services with libcurl's multi interface, driven by the I/O loop of
// the thread that calls: the gateway's I/O thread receives a request, sends it upstream, reads the
// answer and writes the reply without handing anything to another thread. One curl multi handle
// per loop, with its own kept-alive connections and reused easy handles.
// Deliberately not libs/http's Client: that one blocks a worker thread per call (fine for a
// sign-in or one service asking another), while forwarding every API request must not leave the
// I/O thread; its retries would also be wrong here, as the gateway forwards what the caller sent.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kutse::http {
class IoLoop;
}

namespace kutse::gateway {

struct UpstreamRequest {
  std::string method;
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::chrono::milliseconds timeout{10000};
};

struct UpstreamResponse {
  enum class Failure { kNone, kConnect, kTimeout, kOther };
  Failure failure = Failure::kNone;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
};

class UpstreamClient {
 public:
  using Done = std::function<void(UpstreamResponse)>;

  // At most this many connections to one service per I/O loop.
  explicit UpstreamClient(long max_connections_per_host);
  // Must outlive the server whose I/O loops it uses (the runtime stops the server first).
  // Calls still in flight are dropped without an answer.
  ~UpstreamClient();
  UpstreamClient(const UpstreamClient&) = delete;
  UpstreamClient& operator=(const UpstreamClient&) = delete;

  // Thread-safe. The call runs on the calling thread's own I/O loop if it has one (no hand-off);
  // otherwise it is posted to `loop` (the request's I/O thread), or without one to a loop of the
  // client's own. `done` runs on that loop, possibly before Send returns, and must not block.
  void Send(UpstreamRequest request, Done done, http::IoLoop* loop = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kutse::gateway
