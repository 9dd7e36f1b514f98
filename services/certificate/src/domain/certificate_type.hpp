// The three kinds of document the register holds: a certificate, a partial-qualification
// certificate (numbered from its own series) and an initial qualification; and the languages a
// certificate is printed in. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class CertificateType { kCertificate, kPartialQualification, kInitialQualification };

const char* ToString(CertificateType type);
std::optional<CertificateType> ParseCertificateType(const std::string& text);

bool IsCertificateLanguage(const std::string& language);  // et, en or ru

}  // namespace kutse::certificate
