// The settings every service reads through the shared runtime, read once at start into one struct.
// Their description, and what each means: libs/runtime/settings.txt.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kutse/bus/amqp_url.hpp"
#include "kutse/bus/broker_connection.hpp"
#include "kutse/common/config.hpp"
#include "kutse/common/log.hpp"

namespace kutse::runtime {

struct RuntimeOptions {
  bool verifies_caller_tokens = true;  // false only for the gateway, which issues them
};

// A public key from KUTSE_TRUSTED_SERVICE_KEYS_DIR and the one calling service it speaks for, which
// its file name says: <service>.pem, or <service>.<n>.pem beside it while keys are rotated (ADR 0005).
struct TrustedServiceKey {
  std::string service;
  std::string file;  // the file's name, for the error that names a bad key
  std::string pem;
};

struct RuntimeSettings {
  int http_port = 0;
  std::string db_dsn;
  size_t db_pool_size = 8;
  bus::AmqpUrl amqp;
  bus::QueueType amqp_queue_type = bus::QueueType::kClassic;
  std::string migrations_dir;
  // The PEM text; only a service that verifies caller tokens reads it.
  std::optional<std::string> token_public_key_pem;
  // The callers whose service tokens this service accepts; empty (the default) accepts none. Only a
  // service that verifies caller tokens reads them.
  std::vector<TrustedServiceKey> trusted_service_keys;
  common::log::Level log_level = common::log::Level::kInfo;
  int http_threads = 2;
  size_t worker_threads = 8;
  std::chrono::milliseconds drain_delay{0};
  std::chrono::milliseconds drain_timeout{15000};

  // Throws common::ConfigError naming the setting that is missing or malformed.
  static RuntimeSettings Read(const common::Config& config, const RuntimeOptions& options);
};

}  // namespace kutse::runtime
