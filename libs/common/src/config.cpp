#include "kutse/common/config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kutse::common {

Config::Config()
    : lookup_([](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr) {
          return std::nullopt;
        }
        return std::string(value);
      }) {}

Config::Config(Lookup lookup) : lookup_(std::move(lookup)) {}

std::optional<std::string> Config::Maybe(const std::string& name) const {
  auto value = lookup_(name);
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

std::string Config::Required(const std::string& name) const {
  auto value = Maybe(name);
  if (!value) {
    throw ConfigError("missing required setting " + name);
  }
  return *value;
}

std::string Config::Optional(const std::string& name, const std::string& fallback) const {
  return Maybe(name).value_or(fallback);
}

int Config::Integer(const std::string& name, int fallback, int min, int max) const {
  auto value = Maybe(name);
  if (!value) {
    return fallback;
  }
  try {
    size_t used = 0;
    int parsed = std::stoi(*value, &used);
    if (used != value->size() || parsed < min || parsed > max) {
      throw std::out_of_range(name);
    }
    return parsed;
  } catch (const std::exception&) {
    throw ConfigError("setting " + name + " must be a whole number from " + std::to_string(min) + " to " +
                      std::to_string(max));
  }
}

int Config::Port(const std::string& name, std::optional<int> fallback) const {
  if (!Maybe(name) && !fallback) {
    throw ConfigError("missing required setting " + name);
  }
  return Integer(name, fallback.value_or(0), 1, 65535);
}

bool Config::Flag(const std::string& name) const {
  auto value = Maybe(name);
  if (!value || *value == "disabled" || *value == "false" || *value == "0") {
    return false;
  }
  if (*value == "enabled" || *value == "true" || *value == "1") {
    return true;
  }
  throw ConfigError("setting " + name + " must be enabled or disabled");
}

std::string Config::FileContents(const std::string& name) const {
  std::string path = Required(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw ConfigError("setting " + name + " names a file that cannot be read: " + path);
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace kutse::common
