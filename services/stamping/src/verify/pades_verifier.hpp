// Checks the seal of an uploaded PDF (PAdES, ETSI EN 319 142-1) from its bytes alone: the last
// signature dictionary's /ByteRange must cover the whole file but its /Contents, the CAdES detached
// signature in /Contents must verify over those bytes with the certificate it carries (OpenSSL CMS,
// no chain building against the system's store), and that certificate must chain to the register
// keeper's trust anchors at the signing time (/M, or the signature time-stamp's when it has one).
// After the signed range only a DSS update (verify/pades_dss_update.hpp) may follow. Level: B-B;
// B-T with a signature time-stamp that verifies over the signature value; B-LT when the DSS holds
// certificates and an OCSP response that says the signer was good after it (verify/ocsp_check).
// A time-stamp of a TSA `tsa_trusted` does not trust is intact but vouches for nothing: the seal is
// then judged as B-B at /M. The file is hostile: a bounded parser of our own reads only what it
// needs (no object graph, no recursion, no decompression), every size is capped.
#pragma once

#include <cstddef>
#include <string_view>

#include "verify/seal_check.hpp"
#include "verify/signer_trust.hpp"
#include "verify/trust_anchors.hpp"

namespace kutse::stamping::verify {

// Larger files are refused before they are read (the gateway's and the route's limit too).
inline constexpr size_t kMaxPadesBytes = 15 * 1024 * 1024;

// `tsa_trusted` null: every TSA counts as trusted (tests of the seal's form).
SealCheck VerifyPades(std::string_view pdf, const TrustAnchors& anchors,
                      const SignerTrust& tsa_trusted = nullptr);

}  // namespace kutse::stamping::verify
