#include "kutse/auth/jwt_parts.hpp"

#include "kutse/common/base64url.hpp"

namespace kutse::auth {
namespace {

std::optional<nlohmann::json> DecodeJsonPart(const std::string& part) {
  auto bytes = common::Base64UrlDecode(part);
  if (!bytes) {
    return std::nullopt;
  }
  auto parsed = nlohmann::json::parse(*bytes, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

std::optional<JwtParts> SplitJwt(const std::string& token, size_t max_size) {
  if (token.size() > max_size) {
    return std::nullopt;
  }
  size_t first = token.find('.');
  size_t second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
  if (second == std::string::npos || token.find('.', second + 1) != std::string::npos) {
    return std::nullopt;
  }
  auto header = DecodeJsonPart(token.substr(0, first));
  auto claims = DecodeJsonPart(token.substr(first + 1, second - first - 1));
  auto signature = common::Base64UrlDecode(token.substr(second + 1));
  if (!header || !claims || !signature) {
    return std::nullopt;
  }
  return JwtParts{std::move(*header), std::move(*claims), token.substr(0, second), std::move(*signature)};
}

}  // namespace kutse::auth
