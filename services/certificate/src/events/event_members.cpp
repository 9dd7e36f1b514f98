#include "events/event_members.hpp"

#include <cctype>

#include "kutse/common/time_format.hpp"

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

std::optional<std::string> InstantMember(const nlohmann::json& data, const char* key) {
  auto text = TextMember(data, key, 40);
  if (!text || text->size() < 20 || text->back() != 'Z') {
    return std::nullopt;
  }
  const std::string& t = *text;
  const auto digits = [&t](size_t from, size_t count) {
    for (size_t i = from; i < from + count; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(t[i]))) {
        return false;
      }
    }
    return true;
  };
  if (t[10] != 'T' || t[13] != ':' || t[16] != ':' || !digits(11, 2) || !digits(14, 2) || !digits(17, 2) ||
      !common::ParseDate(t.substr(0, 10)) || std::stoi(t.substr(11, 2)) > 23 ||
      std::stoi(t.substr(14, 2)) > 59 || std::stoi(t.substr(17, 2)) > 59) {
    return std::nullopt;
  }
  std::string fraction;
  if (t.size() > 20) {
    if (t[19] != '.' || t.size() == 21 || !digits(20, t.size() - 21)) {
      return std::nullopt;
    }
    fraction = t.substr(20, t.size() - 21);
  } else if (t[19] != 'Z') {
    return std::nullopt;
  }
  fraction = (fraction + "000").substr(0, 3);
  return t.substr(0, 19) + "." + fraction + "Z";
}

}  // namespace kutse::certificate
