// Small text helpers shared by the libraries and services.
#pragma once

#include <string>
#include <vector>

namespace kutse::common {

// "a,b,,c" -> {"a", "b", "", "c"}; an empty text gives no parts at all.
std::vector<std::string> Split(const std::string& text, char delimiter);

}  // namespace kutse::common
