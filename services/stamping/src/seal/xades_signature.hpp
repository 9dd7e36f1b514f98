// The XAdES baseline B-B signature (ETSI EN 319 132-1) of an ASiC-E container, as
// META-INF/signatures0.xml holds it: asic:XAdESSignatures with one ds:Signature whose SignedInfo
// (canonical XML 1.1, RSA-SHA256 or ECDSA-SHA256 as the key is) references every data file by its
// name and the SignedProperties (signing time, signing-certificate-v2, a DataObjectFormat per file).
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

namespace kutse::stamping::seal {

// The document's bytes (UTF-8). With an RSA key the same files and time give the same bytes.
// Throws std::runtime_error when the key cannot sign.
std::string XadesSignature(const SealKey& seal, const std::vector<DataFile>& files,
                           std::chrono::system_clock::time_point at);

// SigningTime as XAdES writes it: UTC to the second, "2026-12-03T12:00:00Z".
std::string XadesTime(std::chrono::system_clock::time_point at);

// IssuerSerialV2's content: the DER of IssuerSerial (RFC 5035) of `certificate`, in base64.
std::string IssuerSerialV2(X509* certificate);

}  // namespace kutse::stamping::seal
