#include "events/event_members.hpp"

namespace kutse::certificate {

std::optional<std::string> TextMember(const nlohmann::json& data, const char* key, size_t max_length) {
  if (!data.is_object() || !data.contains(key) || !data[key].is_string()) {
    return std::nullopt;
  }
  auto text = data[key].get<std::string>();
  if (text.empty() || text.size() > max_length) {
    return std::nullopt;
  }
  return text;
}

}  // namespace kutse::certificate
