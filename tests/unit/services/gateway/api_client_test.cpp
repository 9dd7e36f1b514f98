#include "clients/api_client.hpp"

#include <catch2/catch.hpp>

#include "clients/cors.hpp"
#include "clients/rate_limiter.hpp"
#include "kutse/common/clock.hpp"

using namespace kutse::gateway;

TEST_CASE("a client may spend its per-minute budget at once, then as it refills") {
  kutse::common::FakeClock clock(std::chrono::system_clock::time_point(std::chrono::hours(493000)));
  RateLimiter limiter(clock);
  int wait = 0;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(limiter.Allow("c1", 3, wait));
  }
  REQUIRE_FALSE(limiter.Allow("c1", 3, wait));
  REQUIRE(wait == 20);                    // 3 a minute: one every 20 s
  REQUIRE(limiter.Allow("c2", 3, wait));  // budgets are per client
  clock.Advance(std::chrono::seconds(20));
  REQUIRE(limiter.Allow("c1", 3, wait));
  REQUIRE_FALSE(limiter.Allow("c1", 3, wait));
  clock.Set(clock.Now() + std::chrono::hours(1));  // the wall clock set forward refills nothing
  REQUIRE_FALSE(limiter.Allow("c1", 3, wait));
}

TEST_CASE("HTTP Basic credentials are read, anything else is refused") {
  std::string id;
  std::string secret;
  REQUIRE(ParseBasicCredentials("Basic ODAwMTIzNDUtYWJjZGVmMDE6czNjcjN0", id,
                                secret));  // 80012345-abcdef01:s3cr3t
  REQUIRE(id == "80012345-abcdef01");
  REQUIRE(secret == "s3cr3t");
  REQUIRE_FALSE(ParseBasicCredentials("Bearer abc", id, secret));
  REQUIRE_FALSE(ParseBasicCredentials("Basic !!!!", id, secret));
  REQUIRE_FALSE(ParseBasicCredentials("Basic bm9jb2xvbg==", id, secret));  // "nocolon"
}

TEST_CASE("origins are scheme, host and port only") {
  REQUIRE(IsValidOrigin("https://www.keevitajad.ee"));
  REQUIRE(IsValidOrigin("http://localhost:3000"));
  REQUIRE_FALSE(IsValidOrigin("https://www.keevitajad.ee/"));
  REQUIRE_FALSE(IsValidOrigin("javascript:alert(1)"));
  REQUIRE_FALSE(IsValidOrigin("https://*.example.ee"));
}

TEST_CASE("CORS headers only for public paths and registered origins") {
  kutse::http::Request request;
  request.path = "/api/v1/public/status";
  request.headers["origin"] = "https://www.keevitajad.ee";
  kutse::http::Response allowed;
  AddCorsHeaders(request, true, allowed);
  REQUIRE(allowed.headers.size() == 2);
  kutse::http::Response refused;
  AddCorsHeaders(request, false, refused);
  REQUIRE(refused.headers.size() == 1);  // Vary only
  request.path = "/api/v1/me";
  kutse::http::Response private_route;
  AddCorsHeaders(request, true, private_route);
  REQUIRE(private_route.headers.empty());
  REQUIRE_THROWS(PreflightAnswer(request, false));
}
