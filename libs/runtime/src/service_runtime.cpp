#include "kutse/runtime/service_runtime.hpp"

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "kutse/bus/bus_tables.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/metrics.hpp"
#include "kutse/db/messages.hpp"
#include "kutse/db/migrations.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/http/server.hpp"
#include "kutse/runtime/caller.hpp"
#include "kutse/runtime/service_caller.hpp"

namespace kutse::runtime {
namespace {

sigset_t TerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  return signals;
}

}  // namespace

ServiceRuntime::ServiceRuntime(std::string service, const common::Config& config, RuntimeOptions options)
    : service_(std::move(service)),
      config_(config),
      options_(options),
      settings_(RuntimeSettings::Read(config_, options_)) {
  http::LoadMessages();
  db::LoadEmbeddedMessages();
  LoadEmbeddedMessages();
  common::log::Configure(service_, settings_.log_level);
  pool_options_.dsn = settings_.db_dsn;
  pool_options_.size = settings_.db_pool_size;
  if (settings_.token_public_key_pem) {
    try {
      verifier_ = std::make_unique<auth::TokenVerifier>(
          auth::Es256Key::FromPublicPem(*settings_.token_public_key_pem), service_);
    } catch (const std::invalid_argument& error) {
      throw common::ConfigError(std::string("setting KUTSE_TOKEN_PUBLIC_KEY_FILE: ") + error.what());
    }
    resolver_ = [this](http::Request& request) { ResolveCaller(*verifier_, request); };
  }
  if (verifier_ && !settings_.trusted_service_keys.empty()) {
    TrustCallingServices();
  }
}

void ServiceRuntime::TrustCallingServices() {
  std::vector<auth::TrustedService> trusted;
  std::string names;
  for (const auto& key : settings_.trusted_service_keys) {
    try {
      trusted.push_back({key.service, auth::Es256Key::FromPublicPem(key.pem)});
    } catch (const std::invalid_argument& error) {
      throw common::ConfigError("setting KUTSE_TRUSTED_SERVICE_KEYS_DIR: " + key.file + ": " + error.what());
    }
    names += (names.empty() ? "" : ",") + key.service;
  }
  try {
    service_verifier_ = std::make_unique<auth::ServiceTokenVerifier>(service_, std::move(trusted));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_TRUSTED_SERVICE_KEYS_DIR: ") + error.what());
  }
  // A token naming one of these keys is a calling service's; any other still goes to the gateway's.
  resolver_ = [this](http::Request& request) {
    ResolveCallerOrService(*verifier_, *service_verifier_, request);
  };
  common::log::Info("service tokens accepted", {{"services", names}});
}

ServiceRuntime::~ServiceRuntime() = default;

db::Pool& ServiceRuntime::Database() {
  if (!pool_) {
    pool_ = std::make_unique<db::Pool>(pool_options_);
  }
  return *pool_;
}

void ServiceRuntime::SetStatements(db::Statements statements) {
  if (pool_) {
    throw std::logic_error("SetStatements must come before the first use of Database()");
  }
  pool_options_.statements = std::move(statements);
}

void ServiceRuntime::EnableOutboxRelay() {
  bus::RelayOptions relay_options;
  relay_options.url = settings_.amqp;
  relay_options.schema = service_;
  relay_options.queue_type = settings_.amqp_queue_type;
  relay_options.dsn = settings_.db_dsn;
  relay_ = std::make_unique<bus::OutboxRelay>(Database(), relay_options);
  const std::string lag_sql = "SELECT count(*) FROM " + service_ + ".outbox WHERE published_at IS NULL";
  common::MetricsRegistry::Default().GaugeCallback(
      "outbox_unpublished_events", "Events written to the outbox and not yet confirmed by the broker",
      [this, lag_sql] {
        return Database().Read(
            [&](pqxx::nontransaction& read) { return read.exec1(lag_sql)[0].as<double>(); });
      });
}

bus::EventConsumer& ServiceRuntime::Consumer() {
  if (!consumer_) {
    bus::ConsumerOptions consumer_options;
    consumer_options.url = settings_.amqp;
    consumer_options.service = service_;
    consumer_options.queue_type = settings_.amqp_queue_type;
    consumer_ = std::make_unique<bus::EventConsumer>(Database(), consumer_options);
  }
  return *consumer_;
}

void ServiceRuntime::AddReadinessCheck(std::function<bool()> check) {
  readiness_checks_.push_back(std::move(check));
}

void ServiceRuntime::AddBackgroundJob(std::function<void()> start, std::function<void()> stop) {
  jobs_.emplace_back(std::move(start), std::move(stop));
}

void ServiceRuntime::SetCallerResolver(std::function<void(http::Request&)> resolver, bool may_block,
                                       std::function<bool(http::Request&)> without_blocking) {
  resolver_ = std::move(resolver);
  resolver_may_block_ = may_block;
  resolver_without_blocking_ = std::move(without_blocking);
}

bool ServiceRuntime::Ready() const {
  if (draining_ || !migrated_ || !pool_ || !pool_->Ping()) {
    return false;
  }
  if ((relay_ && !relay_->Connected()) || (consumer_ && !consumer_->Connected())) {
    return false;
  }
  for (const auto& check : readiness_checks_) {
    if (!check()) {
      return false;
    }
  }
  return true;
}

int ServiceRuntime::Run() {
  Database();
  {
    // Migrations run on a connection of their own: it holds the advisory lock for the whole run.
    pqxx::connection connection(pool_options_.dsn);
    std::vector<db::MigrationFile> migrations = {bus::OutboxInboxMigration(service_)};
    for (auto& own : db::LoadMigrations(settings_.migrations_dir)) {
      if (own.version == 1) {
        throw db::MigrationError(
            "V001 belongs to the outbox and inbox; a service's own migrations start at V002");
      }
      migrations.push_back(std::move(own));
    }
    db::ApplyMigrations(connection, service_, migrations);
    migrated_ = true;
  }
  router_.Add("GET", "/healthz", [](http::Request&) {
    return http::Response::Json(200, {{"status", "ok"}});
  });
  router_.Add("GET", "/readyz", [this](http::Request&) {
    if (!Ready()) {
      throw common::StatusError(common::Unavailable(common::Msg("runtime.not_ready")));
    }
    return http::Response::Json(200, {{"status", "ready"}});
  });
  router_.Add(
      "GET", "/metrics",
      [](http::Request&) {
        return http::Response::Text(200, "text/plain; version=0.0.4",
                                    common::MetricsRegistry::Default().Render());
      },
      http::RouteOptions{http::kDefaultMaxBodyBytes, false, "text/plain"});

  http::ServerOptions server_options;
  server_options.port = settings_.http_port;
  server_options.io_threads = settings_.http_threads;
  server_options.dispatcher.worker_threads = settings_.worker_threads;
  server_options.dispatcher.resolve_caller = resolver_;
  server_options.dispatcher.resolve_caller_may_block = resolver_may_block_;
  server_options.dispatcher.resolve_caller_without_blocking = resolver_without_blocking_;
  http::Server server(router_, server_options);

  if (relay_) {
    relay_->Start();
  }
  if (consumer_) {
    consumer_->Start();
  }
  for (auto& job : jobs_) {
    job.first();
  }
  server.Start();
  common::log::Info("service started", {{"port", server.Port()}});

  sigset_t signals = TerminationSignals();
  int received = 0;
  sigwait(&signals, &received);
  common::log::Info("termination signal received; draining", {{"signal", received}});
  draining_ = true;
  // Let load balancers see the failing readiness before the listener goes away.
  std::this_thread::sleep_for(settings_.drain_delay);
  server.Drain(settings_.drain_timeout);
  for (auto& job : jobs_) {
    job.second();
  }
  if (consumer_) {
    consumer_->Stop();
  }
  if (relay_) {
    relay_->Stop();
  }
  common::log::Info("service stopped");
  return 0;
}

int RunService(const std::string& service, RuntimeOptions options,
               const std::function<void(ServiceRuntime&)>& configure) {
  sigset_t signals = TerminationSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread started from here inherits this
  signal(SIGPIPE, SIG_IGN);
  try {
    common::Config config;
    ServiceRuntime runtime(service, config, options);
    configure(runtime);
    return runtime.Run();
  } catch (const common::ConfigError& error) {
    std::fprintf(stderr, "kutse-%s: configuration error: %s\n", service.c_str(), error.what());
  } catch (const db::MigrationError& error) {
    std::fprintf(stderr, "kutse-%s: migrations refused: %s\n", service.c_str(), error.what());
  } catch (const db::Unavailable& error) {
    std::fprintf(stderr, "kutse-%s: database unavailable at start: %s\n", service.c_str(), error.what());
  } catch (const pqxx::broken_connection&) {
    std::fprintf(stderr, "kutse-%s: cannot connect to the database (check KUTSE_DB_DSN)\n", service.c_str());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "kutse-%s: failed to start: %s\n", service.c_str(), error.what());
  }
  return 2;
}

}  // namespace kutse::runtime
