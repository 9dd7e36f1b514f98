#include "kutse/common/message_catalog.hpp"

#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kutse::common {

MessageCatalog& MessageCatalog::Global() {
  static MessageCatalog catalog;
  return catalog;
}

void MessageCatalog::Load(const std::string& language, std::string_view json, const std::string& source) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    throw std::invalid_argument("message file " + source + " is not one JSON object");
  }
  std::unique_lock lock(mutex_);
  auto& texts = texts_[language];
  for (const auto& [key, text] : parsed.items()) {
    if (!text.is_string()) {
      throw std::invalid_argument("message " + key + " in " + source + " is not a text");
    }
    auto [at, added] = texts.emplace(key, text.get<std::string>());
    if (!added && at->second != text.get<std::string>()) {
      throw std::invalid_argument("message " + key + " in " + source + " clashes with an earlier file");
    }
  }
}

bool MessageCatalog::Has(const std::string& key, const std::string& language) const {
  std::shared_lock lock(mutex_);
  auto texts = texts_.find(language);
  return texts != texts_.end() && texts->second.count(key) != 0;
}

std::string MessageCatalog::Render(const Message& message, const std::string& language) const {
  std::shared_lock lock(mutex_);
  for (const std::string& tried : {language, std::string("en")}) {
    auto texts = texts_.find(tried);
    if (texts == texts_.end()) {
      continue;
    }
    auto text = texts->second.find(message.key);
    if (text != texts->second.end()) {
      return FillPlaceholders(text->second, message.values);
    }
  }
  return message.key;
}

std::string FillPlaceholders(const std::string& text,
                             const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        std::string_view name(text.data() + i + 1, close - i - 1);
        bool filled = false;
        for (const auto& [placeholder, value] : values) {
          if (placeholder == name) {
            out += value;
            filled = true;
            break;
          }
        }
        if (filled) {
          i = close;
          continue;
        }
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace kutse::common
