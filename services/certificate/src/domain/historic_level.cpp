#include "domain/historic_level.hpp"

#include <map>

namespace kutse::certificate {

std::optional<int> EstqfLevelOfHistoricLevel(const std::string& historic_level) {
  // The correspondence set when the 8-level framework replaced the 5-level scale (see
  // proto-docs/adr/0003-register-model.md): I→2, II→3, III→4, IV→5, V→7.
  static const std::map<std::string, int> kEstqf = {{"I", 2}, {"II", 3}, {"III", 4}, {"IV", 5}, {"V", 7}};
  auto found = kEstqf.find(historic_level);
  if (found == kEstqf.end()) {
    return std::nullopt;
  }
  return found->second;
}

}  // namespace kutse::certificate
