#include "kutse/runtime/runtime_settings.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "kutse/auth/identity.hpp"
#include "kutse/common/text.hpp"

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

bus::QueueType ReadQueueType(const common::Config& config) {
  const std::string type = config.Optional("KUTSE_AMQP_QUEUE_TYPE", "classic");
  if (type != "classic" && type != "quorum") {
    throw common::ConfigError("setting KUTSE_AMQP_QUEUE_TYPE must be classic or quorum");
  }
  return type == "quorum" ? bus::QueueType::kQuorum : bus::QueueType::kClassic;
}

constexpr const char* kTrustedKeysSetting = "KUTSE_TRUSTED_SERVICE_KEYS_DIR";

common::ConfigError TrustedKeysError(const std::string& why) {
  return common::ConfigError(std::string("setting ") + kTrustedKeysSetting + ": " + why);
}

// "workflow.pem" and "workflow.2.pem" speak for the workflow service; any other name is refused.
std::optional<std::string> ServiceOfKeyFile(const std::string& file) {
  const std::vector<std::string> parts = common::Split(file.substr(0, file.size() - 4), '.');
  if (parts.empty() || parts.size() > 2 || !auth::IsValidServiceName(parts[0])) {
    return std::nullopt;
  }
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (parts.size() == 2 && (parts[1].empty() || !std::all_of(parts[1].begin(), parts[1].end(), is_digit))) {
    return std::nullopt;
  }
  return parts[0];
}

std::vector<TrustedServiceKey> ReadTrustedServiceKeys(const common::Config& config) {
  auto folder = config.Maybe("KUTSE_TRUSTED_SERVICE_KEYS_DIR");
  if (!folder) {
    return {};
  }
  std::error_code error;
  if (!std::filesystem::is_directory(*folder, error)) {
    throw TrustedKeysError(*folder + " is not a folder that can be read");
  }
  std::vector<TrustedServiceKey> keys;
  for (const auto& entry : std::filesystem::directory_iterator(*folder, error)) {
    const std::string file = entry.path().filename().string();
    // A mounted Kubernetes volume holds its own "..data" links beside the keys; other files are not keys.
    const bool is_pem = file.size() > 4 && file.compare(file.size() - 4, 4, ".pem") == 0;
    if (file[0] == '.' || !is_pem) {
      continue;
    }
    auto service = ServiceOfKeyFile(file);
    if (!service) {
      throw TrustedKeysError(file + " is not named <service>.pem or <service>.<n>.pem");
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream pem;
    pem << in.rdbuf();
    if (!in || pem.str().empty()) {
      throw TrustedKeysError(file + " cannot be read");
    }
    keys.push_back({*service, file, pem.str()});
  }
  if (error) {
    throw TrustedKeysError(*folder + " cannot be listed");
  }
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return keys;
}

}  // namespace

RuntimeSettings RuntimeSettings::Read(const common::Config& config, const RuntimeOptions& options) {
  RuntimeSettings settings;
  settings.log_level = ReadLogLevel(config);
  settings.http_port = config.Port("KUTSE_HTTP_PORT");
  settings.db_dsn = config.Required("KUTSE_DB_DSN");
  settings.db_pool_size = static_cast<size_t>(config.Integer("KUTSE_DB_POOL_SIZE", 8, 1, 200));
  settings.amqp = ReadAmqpUrl(config);
  settings.amqp_queue_type = ReadQueueType(config);
  settings.migrations_dir = config.Required("KUTSE_MIGRATIONS_DIR");
  if (options.verifies_caller_tokens) {
    settings.token_public_key_pem = config.FileContents("KUTSE_TOKEN_PUBLIC_KEY_FILE");
    settings.trusted_service_keys = ReadTrustedServiceKeys(config);
  }
  settings.http_threads = config.Integer("KUTSE_HTTP_THREADS", 2, 1, 64);
  settings.worker_threads = static_cast<size_t>(config.Integer("KUTSE_WORKER_THREADS", 8, 1, 256));
  settings.drain_delay = std::chrono::milliseconds(config.Integer("KUTSE_DRAIN_DELAY_MS", 0, 0, 60000));
  settings.drain_timeout =
      std::chrono::milliseconds(config.Integer("KUTSE_DRAIN_TIMEOUT_MS", 15000, 0, 600000));
  return settings;
}

}  // namespace kutse::runtime
