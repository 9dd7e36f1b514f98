// The gateway's upstream client against real servers on loopback: answers, failures (refused,
// timed out), and calls started on a server's I/O thread, from its worker pool, or from neither.
#include "proxy/upstream_client.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "kutse/http/io_loop.hpp"
#include "kutse/http/server.hpp"
#include "support/test_ports.hpp"

using namespace kutse;
using gateway::UpstreamClient;
using gateway::UpstreamRequest;
using gateway::UpstreamResponse;

namespace {

http::Router ServiceRouter() {
  http::Router router;
  router.Add("GET", "/hello", [](http::Request& request) {
    return http::Response::Json(
               200, {{"hello", "maailm"}, {"request_id", request.Header("x-request-id").value_or("")}})
        .WithHeader("ETag", "\"1\"");
  });
  router.Add(
      "POST", "/echo", [](http::Request& request) { return http::Response::Json(201, request.JsonBody()); },
      http::RouteOptions{64 * 1024, true});
  // What arrived: for checking that one request's method, body or headers never reach the next.
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    router.Add(
        method, "/what",
        [](http::Request& request) {
          auto marker = request.Header("x-marker");
          return http::Response::Json(200, {{"method", request.method},
                                            {"body", request.body},
                                            {"marker", marker ? nlohmann::json(*marker) : nlohmann::json()}});
        },
        http::RouteOptions{64 * 1024, false});
  }
  router.Add("GET", "/slow", [](http::Request&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    return http::Response::Json(200, {{"slow", true}});
  });
  return router;
}

UpstreamResponse Call(UpstreamClient& client, UpstreamRequest request) {
  std::promise<UpstreamResponse> answer;
  client.Send(std::move(request),
              [&answer](UpstreamResponse response) { answer.set_value(std::move(response)); });
  return answer.get_future().get();
}

std::string Url(int port, const std::string& path) {
  return "http://127.0.0.1:" + std::to_string(port) + path;
}

size_t Append(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

// GET through the proxy server; returns the status and fills `body`.
long Get(const std::string& url, std::string& body) {
  CURL* easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, Append);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT, 20L);
  long status = 0;
  if (curl_easy_perform(easy) == CURLE_OK) {
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  }
  curl_easy_cleanup(easy);
  return status;
}

// A proxy in front of `service_port`: /via/<path> forwards GET <path>, answering on the thread
// the client's answer comes on; the reply says whether that was the request's own I/O thread.
http::Router ProxyRouter(UpstreamClient& client, int service_port) {
  http::Router router;
  router.AddAsync("GET", "/via/*", [&client, service_port](http::Request& request, http::Reply reply) {
    UpstreamRequest outgoing;
    outgoing.method = "GET";
    outgoing.url = Url(service_port, request.path.substr(4));
    http::IoLoop* own_loop = request.io_loop;
    client.Send(
        std::move(outgoing),
        [reply, own_loop](UpstreamResponse answer) {
          reply(http::Response::Json(
              answer.failure == UpstreamResponse::Failure::kNone ? 200 : 502,
              {{"status", answer.status},
               {"on_own_loop", own_loop != nullptr && http::IoLoop::Current() == own_loop},
               {"body", answer.body}}));
        },
        request.io_loop);
  });
  return router;
}

}  // namespace

TEST_CASE("the upstream client answers, and fails as refused or timed out", "[upstream]") {
  http::Router router = ServiceRouter();
  http::Server service(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  service.Start();
  UpstreamClient client(4);

  UpstreamResponse hello =
      Call(client, {"GET", Url(service.Port(), "/hello"), {"x-request-id: abc123"}, "", {}});
  REQUIRE(hello.failure == UpstreamResponse::Failure::kNone);
  REQUIRE(hello.status == 200);
  REQUIRE(nlohmann::json::parse(hello.body)["request_id"] == "abc123");
  bool etag = false;
  for (const auto& [name, value] : hello.headers) {
    etag = etag || (name == "etag" && value == "\"1\"");
  }
  REQUIRE(etag);

  UpstreamResponse echoed = Call(client, {"POST",
                                          Url(service.Port(), "/echo"),
                                          {"content-type: application/json"},
                                          R"({"name":"Õie"})",
                                          std::chrono::milliseconds(5000)});
  REQUIRE(echoed.status == 201);
  REQUIRE(nlohmann::json::parse(echoed.body)["name"] == "Õie");

  UpstreamResponse slow =
      Call(client, {"GET", Url(service.Port(), "/slow"), {}, "", std::chrono::milliseconds(200)});
  REQUIRE(slow.failure == UpstreamResponse::Failure::kTimeout);

  UpstreamResponse refused = Call(client, {"GET", Url(testing::ClosedPort(), "/hello"), {}, "", {}});
  REQUIRE(refused.failure == UpstreamResponse::Failure::kConnect);

  // Still usable after the failures.
  REQUIRE(Call(client, {"GET", Url(service.Port(), "/hello"), {}, "", {}}).status == 200);
  service.Drain(std::chrono::milliseconds(2000));
}

TEST_CASE("a reused connection and handle carry nothing of one request into the next", "[upstream]") {
  http::Router router = ServiceRouter();
  http::Server service(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  service.Start();
  UpstreamClient client(1);  // one connection, so every call below reuses it and the same easy handle
  const std::string url = Url(service.Port(), "/what");
  struct Step {
    std::string method;
    std::vector<std::string> headers;
    std::string body;
  };
  const std::vector<Step> steps = {
      {"POST", {"x-marker: first", "content-type: application/json"}, R"({"n":1})"},
      {"GET", {}, ""},
      {"PUT", {"content-type: application/json"}, R"({"n":2})"},
      {"GET", {"x-marker: second"}, ""},
      {"DELETE", {}, ""},
      {"PATCH", {"content-type: application/json"}, R"({"n":3})"},
      {"POST", {}, ""},
      {"GET", {}, ""},
  };
  for (const Step& step : steps) {
    INFO(step.method << " " << step.body);
    UpstreamResponse answer = Call(client, {step.method, url, step.headers, step.body, {}});
    REQUIRE(answer.status == 200);
    auto arrived = nlohmann::json::parse(answer.body);
    CHECK(arrived["method"] == step.method);
    CHECK(arrived["body"] == step.body);
    bool marked = !step.headers.empty() && step.headers.front().rfind("x-marker: ", 0) == 0;
    CHECK(arrived["marker"] == (marked ? nlohmann::json(step.headers.front().substr(10)) : nlohmann::json()));
  }
  service.Drain(std::chrono::milliseconds(2000));
}

TEST_CASE("calls from a server's I/O thread or its workers are answered on that I/O thread", "[upstream]") {
  http::Router service_router = ServiceRouter();
  http::Server service(service_router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  service.Start();
  UpstreamClient client(8);
  http::Router proxy_router = ProxyRouter(client, service.Port());

  auto exercise = [&](http::ServerOptions options) {
    http::Server proxy(proxy_router, options);
    proxy.Start();
    std::vector<std::future<int>> callers;
    for (int caller = 0; caller < 8; ++caller) {
      callers.push_back(std::async(std::launch::async, [&proxy] {
        int good = 0;
        for (int i = 0; i < 25; ++i) {
          std::string body;
          if (Get(Url(proxy.Port(), "/via/hello"), body) == 200 &&
              nlohmann::json::parse(body)["on_own_loop"] == true) {
            ++good;
          }
        }
        return good;
      }));
    }
    for (auto& caller : callers) {
      REQUIRE(caller.get() == 25);
    }
    std::string body;
    REQUIRE(Get(Url(proxy.Port(), "/via/nowhere"), body) == 200);
    REQUIRE(nlohmann::json::parse(body)["status"] == 404);
    proxy.Drain(std::chrono::milliseconds(2000));
  };

  SECTION("started on the I/O thread") {
    exercise(http::ServerOptions{"127.0.0.1", 0, 2, {}});
  }
  SECTION("started on a worker, as when the caller must be read from the database") {
    http::ServerOptions options{"127.0.0.1", 0, 2, {}};
    options.dispatcher.resolve_caller = [](http::Request&) {};
    options.dispatcher.resolve_caller_may_block = true;
    exercise(options);
  }
  service.Drain(std::chrono::milliseconds(2000));
}
