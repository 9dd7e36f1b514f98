#include "oidc/pkce.hpp"

#include "kutse/common/base64url.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/sha256.hpp"

namespace kutse::gateway {

std::string NewOpaqueToken() {
  return common::Base64UrlEncode(common::RandomBytes(32));
}

std::string NewCodeVerifier() {
  return NewOpaqueToken();
}

std::string CodeChallengeS256(const std::string& verifier) {
  return common::Base64UrlEncode(common::Sha256(verifier));
}

}  // namespace kutse::gateway
