// The texts of every Message in Estonian and English (other languages can be added as files), one
// catalogue per process. Each library and service embeds its messages/<language>.json at build time
// (cmake/KutseMessages.cmake) and loads it once at start; Render falls back to English, then to the
// key itself, so a missing text shows up as a visible bug rather than an empty answer.
#pragma once

#include <map>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "kutse/common/message.hpp"

namespace kutse::common {

inline constexpr const char* kDefaultLanguage = "et";

class MessageCatalog {
 public:
  static MessageCatalog& Global();

  // `json` is one flat object of key -> text with {placeholders}. Throws std::invalid_argument when
  // it is not, or when a key is given two different texts in one language (two files clash).
  void Load(const std::string& language, std::string_view json, const std::string& source);
  bool Has(const std::string& key, const std::string& language) const;
  std::string Render(const Message& message, const std::string& language) const;

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::map<std::string, std::string>> texts_;  // language -> key -> text
};

// Loads libs/common's own texts (generated from libs/common/messages/*.json).
void LoadEmbeddedMessages();

// Replaces each {name} in `text` by its value; a placeholder without a value stays as written.
std::string FillPlaceholders(const std::string& text,
                             const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace kutse::common
