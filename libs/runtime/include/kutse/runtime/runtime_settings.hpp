// The settings every service reads through the shared runtime, read once at start into one struct.
// Their description, and what each means: libs/runtime/settings.txt.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "kutse/bus/amqp_url.hpp"
#include "kutse/common/config.hpp"
#include "kutse/common/log.hpp"

namespace kutse::runtime {

struct RuntimeOptions {
  bool verifies_caller_tokens = true;  // false only for the gateway, which issues them
};

struct RuntimeSettings {
  int http_port = 0;
  std::string db_dsn;
  size_t db_pool_size = 8;
  bus::AmqpUrl amqp;
  std::string migrations_dir;
  // The PEM text; only a service that verifies caller tokens reads it.
  std::optional<std::string> token_public_key_pem;
  common::log::Level log_level = common::log::Level::kInfo;
  int http_threads = 2;
  size_t worker_threads = 8;
  std::chrono::milliseconds drain_delay{0};
  std::chrono::milliseconds drain_timeout{15000};

  // Throws common::ConfigError naming the setting that is missing or malformed.
  static RuntimeSettings Read(const common::Config& config, const RuntimeOptions& options);
};

}  // namespace kutse::runtime
