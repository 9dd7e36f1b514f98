#include "seal/der.hpp"

namespace kutse::stamping::seal {

std::string CertificateDer(X509* certificate) {
  return DerOf<X509>(certificate, &i2d_X509);
}

std::string DerLength(size_t length) {
  if (length < 0x80) {
    return std::string(1, static_cast<char>(length));
  }
  std::string bytes;
  for (size_t n = length; n > 0; n >>= 8) {
    bytes.insert(bytes.begin(), static_cast<char>(n & 0xff));
  }
  return static_cast<char>(0x80 | bytes.size()) + bytes;
}

}  // namespace kutse::stamping::seal
