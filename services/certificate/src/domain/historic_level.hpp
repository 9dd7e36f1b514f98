// The old 5-level scale of professional qualifications (kutsetase I–V, used before the 8-level
// Estonian Qualifications Framework) and the EstQF level each corresponds to. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

// "I".."V" to the EstQF level; nullopt for anything else.
std::optional<int> EstqfLevelOfHistoricLevel(const std::string& historic_level);

}  // namespace kutse::certificate
