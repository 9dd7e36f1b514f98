// The one kind of change a PAdES seal accepts after its signed revision: an incremental update
// that only adds a document security store (ETSI EN 319 142-1 §5.4), as seal/pdf_dss writes it:
// new stream objects for certificates, OCSP responses and CRLs, one new DSS dictionary, and the
// catalog again, the same as the signed revision's but for /DSS; then a classic cross-reference
// section naming exactly those objects where they are, and a trailer that keeps /Root and /Info
// and points back at the signed revision. No other object of the document is redefined or freed,
// so no page, content, form field, action or signature can come with it. Hostile input: bounded
// by seal/pdf_dss_syntax, no decompression.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kutse::stamping::verify {

struct DssUpdate {
  bool has_certificates = false;  // /Certs names at least one, each a DER certificate
  // /OCSPs: each a successful DER OCSPResponse (whose status it gives is the verifier's to judge).
  std::vector<std::string> ocsp_responses;
};

// What the bytes of `pdf` from `signed_end` (the end of the signed revision) on add; nullopt when
// they are anything but exactly one DSS update of that form.
std::optional<DssUpdate> ReadDssUpdate(std::string_view pdf, size_t signed_end);

}  // namespace kutse::stamping::verify
