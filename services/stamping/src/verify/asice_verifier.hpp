// Checks an uploaded ASiC-E container (hostile input) the way the stamping service makes them:
// `mimetype` first and stored, one data file, one XAdES signature in META-INF/signatures*.xml
// whose references cover the data file and the SignedProperties, signed with the certificate in
// KeyInfo that SigningCertificateV2 names. Everything stays in memory; the XML is parsed without
// network, DTD, entities or huge-tree mode. No I/O.
#pragma once

#include <openssl/x509.h>

#include <chrono>
#include <functional>
#include <string_view>

#include "verify/asice_archive.hpp"
#include "verify/seal_check.hpp"
#include "verify/signer_trust.hpp"

namespace kutse::stamping::verify {

// A SignerTrust for one anchor certificate: the seal certificate itself or a CA it chains to,
// validity periods not checked (null: no signer is trusted).
SignerTrust TrustedBy(X509* anchor);

// register_seal is set when `trusted` says so of an intact seal's signer. A SignatureTimeStamp of
// a TSA `tsa_trusted` does not trust is intact but vouches for nothing: the seal is then judged as
// B-B at its SigningTime. `tsa_trusted` null: every TSA counts as trusted (tests of the form).
SealCheck VerifyAsice(std::string_view container, const SignerTrust& trusted,
                      const ArchiveLimits& limits = {}, const SignerTrust& tsa_trusted = nullptr);

}  // namespace kutse::stamping::verify
