// Estonian personal identification code (isikukood), GYYMMDDSSSC: proto-docs/domain.md, "Identity".
#pragma once

#include <optional>
#include <string>

#include "kutse/common/time_format.hpp"

namespace kutse::common {

// True when the text is 11 digits with a valid century digit, an existing birth date and the
// correct check digit.
bool IsValidPersonalCode(const std::string& code);
int PersonalCodeCheckDigit(const std::string& first_ten_digits);
std::optional<Date> BirthDateOf(const std::string& code);

}  // namespace kutse::common
