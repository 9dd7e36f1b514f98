// What an RFC 3161 signature time-stamp in an uploaded seal says, checked from its bytes alone:
// the token's own CMS signature verifies with the TSA certificate it carries, its message imprint
// is SHA-256 (or SHA-384/512) of the bytes it claims to stamp, and when the TSA says it was made.
// Whether the TSA is one to trust is not decided here. Used by both the PAdES and the ASiC-E
// verifier. No I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace kutse::stamping::verify {

struct TimeStampFacts {
  std::chrono::system_clock::time_point gen_time;  // the TSA's genTime, to the second
};

// nullopt when `token_der` is not a TimeStampToken, its signature does not verify, or its
// imprint is not that of `stamped`.
std::optional<TimeStampFacts> CheckTimeStamp(std::string_view token_der, std::string_view stamped);

}  // namespace kutse::stamping::verify
