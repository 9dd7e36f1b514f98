// kutse-bench-upstream-cost: what libcurl itself costs per forwarded request, on this machine.
//
// The gateway must talk to the services with libcurl (issue 2). This measures the floor of that
// choice: one keep-alive connection, one request at a time, to a service endpoint, by two clients in
// the same process, taking turns:
//   socket   send() of a fixed request and recv() until Content-Length is in: no HTTP library at all;
//   libcurl  curl_easy_perform() on one reused easy handle with default options, the cheapest way
//            to use libcurl (the gateway's multi handle on an event loop does more per request).
// For each it prints requests per second and the CPU time of this process per request (user and
// kernel), the median of the rounds. The difference is what libcurl adds to every request the
// gateway forwards, whatever the gateway's own code does.
//
// Usage: kutse-bench-upstream-cost <port> <path> [requests per round, 20000] [rounds, 3]
// (the service on 127.0.0.1; the path of an endpoint that needs no token, e.g. /api/v1/public/status)
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Cost {
  double requests_per_second = 0;
  double cpu_us = 0;   // user + kernel, per request
  double user_us = 0;  // user alone, per request
};

struct Usage {
  double user = 0;
  double total = 0;
};

Usage ProcessUsage() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double user =
      static_cast<double>(usage.ru_utime.tv_sec) + static_cast<double>(usage.ru_utime.tv_usec) / 1e6;
  double system =
      static_cast<double>(usage.ru_stime.tv_sec) + static_cast<double>(usage.ru_stime.tv_usec) / 1e6;
  return Usage{user, user + system};
}

// Runs `one` (a single request, false on failure) `count` times and measures it.
template <typename Request>
Cost Measure(int count, Request one) {
  Usage before = ProcessUsage();
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    if (!one()) {
      std::fprintf(stderr, "a request failed\n");
      std::exit(1);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Usage after = ProcessUsage();
  return Cost{count / seconds, (after.total - before.total) * 1e6 / count,
              (after.user - before.user) * 1e6 / count};
}

// A plain keep-alive HTTP/1.1 exchange on one socket: enough for a service's small fixed answer.
class SocketClient {
 public:
  SocketClient(int port, const std::string& path)
      : request_("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      std::fprintf(stderr, "cannot connect to 127.0.0.1:%d\n", port);
      std::exit(1);
    }
  }
  ~SocketClient() { close(fd_); }
  SocketClient(const SocketClient&) = delete;
  SocketClient& operator=(const SocketClient&) = delete;

  bool Get() {
    if (send(fd_, request_.data(), request_.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request_.size())) {
      return false;
    }
    size_t received = 0;
    for (;;) {
      ssize_t got = recv(fd_, buffer_ + received, sizeof buffer_ - 1 - received, 0);
      if (got <= 0) {
        return false;
      }
      received += static_cast<size_t>(got);
      buffer_[received] = '\0';
      const char* head_end = std::strstr(buffer_, "\r\n\r\n");
      const char* length = strcasestr(buffer_, "content-length:");
      if (head_end != nullptr && length != nullptr) {
        size_t total = static_cast<size_t>(head_end - buffer_) + 4 + std::strtoul(length + 15, nullptr, 10);
        if (received >= total) {
          return std::strncmp(buffer_, "HTTP/1.1 200", 12) == 0;
        }
      }
      if (received + 1 >= sizeof buffer_) {
        return false;  // larger than this benchmark's endpoints answer
      }
    }
  }

 private:
  std::string request_;
  int fd_ = -1;
  char buffer_[65536];
};

size_t Discard(char*, size_t size, size_t count, void*) {
  return size * count;
}

class CurlClient {
 public:
  CurlClient(int port, const std::string& path) : url_("http://127.0.0.1:" + std::to_string(port) + path) {
    easy_ = curl_easy_init();
    curl_easy_setopt(easy_, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, Discard);
    curl_easy_setopt(easy_, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
  }
  ~CurlClient() { curl_easy_cleanup(easy_); }
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  bool Get() {
    long status = 0;
    return curl_easy_perform(easy_) == CURLE_OK &&
           curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && status == 200;
  }

 private:
  std::string url_;
  CURL* easy_ = nullptr;
};

Cost Median(std::vector<Cost> costs) {
  auto middle = [&costs](auto field) {
    std::vector<double> values;
    for (const Cost& cost : costs) {
      values.push_back(cost.*field);
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  return Cost{middle(&Cost::requests_per_second), middle(&Cost::cpu_us), middle(&Cost::user_us)};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <port> <path> [requests per round] [rounds]\n", argv[0]);
    return 2;
  }
  int port = std::atoi(argv[1]);
  std::string path = argv[2];
  int count = argc > 3 ? std::atoi(argv[3]) : 20000;
  int rounds = argc > 4 ? std::atoi(argv[4]) : 3;
  if (port <= 0 || count <= 0 || rounds <= 0 || path.empty() || path[0] != '/') {
    std::fprintf(stderr, "port, requests and rounds must be positive and the path must start with /\n");
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  SocketClient socket_client(port, path);
  CurlClient curl_client(port, path);
  // A warm-up for each, so the connections exist and the caches are filled.
  Measure(count / 10 + 1, [&] { return socket_client.Get(); });
  Measure(count / 10 + 1, [&] { return curl_client.Get(); });
  std::vector<Cost> socket_costs;
  std::vector<Cost> curl_costs;
  for (int round = 0; round < rounds; ++round) {
    socket_costs.push_back(Measure(count, [&] { return socket_client.Get(); }));
    curl_costs.push_back(Measure(count, [&] { return curl_client.Get(); }));
  }
  for (const auto& [name, cost] :
       {std::make_pair("socket", Median(socket_costs)), std::make_pair("libcurl", Median(curl_costs))}) {
    std::printf("%s %.0f %.1f %.1f\n", name, cost.requests_per_second, cost.cpu_us, cost.user_us);
  }
  curl_global_cleanup();
  return 0;
}
