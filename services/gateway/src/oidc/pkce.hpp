// PKCE (RFC 7636) with S256, and the random state and nonce of a login.
#pragma once

#include <string>

namespace kutse::gateway {

std::string NewCodeVerifier();  // 43 characters of base64url from 32 random bytes
std::string CodeChallengeS256(const std::string& verifier);
std::string NewOpaqueToken();  // 32 random bytes as base64url: state, nonce, session ids

}  // namespace kutse::gateway
