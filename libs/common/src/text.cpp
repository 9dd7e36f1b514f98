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

}  // namespace kutse::common
