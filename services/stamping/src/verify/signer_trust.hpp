// Whether a certificate that signed something is one to trust: `carried` are the other
// certificates the signature carries (may be null), `at` the time to judge it at. The register
// keeper's seal and the time-stamping authorities each have one (TrustAnchors::Trusts has this
// shape), so both verifiers take the same configuration. No I/O.
#pragma once

#include <openssl/x509.h>

#include <chrono>
#include <functional>

namespace kutse::stamping::verify {

using SignerTrust =
    std::function<bool(X509* signer, STACK_OF(X509) * carried, std::chrono::system_clock::time_point at)>;

}  // namespace kutse::stamping::verify
