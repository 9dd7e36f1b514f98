// Where a certificate came from: issued by an awarding body, imported from the old register, or a
// duplicate of another. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class CertificateOrigin { kIssued, kImported, kDuplicate };

const char* ToString(CertificateOrigin origin);
std::optional<CertificateOrigin> ParseOrigin(const std::string& text);

}  // namespace kutse::certificate
