// The three kinds of document the register holds (domain.md §4). A partial-qualification
// certificate is numbered from its own series. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class CertificateType { kCertificate, kPartialQualification, kInitialQualification };

const char* ToString(CertificateType type);
std::optional<CertificateType> ParseCertificateType(const std::string& text);

// The languages a certificate is printed in.
bool IsCertificateLanguage(const std::string& language);

}  // namespace kutse::certificate
