// A CAdES detached signature (ETSI EN 319 122-1, baseline B-B) made with OpenSSL's CMS: SHA-256,
// signed attributes content-type, message-digest and ESS signing-certificate-v2, the seal
// certificate and its chain embedded, and no signing-time attribute (PAdES puts the time in the
// signature dictionary's /M instead; EN 319 142-1 §5.3 forbids both). With a time-stamping
// authority it is baseline B-T: the unsigned attribute id-aa-signatureTimeStampToken holds the TSA's
// token over the signature value (EN 319 122-1 §5.3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "seal/seal_key.hpp"
#include "seal/trust_services.hpp"

namespace kutse::stamping::seal {

// The DER of the CMS ContentInfo over `content`; `time_stamping` not null: with the signature
// time-stamp, asked of it. Throws std::runtime_error naming OpenSSL's reason, and lets
// TrustServiceUnavailable through.
std::string CadesDetachedSignature(const SealKey& seal, std::string_view content,
                                   const TrustServices* time_stamping = nullptr);

// The DER of each certificate the signature time-stamp token of `cms` (made above) carries; none
// when it has no time-stamp. Throws std::runtime_error when `cms` cannot be read.
std::vector<std::string> TimeStampCertificates(const std::string& cms);

}  // namespace kutse::stamping::seal
