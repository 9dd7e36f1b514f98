#include "kutse/http/dispatcher.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <set>
#include <thread>

#include "kutse/common/metrics.hpp"

using namespace kutse::http;

namespace {

struct Answer {
  Response response;
  nlohmann::json body;
  std::string Header(const std::string& name) const {
    for (const auto& [key, value] : response.headers) {
      if (key == name) {
        return value;
      }
    }
    return "";
  }
};

Answer Call(Dispatcher& dispatcher, Request request) {
  std::promise<Response> promise;
  auto future = promise.get_future();
  dispatcher.Handle(std::move(request),
                    [&promise](Response response) { promise.set_value(std::move(response)); });
  REQUIRE(future.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  Answer answer{future.get(), {}};
  answer.body = nlohmann::json::parse(answer.response.body, nullptr, false);
  return answer;
}

Request Make(const std::string& method, const std::string& path, const std::string& body = "") {
  Request request;
  request.method = method;
  request.path = path;
  request.body = body;
  if (!body.empty()) {
    request.headers["content-type"] = "application/json";
  }
  return request;
}

DispatcherOptions Quiet() {
  DispatcherOptions options;
  options.worker_threads = 2;
  options.max_queued = 100;
  options.access_log = false;
  return options;
}

Router TestRouter() {
  Router router;
  router.Add("GET", "/ok", [](Request&) { return Response::Json(200, {{"ok", true}}); });
  router.Add("GET", "/throws", [](Request&) -> Response {
    throw std::runtime_error("connection to host=db.internal password=hunter2 failed: SELECT * FROM x");
  });
  router.Add("GET", "/refuses", [](Request&) -> Response {
    throw kutse::common::StatusError(kutse::common::PermissionDenied(kutse::common::Msg("test.not_yours")));
  });
  router.Add(
      "POST", "/echo", [](Request& request) { return Response::Json(201, request.JsonBody()); },
      RouteOptions{16, true});
  router.Add("GET", "/who", [](Request& request) {
    return Response::Json(200, {{"who", request.caller ? request.caller->personal_code : "nobody"}});
  });
  return router;
}

}  // namespace

TEST_CASE("a handler's exception becomes a 500 problem without its text") {
  Router router = TestRouter();
  Dispatcher dispatcher(router, Quiet());
  Answer answer = Call(dispatcher, Make("GET", "/throws"));
  REQUIRE(answer.response.status == 500);
  REQUIRE(answer.response.content_type == "application/problem+json");
  REQUIRE(answer.body["code"] == "internal");
  REQUIRE(answer.response.body.find("hunter2") == std::string::npos);
  REQUIRE(answer.response.body.find("SELECT") == std::string::npos);
  REQUIRE(answer.body["trace_id"] == answer.Header("X-Request-Id"));
}

TEST_CASE("routing problems: 404, 405 with Allow, 413 over the route's limit, 415 without JSON") {
  Router router = TestRouter();
  Dispatcher dispatcher(router, Quiet());
  REQUIRE(Call(dispatcher, Make("GET", "/nowhere")).response.status == 404);
  Answer wrong_method = Call(dispatcher, Make("DELETE", "/ok"));
  REQUIRE(wrong_method.response.status == 405);
  REQUIRE(wrong_method.Header("Allow") == "GET");
  REQUIRE(Call(dispatcher, Make("POST", "/echo", "{\"a\":\"0123456789\"}")).response.status == 413);
  Request text = Make("POST", "/echo", "{}");
  text.headers["content-type"] = "text/plain";
  REQUIRE(Call(dispatcher, text).response.status == 415);
  Request json_charset = Make("POST", "/echo", "{}");
  json_charset.headers["content-type"] = "application/json; charset=utf-8";
  REQUIRE(Call(dispatcher, json_charset).response.status == 201);
  REQUIRE(Call(dispatcher, Make("POST", "/echo", "{oops")).body["code"] == "malformed_json");
  REQUIRE(Call(dispatcher, Make("GET", "/refuses")).response.status == 403);
}

TEST_CASE("a safe client request id is kept, an unsafe one replaced") {
  Router router = TestRouter();
  Dispatcher dispatcher(router, Quiet());
  Request given = Make("GET", "/ok");
  given.headers["x-request-id"] = "client-abc-1";
  REQUIRE(Call(dispatcher, given).Header("X-Request-Id") == "client-abc-1");
  Request unsafe = Make("GET", "/ok");
  unsafe.headers["x-request-id"] = "bad id\r\n";
  std::string replaced = Call(dispatcher, unsafe).Header("X-Request-Id");
  REQUIRE(replaced.size() == 32);
  REQUIRE(replaced.find_first_not_of("0123456789abcdef") == std::string::npos);
  std::set<std::string> generated;
  for (int i = 0; i < 100; ++i) {
    generated.insert(Call(dispatcher, Make("GET", "/ok")).Header("X-Request-Id"));
  }
  REQUIRE(generated.size() == 100);
}

TEST_CASE("the caller resolver runs before the handler and can refuse") {
  Router router = TestRouter();
  DispatcherOptions options = Quiet();
  options.resolve_caller = [](Request& request) {
    auto token = request.Header("authorization");
    if (token && *token == "bad") {
      throw kutse::common::StatusError(kutse::common::Unauthenticated(kutse::common::Msg("test.refused")));
    }
    if (token) {
      kutse::auth::Identity identity;
      identity.personal_code = *token;
      request.caller = identity;
    }
  };
  Dispatcher dispatcher(router, options);
  Request anonymous = Make("GET", "/who");
  REQUIRE(Call(dispatcher, anonymous).body["who"] == "nobody");
  Request known = Make("GET", "/who");
  known.headers["authorization"] = "60001019906";
  REQUIRE(Call(dispatcher, known).body["who"] == "60001019906");
  Request bad = Make("GET", "/who");
  bad.headers["authorization"] = "bad";
  REQUIRE(Call(dispatcher, bad).response.status == 401);
}

TEST_CASE("every request is counted by route, method and status") {
  Router router = TestRouter();
  Dispatcher dispatcher(router, Quiet());
  auto& metrics = kutse::common::MetricsRegistry::Default();
  double before =
      metrics.CounterValue("http_requests_total", {{"route", "/ok"}, {"method", "GET"}, {"status", "200"}});
  Call(dispatcher, Make("GET", "/ok"));
  Call(dispatcher, Make("GET", "/ok"));
  REQUIRE(metrics.CounterValue("http_requests_total",
                               {{"route", "/ok"}, {"method", "GET"}, {"status", "200"}}) == before + 2);
  // The count drops just after the reply is handed over; give that a moment.
  for (int i = 0; i < 100 && dispatcher.InFlight() != 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(dispatcher.InFlight() == 0);
}

TEST_CASE("once draining, new requests get 503 with Connection: close and are not run") {
  Router router;
  std::atomic<int> runs{0};
  router.Add("POST", "/write", [&runs](Request&) {
    ++runs;
    return Response::Json(201, {{"written", true}});
  });
  Dispatcher dispatcher(router, Quiet());
  REQUIRE(Call(dispatcher, Make("POST", "/write")).response.status == 201);
  dispatcher.StopAccepting();
  Answer refused = Call(dispatcher, Make("POST", "/write"));
  REQUIRE(refused.response.status == 503);
  REQUIRE(refused.Header("Connection") == "close");
  REQUIRE(refused.Header("Retry-After") == "1");
  REQUIRE(runs == 1);
}

TEST_CASE("an async route resolves from memory inline, otherwise on a worker before it starts") {
  Router router;
  router.AddAsync("GET", "/forward", [](Request& request, Reply reply) {
    reply(Response::Json(200, {{"who", request.caller ? request.caller->personal_code : "nobody"},
                               {"on_worker", request.Header("x-resolved-by").value_or("") == "worker"}}));
  });
  DispatcherOptions options = Quiet();
  options.resolve_caller_may_block = true;
  std::atomic<int> blocking_calls{0};
  options.resolve_caller = [&blocking_calls](Request& request) {
    ++blocking_calls;
    request.headers["x-resolved-by"] = "worker";
    kutse::auth::Identity identity;
    identity.personal_code = "36805280109";
    request.caller = identity;
  };
  options.resolve_caller_without_blocking = [](Request& request) {
    if (request.Header("cookie").value_or("") == "cached") {
      kutse::auth::Identity identity;
      identity.personal_code = "60001019906";
      request.caller = identity;
      return true;
    }
    return false;
  };
  Dispatcher dispatcher(router, options);
  Request cached = Make("GET", "/forward");
  cached.headers["cookie"] = "cached";
  Answer fast = Call(dispatcher, cached);
  REQUIRE(fast.body["who"] == "60001019906");
  REQUIRE(fast.body["on_worker"] == false);
  REQUIRE(blocking_calls == 0);
  Answer slow = Call(dispatcher, Make("GET", "/forward"));
  REQUIRE(slow.body["who"] == "36805280109");
  REQUIRE(slow.body["on_worker"] == true);
  REQUIRE(blocking_calls == 1);
}
