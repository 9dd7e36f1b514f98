#include "domain/occupational_standard.hpp"

#include <regex>

namespace kutse::certificate {

bool IsStandardCode(const std::string& code) {
  static const std::regex kPattern("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");
  return std::regex_match(code, kPattern);
}

const StandardPart* FindPart(const std::vector<StandardPart>& parts, const std::string& code) {
  for (const auto& part : parts) {
    if (part.code == code) {
      return &part;
    }
  }
  return nullptr;
}

}  // namespace kutse::certificate
