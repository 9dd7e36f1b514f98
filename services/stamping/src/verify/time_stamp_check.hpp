// What an RFC 3161 signature time-stamp in an uploaded seal says, checked from its bytes alone:
// the token's own CMS signature verifies with the TSA certificate it carries, its message imprint
// is SHA-256 (or SHA-384/512) of the bytes it claims to stamp, and when the TSA says it was made.
// Whether the TSA is one to trust is asked of the configured TSA anchors; a token of another TSA
// is intact but says nothing the register can vouch for. Used by both the PAdES and the ASiC-E
// verifier. No I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "verify/signer_trust.hpp"

namespace kutse::stamping::verify {

struct TimeStampFacts {
  std::chrono::system_clock::time_point gen_time;  // the TSA's genTime, to the second
  // The TSA's certificate leads to a TSA anchor at gen_time (always, when no trust was given).
  bool tsa_trusted = false;
};

// nullopt when `token_der` is not a TimeStampToken, its signature does not verify, or its
// imprint is not that of `stamped`. `tsa_trusted` judges the TSA's certificate; null: not judged
// (tests of a seal's form), every TSA counts as trusted.
std::optional<TimeStampFacts> CheckTimeStamp(std::string_view token_der, std::string_view stamped,
                                             const SignerTrust& tsa_trusted);

}  // namespace kutse::stamping::verify
