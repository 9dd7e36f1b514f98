// The outbound HTTP client against real servers on loopback, started here: one of ours (libs/http's
// Server) that answers, fails or answers too much, a raw socket that accepts and never answers or
// answers in chunks, and a port nobody listens on. Checks what comes back, how many attempts were
// made (the per-upstream metrics) and that the time spent stays within the budget.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <functional>
#include <thread>

#include "kutse/common/metrics.hpp"
#include "kutse/http/client.hpp"
#include "kutse/http/server.hpp"
#include "support/test_ports.hpp"

using namespace kutse;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

// Listens on a free loopback port; each accepted connection is handed to `serve` on the server's
// one thread, and kept open until the server is destroyed.
class RawServer {
 public:
  explicit RawServer(std::function<void(int)> serve) : serve_(std::move(serve)) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    REQUIRE(bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(listen(listen_fd_, 16) == 0);
    socklen_t length = sizeof address;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Run(); });
  }
  ~RawServer() {
    running_ = false;
    thread_.join();
    for (int fd : connections_) {
      close(fd);
    }
    close(listen_fd_);
  }
  int Port() const { return port_; }
  int Accepted() const { return accepted_.load(); }

 private:
  void Run() {
    while (running_) {
      pollfd ready{listen_fd_, POLLIN, 0};
      if (poll(&ready, 1, 20) <= 0) {
        continue;
      }
      int fd = accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) {
        continue;
      }
      ++accepted_;
      connections_.push_back(fd);
      serve_(fd);
    }
  }

  std::function<void(int)> serve_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> running_{true};
  std::atomic<int> accepted_{0};
  std::vector<int> connections_;
  std::thread thread_;
};

// Reads until the end of a request's head, so that the client has surely sent it.
void ReadHead(int fd) {
  std::string head;
  char buffer[1024];
  while (head.find("\r\n\r\n") == std::string::npos) {
    ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got <= 0) {
      return;
    }
    head.append(buffer, static_cast<size_t>(got));
  }
}

struct Counters {
  std::atomic<int> flaky{0};
  std::atomic<int> busy{0};
  std::atomic<int> posted{0};
  std::atomic<int> big{0};
};

http::Router TestRouter(Counters& counters) {
  http::Router router;
  router.Add("GET", "/hello", [](http::Request& request) {
    return http::Response::Json(200,
                                {{"hello", "maailm"}, {"marker", request.Header("x-marker").value_or("")}});
  });
  router.Add(
      "PUT", "/echo",
      [](http::Request& request) {
        return http::Response::Text(200, request.Header("content-type").value_or(""), request.body);
      },
      http::RouteOptions{64 * 1024, false});
  router.Add("GET", "/missing", [](http::Request&) {
    return http::Response::Json(404, {{"code", "not_found"}});
  });
  // 503 twice (the second time asking for a one-second pause), then 200.
  router.Add("GET", "/flaky", [&counters](http::Request&) {
    int hit = ++counters.flaky;
    if (hit == 1) {
      return http::Response::Json(503, {{"try", hit}});
    }
    if (hit == 2) {
      return http::Response::Json(503, {{"try", hit}}).WithHeader("Retry-After", "1");
    }
    return http::Response::Json(200, {{"try", hit}});
  });
  router.Add("GET", "/busy", [&counters](http::Request&) {
    ++counters.busy;
    return http::Response::Json(503, {{"busy", true}}).WithHeader("Retry-After", "30");
  });
  router.Add(
      "POST", "/orders",
      [&counters](http::Request&) {
        ++counters.posted;
        return http::Response::Json(503, {{"busy", true}});
      },
      http::RouteOptions{64 * 1024, false});
  router.Add("GET", "/big", [&counters](http::Request&) {
    ++counters.big;
    return http::Response::Text(200, "application/octet-stream", std::string(64 * 1024, 'x'));
  });
  return router;
}

// libs/http's server with the routes above on a free port, drained at the end.
struct TestServer {
  TestServer() : router(TestRouter(counters)), server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}}) {
    server.Start();
  }
  ~TestServer() { server.Drain(milliseconds(1000)); }
  int Port() const { return server.Port(); }

  Counters counters;
  http::Router router;
  http::Server server;
};

double Attempts(const std::string& upstream, const std::string& outcome) {
  return common::MetricsRegistry::Default().CounterValue("http_client_requests_total",
                                                         {{"upstream", upstream}, {"outcome", outcome}});
}

http::ClientOptions Options(const std::string& upstream, int port) {
  http::ClientOptions options;
  options.upstream = upstream;
  options.base_url = "http://127.0.0.1:" + std::to_string(port) + "/";
  options.timeout = milliseconds(2000);
  options.retry.max_attempts = 3;
  options.retry.initial_backoff = milliseconds(100);
  options.retry.budget = milliseconds(5000);
  options.jitter = [] { return 0.0; };
  return options;
}

long long MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("the client sends to its base URL and returns every ordinary answer", "[http_client]") {
  TestServer server;
  http::Client client(Options("test-plain", server.Port()));

  auto hello = client.Send({"GET", "/hello", {{"X-Marker", "m1"}}, "", false, std::nullopt});
  REQUIRE(hello.ok());
  REQUIRE(hello->status == 200);
  REQUIRE(hello->attempts == 1);
  REQUIRE(nlohmann::json::parse(hello->body)["marker"] == "m1");
  REQUIRE(hello->Header("content-type") == std::optional<std::string>("application/json"));

  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes.push_back(static_cast<char>(i));
  }
  auto echoed =
      client.Send({"PUT", "echo", {{"Content-Type", "application/octet-stream"}}, bytes, false, {}});
  REQUIRE(echoed.ok());
  REQUIRE(echoed->body == bytes);

  // A 404 is the upstream's answer, for the caller to read: not a failure of the call.
  auto missing = client.Send({"GET", "/missing", {}, "", false, {}});
  REQUIRE(missing.ok());
  REQUIRE(missing->status == 404);
  REQUIRE(Attempts("test-plain", "4xx") == 1);
  REQUIRE(Attempts("test-plain", "2xx") == 2);

  auto bad_header = client.Send({"GET", "/hello", {{"X-Marker", "a\r\nX-Injected: 1"}}, "", false, {}});
  REQUIRE(bad_header.status().code() == common::StatusCode::kInternal);
}

TEST_CASE("a server that never answers ends each attempt at the timeout and the call at the budget",
          "[http_client]") {
  RawServer silent([](int fd) { ReadHead(fd); });

  http::ClientOptions once = Options("test-silent-once", silent.Port());
  once.timeout = milliseconds(300);
  once.retry.max_attempts = 1;
  auto started = Clock::now();
  auto result = http::Client(once).Send({"GET", "/anything", {}, "", false, {}});
  long long elapsed = MillisecondsSince(started);
  REQUIRE(result.status().code() == common::StatusCode::kDeadlineExceeded);
  REQUIRE(result.status().message().key == "http_client.timed_out");
  REQUIRE(elapsed >= 290);
  REQUIRE(elapsed < 1000);

  http::ClientOptions budgeted = Options("test-silent-budget", silent.Port());
  budgeted.timeout = milliseconds(300);
  budgeted.retry.max_attempts = 10;
  budgeted.retry.initial_backoff = milliseconds(50);
  budgeted.retry.budget = milliseconds(800);
  started = Clock::now();
  result = http::Client(budgeted).Send({"GET", "/anything", {}, "", false, {}});
  elapsed = MillisecondsSince(started);
  REQUIRE(result.status().code() == common::StatusCode::kDeadlineExceeded);
  REQUIRE(elapsed >= 780);
  REQUIRE(elapsed < 1300);
  // 300 + 25 + 300 + 50, then what is left of the 800: three attempts, the last one cut short.
  REQUIRE(Attempts("test-silent-budget", "timeout") == 3);
}

TEST_CASE("a refused connection is retried with back-off within the budget, then unavailable",
          "[http_client]") {
  http::ClientOptions options = Options("test-refused", testing::ClosedPort());
  auto started = Clock::now();
  auto result = http::Client(options).Send({"GET", "/hello", {}, "", false, {}});
  long long elapsed = MillisecondsSince(started);
  REQUIRE(result.status().code() == common::StatusCode::kUnavailable);
  REQUIRE(result.status().message().key == "http_client.unreachable");
  REQUIRE(result.status().message().values ==
          std::vector<std::pair<std::string, std::string>>{{"upstream", "test-refused"}});
  REQUIRE(Attempts("test-refused", "unreachable") == 3);
  REQUIRE(common::MetricsRegistry::Default().CounterValue("http_client_retries_total",
                                                          {{"upstream", "test-refused"}}) == 2);
  // Jitter pinned at 0: waits of 50 and 100 ms.
  REQUIRE(elapsed >= 150);
  REQUIRE(elapsed < 2000);
}

TEST_CASE("503 twice then 200 is retried, honouring Retry-After, and succeeds", "[http_client]") {
  TestServer server;
  auto& counters = server.counters;
  auto started = Clock::now();
  auto result = http::Client(Options("test-flaky", server.Port())).Send({"GET", "/flaky", {}, "", false, {}});
  long long elapsed = MillisecondsSince(started);
  REQUIRE(result.ok());
  REQUIRE(result->status == 200);
  REQUIRE(result->attempts == 3);
  REQUIRE(nlohmann::json::parse(result->body)["try"] == 3);
  REQUIRE(counters.flaky == 3);
  REQUIRE(Attempts("test-flaky", "5xx") == 2);
  REQUIRE(elapsed >= 1000);  // the second 503 asked for a second
  REQUIRE(elapsed < 3000);
}

TEST_CASE("a Retry-After beyond the budget ends the call at once, without sleeping", "[http_client]") {
  TestServer server;
  auto& counters = server.counters;
  http::ClientOptions options = Options("test-busy", server.Port());
  options.retry.budget = milliseconds(2000);
  auto started = Clock::now();
  auto result = http::Client(options).Send({"GET", "/busy", {}, "", false, {}});
  long long elapsed = MillisecondsSince(started);
  REQUIRE(result.status().code() == common::StatusCode::kUnavailable);
  REQUIRE(result.status().message().key == "http_client.upstream_unavailable");
  REQUIRE(result.status().retry_after() == std::optional<std::chrono::seconds>(30));
  REQUIRE(counters.busy == 1);
  REQUIRE(elapsed < 500);
}

TEST_CASE("a POST is not retried unless the caller says it is safe to repeat", "[http_client]") {
  TestServer server;
  auto& counters = server.counters;
  http::Client client(Options("test-post", server.Port()));
  auto once = client.Send({"POST", "/orders", {{"Content-Type", "application/json"}}, "{}", false, {}});
  REQUIRE(once.status().code() == common::StatusCode::kUnavailable);
  REQUIRE(counters.posted == 1);

  auto repeated = client.Send(
      {"POST", "/orders", {{"Content-Type", "application/json"}, {"Idempotency-Key", "k1"}}, "{}", true, {}});
  REQUIRE(repeated.status().code() == common::StatusCode::kUnavailable);
  REQUIRE(counters.posted == 1 + 3);
}

TEST_CASE("an answer larger than the limit is refused and not retried", "[http_client]") {
  TestServer server;
  auto& counters = server.counters;
  http::ClientOptions options = Options("test-big", server.Port());
  options.max_response_bytes = 1024;
  auto result = http::Client(options).Send({"GET", "/big", {}, "", false, {}});
  REQUIRE(result.status().code() == common::StatusCode::kUnavailable);
  REQUIRE(result.status().reason() == "bad_gateway");
  REQUIRE(result.status().message().key == "http_client.answer_too_large");
  REQUIRE(counters.big == 1);
  REQUIRE(Attempts("test-big", "too_large") == 1);

  // Without a Content-Length the limit is found while reading: a chunked answer of 4 KiB.
  RawServer chunked([](int fd) {
    ReadHead(fd);
    std::string chunk(1024, 'y');
    std::string answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n";
    for (int i = 0; i < 4; ++i) {
      answer += "400\r\n" + chunk + "\r\n";
    }
    answer += "0\r\n\r\n";
    send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
  });
  options = Options("test-big-chunked", chunked.Port());
  options.max_response_bytes = 1500;
  result = http::Client(options).Send({"GET", "/big", {}, "", false, {}});
  REQUIRE(result.status().message().key == "http_client.answer_too_large");
  REQUIRE(chunked.Accepted() == 1);
}

TEST_CASE("many worker threads share one client, each getting its own answer", "[http_client]") {
  TestServer server;
  http::ClientOptions options = Options("test-threads", server.Port());
  http::Client client(options);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&client, &wrong, t] {
      for (int i = 0; i < 25; ++i) {
        std::string marker = std::to_string(t) + "-" + std::to_string(i);
        auto answer = client.Send({"GET", "/hello", {{"X-Marker", marker}}, "", false, {}});
        if (!answer.ok() || nlohmann::json::parse(answer->body)["marker"] != marker) {
          ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  REQUIRE(wrong == 0);
  REQUIRE(Attempts("test-threads", "2xx") == 150);
}
