// Non-blocking HTTP/1.1 to the services with libcurl's multi interface on one thread of its own:
// connections are kept alive and reused, and no I/O thread ever waits for an upstream answer.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

  explicit UpstreamClient(long max_connections_per_host);
  ~UpstreamClient();
  UpstreamClient(const UpstreamClient&) = delete;
  UpstreamClient& operator=(const UpstreamClient&) = delete;

  // Thread-safe; `done` runs on the client's thread and must not block.
  void Send(UpstreamRequest request, Done done);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kutse::gateway
