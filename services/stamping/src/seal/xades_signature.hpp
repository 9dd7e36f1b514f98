// The XAdES baseline B-B or LT signature (ETSI EN 319 132-1) of an ASiC-E container, as
// META-INF/signatures0.xml holds it: asic:XAdESSignatures with one ds:Signature whose SignedInfo
// (canonical XML 1.1, RSA-SHA256 or ECDSA-SHA256 as the key is) references every data file by its
// name and the SignedProperties (signing time, signing-certificate-v2, a DataObjectFormat per file).
// At LT the UnsignedSignatureProperties add, in libdigidocpp's order and Ids, a SignatureTimeStamp
// over the canonical SignatureValue, the CertificateValues of the seal certificate's CA chain and
// the RevocationValues with the OCSP response for the seal certificate.
//
// Made with libxml2's canonicalisation and OpenSSL rather than the xmlsec1 library: xmlsec would
// resolve the data files' URIs through its own I/O layer (files, network) unless replaced by
// callbacks on both the signing and the verifying side, while the signature needs only two
// canonical subtrees and one signing call. xmlsec1's command line checks the result in the tests.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "seal/asice_container.hpp"
#include "seal/seal_key.hpp"
#include "seal/trust_services.hpp"

namespace kutse::stamping::seal {

// The document's bytes (UTF-8). `trust_services` null: B-B, and with an RSA key the same files and
// time give the same bytes; otherwise LT, the time-stamp asked first, then the OCSP response (so it
// is the newer). Throws std::runtime_error when the key cannot sign or the seal's chain lacks its
// issuer (LT), TrustServiceUnavailable when a trust service fails: nothing is returned half-made.
std::string XadesSignature(const SealKey& seal, const std::vector<DataFile>& files,
                           std::chrono::system_clock::time_point at,
                           const TrustServices* trust_services = nullptr);

// SigningTime as XAdES writes it: UTC to the second, "2026-12-03T12:00:00Z".
std::string XadesTime(std::chrono::system_clock::time_point at);

// IssuerSerialV2's content: the DER of IssuerSerial (RFC 5035) of `certificate`, in base64.
std::string IssuerSerialV2(X509* certificate);

}  // namespace kutse::stamping::seal
