// One digital stamp as the service records it: the certificate, its holder, the form and level of
// the seal, the SHA-256 of the file handed out and of the PDF it seals, when, and the verification
// code of its QR link.
// No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::stamping {

inline constexpr const char* kLevelBaselineB = "B-B";  // ETSI baseline B: no time-stamp, no revocation data
// Baseline LT: a signature time-stamp and the validation data (chain, OCSP response) in the seal.
inline constexpr const char* kLevelBaselineLT = "B-LT";

struct Stamp {
  std::string id;     // UUID
  long long seq = 0;  // order of creation, given by the database: the holder's list pages on it
  std::string verification_code;
  std::string certificate_number;
  std::string holder_personal_code;  // personal data: never logged
  std::string format = "pdf";        // pdf (PAdES) | asice (ASiC-E with XAdES)
  std::string language;              // et | en
  std::string level = kLevelBaselineB;
  std::string sha256;  // of the file, 64 lower-case hex digits
  // Of the PDF the seal covers: the file itself for pdf, the PDF inside the container for asice.
  // An uploaded document is found by it.
  std::string document_sha256;
  std::string created_at;                   // UTC ISO 8601
  std::optional<std::string> withdrawn_at;  // UTC ISO 8601: the holder withdrew its verification link
};

}  // namespace kutse::stamping
