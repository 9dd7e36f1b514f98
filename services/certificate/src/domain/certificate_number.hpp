// The form of a certificate's register number (openapi.yaml, CertificateNumber): K-000123, OK-000017,
// or a historic entry's old number. No I/O.
#pragma once

#include <string>

namespace kutse::certificate {

// 1 to 32 letters, digits, '/', '.' and '-', starting with a letter or a digit.
bool IsCertificateNumber(const std::string& text);

}  // namespace kutse::certificate
