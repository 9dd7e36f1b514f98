// Everything between "a request arrived" and "a response goes out", without any socket code:
// request ids, routing (404/405), body limits (413), content types (415), caller resolution,
// running the handler on the worker pool, mapping every error to problem+json, the access log
// and request metrics. The Pistache server only converts types and calls Handle().
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "kutse/http/problem.hpp"
#include "kutse/http/router.hpp"
#include "kutse/http/worker_pool.hpp"

namespace kutse::http {

struct DispatcherOptions {
  size_t worker_threads = 8;
  size_t max_queued = 4096;
  // Runs before the handler (on the worker for sync routes): reads the caller's identity and may
  // throw common::StatusError (unauthenticated for a bad token).
  std::function<void(Request&)> resolve_caller;
  bool access_log = true;
  // When resolving the caller reads the database (the gateway's sessions), asynchronous routes
  // resolve on the worker pool too, then start their non-blocking work from there...
  bool resolve_caller_may_block = false;
  // ...unless this answers from memory first (true: resolved, no blocking needed).
  std::function<bool(Request&)> resolve_caller_without_blocking;
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, DispatcherOptions options);
  ~Dispatcher();

  void Handle(Request request, Reply reply);
  // An error the transport found before a Request could be built (bad request line, too large).
  static Response TransportProblem(const common::Status& status);

  long InFlight() const { return in_flight_.load(); }
  // From now on every new request is answered 503 with "Connection: close"; those already
  // running finish normally.
  void StopAccepting();
  void StopWorkers() { workers_.Stop(); }

 private:
  void Run(const Route& route, Request& request, const Reply& reply) const;

  const Router& router_;
  DispatcherOptions options_;
  WorkerPool workers_;
  std::atomic<long> in_flight_{0};
  std::atomic<bool> accepting_{true};
};

}  // namespace kutse::http
