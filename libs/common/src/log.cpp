#include "kutse/common/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "kutse/common/time_format.hpp"

namespace kutse::common::log {
namespace {

std::mutex g_mutex;
std::string g_service = "kutse";
std::atomic<int> g_minimum{static_cast<int>(Level::kInfo)};

const char* Name(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

}  // namespace

void Configure(const std::string& service, Level minimum) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_service = service;
  g_minimum = static_cast<int>(minimum);
}

Level ParseLevel(const std::string& text) {
  if (text == "debug") {
    return Level::kDebug;
  }
  if (text == "warn") {
    return Level::kWarn;
  }
  if (text == "error") {
    return Level::kError;
  }
  return Level::kInfo;
}

bool Enabled(Level level) {
  return static_cast<int>(level) >= g_minimum.load();
}

void Write(Level level, const std::string& message, const nlohmann::json& fields) {
  if (!Enabled(level)) {
    return;
  }
  nlohmann::json line = fields.is_object() ? fields : nlohmann::json::object();
  line["ts"] = FormatTimestamp(std::chrono::system_clock::now());
  line["level"] = Name(level);
  line["msg"] = message;
  std::string text;
  {
    std::lock_guard<std::mutex> lock(g_mutex);
    line["service"] = g_service;
  }
  // Replace invalid UTF-8 instead of throwing: a log line must never take a request down.
  text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

}  // namespace kutse::common::log
