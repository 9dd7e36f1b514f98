// A fresh P-256 key pair as PEM, made with OpenSSL, for tests that sign and verify tokens.
#pragma once

#include <string>

namespace kutse::testing {

struct PemKeyPair {
  std::string private_pem;
  std::string public_pem;
};

PemKeyPair NewP256KeyPair();

}  // namespace kutse::testing
