// SHA-256 through OpenSSL: for secrets we keep only a hash of (session ids, API-client secrets),
// request fingerprints (Idempotency-Key) and migration checksums.
#pragma once

#include <string>

namespace kutse::common {

std::string Sha256(const std::string& data);     // the 32 raw bytes of the digest
std::string Sha256Hex(const std::string& data);  // the same in 64 lower-case hex digits

}  // namespace kutse::common
