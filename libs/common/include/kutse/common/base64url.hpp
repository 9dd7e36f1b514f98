// Base64url without padding (RFC 4648 §5), as JWTs use it.
#pragma once

#include <optional>
#include <string>

namespace kutse::common {

std::string Base64UrlEncode(const std::string& bytes);
std::optional<std::string> Base64UrlDecode(const std::string& text);  // nullopt on any invalid character

}  // namespace kutse::common
