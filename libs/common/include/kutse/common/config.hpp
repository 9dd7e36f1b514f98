// Configuration from environment variables (12-factor). A missing or malformed required setting
// throws ConfigError, which main() turns into one clear line and a non-zero exit.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace kutse::common {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Config {
 public:
  // The lookup is injectable so tests need not touch the process environment.
  using Lookup = std::function<std::optional<std::string>(const std::string&)>;

  Config();  // reads the process environment
  explicit Config(Lookup lookup);

  std::string Required(const std::string& name) const;
  std::string Optional(const std::string& name, const std::string& fallback) const;
  std::optional<std::string> Maybe(const std::string& name) const;
  int Port(const std::string& name, std::optional<int> fallback = std::nullopt) const;
  int Integer(const std::string& name, int fallback, int min, int max) const;
  bool Flag(const std::string& name) const;  // "enabled"/"true"/"1" or absent/"disabled"/"false"/"0"
  // Reads the whole file named by the variable; the value itself never appears in errors.
  std::string FileContents(const std::string& name) const;

 private:
  Lookup lookup_;
};

}  // namespace kutse::common
