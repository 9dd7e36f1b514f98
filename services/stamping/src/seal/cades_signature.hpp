// A CAdES detached signature (ETSI EN 319 122-1, baseline B-B) made with OpenSSL's CMS: SHA-256,
// signed attributes content-type, message-digest and ESS signing-certificate-v2, the seal
// certificate and its chain embedded, and no signing-time attribute (PAdES puts the time in the
// signature dictionary's /M instead; EN 319 142-1 §5.3 forbids both).
#pragma once

#include <string>
#include <string_view>

#include "seal/seal_key.hpp"

namespace kutse::stamping::seal {

// The DER of the CMS ContentInfo over `content`. Throws std::runtime_error naming OpenSSL's reason.
std::string CadesDetachedSignature(const SealKey& seal, std::string_view content);

}  // namespace kutse::stamping::seal
