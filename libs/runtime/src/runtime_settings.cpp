#include "kutse/runtime/runtime_settings.hpp"

#include <stdexcept>

namespace kutse::runtime {
namespace {

common::log::Level ReadLogLevel(const common::Config& config) {
  // common::log::ParseLevel takes anything as info; a typo here should stop the service instead.
  const std::string level = config.Optional("KUTSE_LOG_LEVEL", "info");
  if (level != "debug" && level != "info" && level != "warn" && level != "error") {
    throw common::ConfigError("setting KUTSE_LOG_LEVEL must be debug, info, warn or error");
  }
  return common::log::ParseLevel(level);
}

bus::AmqpUrl ReadAmqpUrl(const common::Config& config) {
  try {
    return bus::AmqpUrl::Parse(config.Required("KUTSE_AMQP_URL"));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_AMQP_URL: ") + error.what());
  }
}

}  // namespace

RuntimeSettings RuntimeSettings::Read(const common::Config& config, const RuntimeOptions& options) {
  RuntimeSettings settings;
  settings.log_level = ReadLogLevel(config);
  settings.http_port = config.Port("KUTSE_HTTP_PORT");
  settings.db_dsn = config.Required("KUTSE_DB_DSN");
  settings.db_pool_size = static_cast<size_t>(config.Integer("KUTSE_DB_POOL_SIZE", 8, 1, 200));
  settings.amqp = ReadAmqpUrl(config);
  settings.migrations_dir = config.Required("KUTSE_MIGRATIONS_DIR");
  if (options.verifies_caller_tokens) {
    settings.token_public_key_pem = config.FileContents("KUTSE_TOKEN_PUBLIC_KEY_FILE");
  }
  settings.http_threads = config.Integer("KUTSE_HTTP_THREADS", 2, 1, 64);
  settings.worker_threads = static_cast<size_t>(config.Integer("KUTSE_WORKER_THREADS", 8, 1, 256));
  settings.drain_delay = std::chrono::milliseconds(config.Integer("KUTSE_DRAIN_DELAY_MS", 0, 0, 60000));
  settings.drain_timeout =
      std::chrono::milliseconds(config.Integer("KUTSE_DRAIN_TIMEOUT_MS", 15000, 0, 600000));
  return settings;
}

}  // namespace kutse::runtime
