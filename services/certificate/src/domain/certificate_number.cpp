#include "domain/certificate_number.hpp"

#include <cstdio>

namespace kutse::certificate {

std::string FormatCertificateNumber(std::int64_t sequence_value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "K-%06lld", static_cast<long long>(sequence_value));
  return buffer;
}

}  // namespace kutse::certificate
