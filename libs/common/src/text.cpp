#include "kutse/common/text.hpp"

namespace kutse::common {

std::vector<std::string> Split(const std::string& text, char delimiter) {
  std::vector<std::string> parts;
  if (text.empty()) {
    return parts;
  }
  size_t start = 0;
  for (;;) {
    size_t end = text.find(delimiter, start);
    if (end == std::string::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

size_t Utf8Length(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) {
    count += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

bool IsRegistryCode(const std::string& text) {
  return text.size() == 8 && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace kutse::common
