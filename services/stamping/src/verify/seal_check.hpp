// What checking one sealed document (an uploaded PAdES PDF or ASiC-E container) found, kept apart
// as the verification answer keeps it: is the seal intact, is it the register keeper's, when and at
// which level it was made, and which bytes it covers (so the stamp record can be found). Each
// verifier fills it from the document alone; the use case adds what the register knows. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::stamping::verify {

enum class SealForm { kPades, kAsice };

// Why a document could not be checked or its seal is not intact; kNone when it is intact.
enum class SealDefect {
  kNone,
  kMalformed,         // not a well-formed PDF/ASiC-E of the kind we make, or over a size limit
  kNoSignature,       // well-formed, but nothing sealed in it
  kDigestMismatch,    // the signed bytes were changed after sealing
  kSignatureInvalid,  // the signature value does not verify with the embedded certificate
};

struct SealCheck {
  SealForm form = SealForm::kPades;
  SealDefect defect = SealDefect::kMalformed;
  // Only meaningful when defect == kNone: the signer certificate is the configured register
  // keeper's seal certificate or issued by the configured trust anchor.
  bool register_seal = false;
  std::optional<std::string> signer_subject;  // RFC 2253 form of the signer certificate's subject
  std::optional<std::string> signed_at;       // UTC ISO 8601: /M, XAdES SigningTime or the time-stamp
  std::optional<std::string> level;           // "B-B", "B-T" or "B-LT"
  // SHA-256 (64 lower-case hex) of the document the seal covers: for PAdES the whole uploaded
  // file, for ASiC-E the PDF inside. The stamp record is found by it.
  std::optional<std::string> covered_sha256;

  bool Intact() const { return defect == SealDefect::kNone; }
};

}  // namespace kutse::stamping::verify
