// The life of a service process: read settings (fail fast), apply migrations, serve HTTP with
// /healthz, /readyz and /metrics, run the outbox relay and event consumer if asked, and on
// SIGTERM stop being ready, finish in-flight work, then exit.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kutse/auth/service_token.hpp"
#include "kutse/auth/token_signer.hpp"
#include "kutse/auth/token_verifier.hpp"
#include "kutse/bus/event_consumer.hpp"
#include "kutse/bus/outbox_relay.hpp"
#include "kutse/common/config.hpp"
#include "kutse/db/pool.hpp"
#include "kutse/http/router.hpp"
#include "kutse/runtime/runtime_settings.hpp"

namespace kutse::runtime {

class ServiceRuntime {
 public:
  ServiceRuntime(std::string service, const common::Config& config, RuntimeOptions options);
  ~ServiceRuntime();

  const std::string& Service() const { return service_; }
  // The shared settings, read at construction; a service reads its own from Environment().
  const RuntimeSettings& Settings() const { return settings_; }
  const common::Config& Environment() const { return config_; }
  http::Router& Router() { return router_; }
  db::Pool& Database();
  void SetStatements(db::Statements statements);  // before Run()
  void EnableOutboxRelay();
  bus::EventConsumer& Consumer();  // created on first use
  void AddReadinessCheck(std::function<bool()> check);
  // Background work that needs the migrated schema: started after the migrations, stopped while
  // draining (after the HTTP server, before the bus).
  void AddBackgroundJob(std::function<void()> start, std::function<void()> stop);
  // Replaces the default caller resolution (the gateway resolves sessions its own way).
  // may_block: the resolver does I/O, so it must never run on an I/O thread; `without_blocking`
  // may answer from memory first (true when it resolved the caller).
  void SetCallerResolver(std::function<void(http::Request&)> resolver, bool may_block = false,
                         std::function<bool(http::Request&)> without_blocking = nullptr);

  int Run();  // blocks until SIGTERM/SIGINT; returns the exit code

 private:
  bool Ready() const;
  void TrustCallingServices();  // the service verifier from settings_.trusted_service_keys

  std::string service_;
  common::Config config_;
  RuntimeOptions options_;
  RuntimeSettings settings_;
  http::Router router_;
  db::PoolOptions pool_options_;
  std::unique_ptr<db::Pool> pool_;
  std::unique_ptr<auth::TokenVerifier> verifier_;
  std::unique_ptr<auth::ServiceTokenVerifier> service_verifier_;  // null: no service tokens accepted
  std::function<void(http::Request&)> resolver_;
  bool resolver_may_block_ = false;
  std::function<bool(http::Request&)> resolver_without_blocking_;
  std::unique_ptr<bus::OutboxRelay> relay_;
  std::unique_ptr<bus::EventConsumer> consumer_;
  std::vector<std::function<bool()>> readiness_checks_;
  std::vector<std::pair<std::function<void()>, std::function<void()>>> jobs_;
  bool migrated_ = false;
  bool draining_ = false;
};

void LoadEmbeddedMessages();  // libs/runtime's texts, from libs/runtime/messages

// main() of every service: blocks termination signals before any thread starts, builds the
// runtime, lets the service add its routes and handlers, runs it. Turns a bad setting or a
// refused migration into one clear line on stderr and exit code 2.
int RunService(const std::string& service, RuntimeOptions options,
               const std::function<void(ServiceRuntime&)>& configure);

}  // namespace kutse::runtime
