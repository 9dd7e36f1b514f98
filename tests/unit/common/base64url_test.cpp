#include "kutse/common/base64url.hpp"

#include <catch2/catch.hpp>

using namespace kutse::common;

TEST_CASE("base64url round-trips every byte length without padding") {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    bytes.push_back(static_cast<char>(i * 7));
    std::string encoded = Base64UrlEncode(bytes);
    REQUIRE(encoded.find('=') == std::string::npos);
    REQUIRE(encoded.find('+') == std::string::npos);
    REQUIRE(encoded.find('/') == std::string::npos);
    REQUIRE(Base64UrlDecode(encoded) == bytes);
  }
  REQUIRE(Base64UrlEncode("hello") == "aGVsbG8");
}

TEST_CASE("base64url refuses foreign characters and non-canonical tails") {
  REQUIRE_FALSE(Base64UrlDecode("aGVs bG8").has_value());
  REQUIRE_FALSE(Base64UrlDecode("aGVsbG8=").has_value());
  REQUIRE_FALSE(Base64UrlDecode("a").has_value());
  REQUIRE_FALSE(Base64UrlDecode("aGVsbG9").has_value());  // leftover bits not zero
}
