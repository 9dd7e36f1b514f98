#include "domain/certificate_number.hpp"

#include "domain/certificate.hpp"

namespace kutse::certificate {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

bool IsCertificateNumber(const std::string& text) {
  if (text.empty() || text.size() > kMaxCertificateNumberLength || !IsAsciiAlnum(text[0])) {
    return false;
  }
  for (char c : text) {
    if (!IsAsciiAlnum(c) && c != '/' && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace kutse::certificate
