// DER as the seals need it written: an OpenSSL object's encoding by its i2d_ function, a
// certificate's, and the length octets of a TLV (X.690 §8.1.3) for the few structures put
// together by hand. Shared by the CAdES and XAdES signers, the PAdES sealer and the trust-service
// clients. No I/O.
#pragma once

#include <openssl/crypto.h>
#include <openssl/x509.h>

#include <cstddef>
#include <stdexcept>
#include <string>

namespace kutse::stamping::seal {

// Throws std::runtime_error when OpenSSL cannot encode `object`.
template <typename T>
std::string DerOf(const T* object, int (*encode)(const T*, unsigned char**)) {
  unsigned char* bytes = nullptr;
  const int length = encode(object, &bytes);
  if (length <= 0) {
    throw std::runtime_error("an OpenSSL object cannot be DER-encoded");
  }
  std::string der(reinterpret_cast<char*>(bytes), static_cast<size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

// Throws std::runtime_error when OpenSSL cannot encode it.
std::string CertificateDer(X509* certificate);

// The definite-length octets for `length` content bytes: short form below 128, else long form.
std::string DerLength(size_t length);

}  // namespace kutse::stamping::seal
