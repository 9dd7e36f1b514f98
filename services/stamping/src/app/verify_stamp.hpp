// The public's verification of a digital stamp (issue 12 item 5), anonymous: by the code of its QR
// link, or by the sealed document itself. The answer keeps apart what the document's seal says
// (intact? the register keeper's? when, at which level) and what the register says today (the
// stamp's record and the status of the certificate it covers, asked of the certificate service at
// that instant; a certificate the holder hid from the public register too, since the holder shared
// the document). A withdrawn stamp, an unknown code and a code of the wrong form answer the same.
// Uploaded documents are checked by the verifier of their sniffed type: one line per type.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "app/create_stamp.hpp"
#include "domain/stamp.hpp"
#include "verify/seal_check.hpp"

namespace kutse::stamping::app {

// A stamp whose verification link stands (not withdrawn), by its code or by its file's SHA-256.
using FindStamp = std::function<std::optional<Stamp>(const std::string& key)>;
using CheckDocument = std::function<verify::SealCheck(std::string_view document)>;

struct VerificationTools {
  FindStamp by_code;
  FindStamp by_sha256;
  FetchFacts fetch_facts;  // empty: the certificate service is not configured (503)
  // The verifier of each media type a document may be uploaded as.
  std::map<std::string, CheckDocument> verifiers;
};

struct Verification {
  std::optional<verify::SealCheck> seal;           // from an uploaded document only
  std::optional<Stamp> stamp;                      // the register's record of the stamp
  std::optional<CertificateOnRecord> certificate;  // the certificate it covers, as the register has it now
};

// Not found for a code that is unknown, withdrawn or malformed; unavailable when the certificate
// service cannot answer now.
common::StatusOr<Verification> VerifyByCode(const VerificationTools& tools, const std::string& code);

// `media_type` is what the bytes were sniffed as. Unsupported media type for a type no verifier
// reads; invalid argument when the document cannot be checked at all (malformed, over a limit). A
// seal that is broken or not the register keeper's is an answer, not an error; only an intact seal of
// the register's is looked up in the records.
common::StatusOr<Verification> VerifyDocument(const VerificationTools& tools, std::string_view document,
                                              const std::string& media_type);

}  // namespace kutse::stamping::app
