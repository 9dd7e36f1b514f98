// Whether an OCSP response in a sealed document says the signer was good when it was sealed, from
// its bytes alone: a successful basic response whose signature verifies with the responder
// certificate it names, produced no earlier than the signature time-stamp (libdigidocpp's LT rule),
// with a single response for `signer` (by its issuer's name hash and serial) whose status is good.
// Whether the responder is to be trusted is not decided here. Used by the PAdES verifier (the DSS)
// and the ASiC-E verifier (RevocationValues). No I/O.
#pragma once

#include <openssl/x509.h>

#include <chrono>
#include <string>

namespace kutse::stamping::verify {

bool OcspSaysGood(const std::string& der, X509* signer, std::chrono::system_clock::time_point time_stamped);

}  // namespace kutse::stamping::verify
