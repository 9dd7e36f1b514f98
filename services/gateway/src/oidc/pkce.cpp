#include "oidc/pkce.hpp"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>

#include "kutse/auth/base64url.hpp"

namespace kutse::gateway {

std::string NewOpaqueToken() {
  std::string bytes(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("the random number generator failed");
  }
  return auth::Base64UrlEncode(bytes);
}

std::string NewCodeVerifier() {
  return NewOpaqueToken();
}

std::string CodeChallengeS256(const std::string& verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return auth::Base64UrlEncode(std::string(reinterpret_cast<char*>(digest), sizeof digest));
}

}  // namespace kutse::gateway
