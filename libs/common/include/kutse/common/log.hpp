// JSON log lines on standard output, one object per line, safe from many threads.
// Never pass a personal code or a date of birth in fields at info level or above.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace kutse::common::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

void Configure(const std::string& service, Level minimum);
Level ParseLevel(const std::string& text);  // unknown text means info
bool Enabled(Level level);

void Write(Level level, const std::string& message, const nlohmann::json& fields = nlohmann::json::object());
inline void Debug(const std::string& m, const nlohmann::json& f = nlohmann::json::object()) {
  Write(Level::kDebug, m, f);
}
inline void Info(const std::string& m, const nlohmann::json& f = nlohmann::json::object()) {
  Write(Level::kInfo, m, f);
}
inline void Warn(const std::string& m, const nlohmann::json& f = nlohmann::json::object()) {
  Write(Level::kWarn, m, f);
}
inline void Error(const std::string& m, const nlohmann::json& f = nlohmann::json::object()) {
  Write(Level::kError, m, f);
}

}  // namespace kutse::common::log
