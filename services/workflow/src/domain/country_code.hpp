// Countries as ISO 3166-1 alpha-2 codes (the officially assigned ones), for a postal address. No I/O.
#pragma once

#include <string>

namespace kutse::workflow {

inline constexpr const char* kEstonia = "EE";

// Whether `code` (two upper-case letters) is an officially assigned ISO 3166-1 alpha-2 code.
bool IsCountryCode(const std::string& code);

}  // namespace kutse::workflow
