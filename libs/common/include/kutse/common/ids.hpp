// Random identifiers from OpenSSL's CSPRNG: raw bytes for tokens, UUID v4, hex tokens, W3C trace ids.
#pragma once

#include <string>

namespace kutse::common {

std::string RandomBytes(size_t count);  // throws std::runtime_error if the generator fails
std::string NewUuid();                  // 8-4-4-4-12 lower-case hex, version 4
std::string RandomHex(size_t bytes);    // 2*bytes lower-case hex characters
bool IsUuid(const std::string& text);
bool IsSafeRequestId(const std::string& text);  // 1..64 of [A-Za-z0-9-_.]

}  // namespace kutse::common
