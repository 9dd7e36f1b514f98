#include "kutse/http/dispatcher.hpp"

#include <atomic>
#include <chrono>
#include <random>

#include "kutse/common/ids.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"
#include "kutse/http/io_loop.hpp"
#include "kutse/http/request_checks.hpp"
#include "kutse/http/upload.hpp"

namespace kutse::http {
namespace {

using Clock = std::chrono::steady_clock;

// A request id needs to be unique, not secret: a per-thread generator seeded from the system's
// random source, instead of a call into OpenSSL's (and a getpid) for every request.
std::string NewRequestId() {
  thread_local std::mt19937_64 generator = [] {
    std::string seed = common::RandomHex(16);
    std::seed_seq sequence(seed.begin(), seed.end());
    return std::mt19937_64(sequence);
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    uint64_t bits = generator();
    for (int i = 0; i < 16; ++i) {
      id[static_cast<size_t>(half * 16 + i)] = kHex[bits & 0xf];
      bits >>= 4;
    }
  }
  return id;
}

std::string RequestIdFor(const Request& request) {
  auto given = request.Header("x-request-id");
  if (given && common::IsSafeRequestId(*given)) {
    return *given;
  }
  // W3C traceparent: 00-<32 hex trace id>-<16 hex parent>-<2 hex flags>
  auto traceparent = request.Header("traceparent");
  if (traceparent && traceparent->size() == 55 && (*traceparent)[2] == '-') {
    std::string trace_id = traceparent->substr(3, 32);
    if (common::IsSafeRequestId(trace_id)) {
      return trace_id;
    }
  }
  return NewRequestId();
}

// The one place where an exception becomes an answer: a StatusError says what to tell the client;
// anything else is logged (its text may hold SQL or a DSN) and answered with a bare 500.
Response ResponseFor(const std::exception_ptr& error, const std::string& instance,
                     const std::string& trace_id, const std::string& language) {
  try {
    std::rethrow_exception(error);
  } catch (const common::StatusError& status_error) {
    if (status_error.status().code() == common::StatusCode::kInternal) {
      common::log::Error("internal error in handler",
                         {{"error", status_error.what()}, {"trace_id", trace_id}});
    }
    return ProblemResponse(status_error.status(), instance, trace_id, language);
  } catch (const std::exception& other) {
    common::log::Error("unhandled exception in handler",
                       {{"exception", other.what()}, {"trace_id", trace_id}});
  } catch (...) {
    common::log::Error("unhandled non-standard exception in handler", {{"trace_id", trace_id}});
  }
  return ProblemResponse(common::Internal(common::Msg("http.internal")), instance, trace_id, language);
}

}  // namespace

Dispatcher::Dispatcher(const Router& router, DispatcherOptions options)
    : router_(router), options_(std::move(options)), workers_(options_.worker_threads, options_.max_queued) {
  auto& metrics = common::MetricsRegistry::Default();
  metrics.Describe("http_requests_total", "counter", "HTTP requests by route, method and status");
  metrics.Describe("http_request_duration_seconds", "histogram", "HTTP request latency by route");
}

Dispatcher::~Dispatcher() {
  workers_.Stop();
}

Response Dispatcher::TransportProblem(const common::Status& status) {
  std::string trace_id = common::RandomHex(16);
  Response response = ProblemResponse(status, "", trace_id, "en");
  response.headers.emplace_back("X-Request-Id", trace_id);
  response.headers.emplace_back("Connection", "close");
  return response;
}

void Dispatcher::StopAccepting() {
  accepting_ = false;
}

void Dispatcher::Handle(Request request, Reply reply) {
  ++in_flight_;
  auto started = Clock::now();
  request.request_id = RequestIdFor(request);
  request.io_loop = IoLoop::Current();
  std::string language = request.Language();
  std::string instance = request.path;
  std::string method = request.method;
  std::string request_id = request.request_id;
  RouteMatch match = router_.Find(request.method, request.path);
  std::string route = match.route != nullptr ? match.route->pattern : "unmatched";
  bool access_log = options_.access_log;

  // Every response, success or problem, passes here exactly once.
  auto replied = std::make_shared<std::atomic<bool>>(false);
  auto finish = std::make_shared<Reply>([this, reply, started, route, method, request_id, access_log,
                                         replied](Response response) {
    if (replied->exchange(true)) {
      // A second answer to one request would corrupt the connection: keep the first.
      common::log::Error("a second response for one request was dropped", {{"trace_id", request_id}});
      return;
    }
    response.headers.emplace_back("X-Request-Id", request_id);
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    auto& metrics = common::MetricsRegistry::Default();
    metrics.Increment("http_requests_total",
                      {{"route", route}, {"method", method}, {"status", std::to_string(response.status)}});
    metrics.Observe("http_request_duration_seconds", {{"route", route}}, seconds);
    if (access_log && common::log::Enabled(common::log::Level::kInfo)) {
      common::log::Info("request", {{"method", method},
                                    {"route", route},
                                    {"status", response.status},
                                    {"duration_ms", seconds * 1000.0},
                                    {"trace_id", request_id}});
    }
    reply(std::move(response));
    --in_flight_;
  });
  auto fail = [&](const common::Status& status) {
    (*finish)(ProblemResponse(status, instance, request_id, language));
  };

  if (!accepting_) {
    // Draining: nothing new starts, so nothing can be committed whose answer would be cut off.
    Response closing =
        ProblemResponse(common::Unavailable(common::Msg("http.draining")), instance, request_id, language);
    closing.headers.emplace_back("Connection", "close");
    (*finish)(std::move(closing));
    return;
  }
  if (common::Status unclean = CheckPathAndQuery(request); !unclean.ok()) {
    fail(unclean);
    return;
  }
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (const auto& m : match.allowed_methods) {
        allow += (allow.empty() ? "" : ", ") + m;
      }
      Response response = ProblemResponse(
          common::InvalidArgument(common::Msg("http.method_not_supported", {{"method", method}}))
              .WithReason("method_not_allowed"),
          instance, request_id, language);
      response.headers.emplace_back("Allow", allow);
      (*finish)(std::move(response));
      return;
    }
    fail(common::NotFound(common::Msg("http.no_route")));
    return;
  }
  const Route& matched = *match.route;
  if (request.body.size() > matched.options.max_body_bytes) {
    fail(common::InvalidArgument(
             common::Msg("http.body_too_large", {{"limit", std::to_string(matched.options.max_body_bytes)}}))
             .WithReason("payload_too_large"));
    return;
  }
  for (const common::Status& refusal :
       {CheckContentType(matched.options, request), CheckAccept(matched.options, request)}) {
    if (!refusal.ok()) {
      fail(refusal);
      return;
    }
  }
  request.path_params = std::move(match.params);
  request.route = route;

  if (matched.async) {
    try {
      if (!options_.resolve_caller_may_block) {
        Run(matched, request, *finish);
        return;
      }
      if (options_.resolve_caller_without_blocking && options_.resolve_caller_without_blocking(request)) {
        matched.async(request, *finish);
        return;
      }
    } catch (...) {
      (*finish)(ResponseFor(std::current_exception(), instance, request_id, language));
      return;
    }
  }
  auto shared_request = std::make_shared<Request>(std::move(request));
  bool queued = workers_.Submit([this, &matched, shared_request, finish, language, instance, request_id] {
    try {
      Run(matched, *shared_request, *finish);
    } catch (...) {
      (*finish)(ResponseFor(std::current_exception(), instance, request_id, language));
    }
  });
  if (!queued) {
    (*finish)(ProblemResponse(common::Unavailable(common::Msg("http.busy")), instance, request_id, language));
  }
}

void Dispatcher::Run(const Route& route, Request& request, const Reply& reply) const {
  if (options_.resolve_caller) {
    options_.resolve_caller(request);
  }
  // On the worker: sniffing a file's bytes costs up to milliseconds.
  if (route.options.upload) {
    common::ThrowIfError(CheckUpload(*route.options.upload, request));
  }
  if (route.async) {
    route.async(request, reply);
  } else {
    reply(route.sync(request));
  }
}

}  // namespace kutse::http
