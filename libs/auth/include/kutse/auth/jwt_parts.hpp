// A compact JWS split into its parts: decoded header and claims (JSON objects), the signing input
// and the raw signature bytes. Nothing is trusted yet at this point.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kutse::auth {

struct JwtParts {
  nlohmann::json header;
  nlohmann::json claims;
  std::string signing_input;  // base64url(header) "." base64url(claims)
  std::string signature;
};

// nullopt unless there are exactly three base64url parts, the first two JSON objects.
std::optional<JwtParts> SplitJwt(const std::string& token, size_t max_size = 16 * 1024);

}  // namespace kutse::auth
