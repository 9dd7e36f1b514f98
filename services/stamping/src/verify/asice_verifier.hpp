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

namespace kutse::stamping::verify {

// Whether the signer certificate is the register keeper's: `carried` are the other certificates
// in KeyInfo (may be null), `signed_at` the SigningTime. The shape of the PAdES side's trust
// anchors (TrustAnchors::Trusts), so both verifiers take the same configuration.
using SignerTrust = std::function<bool(X509* signer, STACK_OF(X509) * carried,
                                       std::chrono::system_clock::time_point signed_at)>;

// A SignerTrust for one anchor certificate: the seal certificate itself or a CA it chains to,
// validity periods not checked (null: no signer is trusted).
SignerTrust TrustedBy(X509* anchor);

// register_seal is set when `trusted` says so of an intact seal's signer.
SealCheck VerifyAsice(std::string_view container, const SignerTrust& trusted,
                      const ArchiveLimits& limits = {});

}  // namespace kutse::stamping::verify
