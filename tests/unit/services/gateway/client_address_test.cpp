#include "proxy/client_address.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "clients/rate_limiter.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"
#include "proxy/address_rate_limit.hpp"

using namespace kutse::gateway;

TEST_CASE("Without trusted proxies the peer is the client, whatever X-Forwarded-For says") {
  const TrustedProxies none;
  CHECK(none.ClientAddress("203.0.113.7", std::nullopt) == "203.0.113.7");
  CHECK(none.ClientAddress("203.0.113.7", std::string("198.51.100.1")) == "203.0.113.7");
  CHECK(none.ClientAddress("::ffff:203.0.113.7", std::nullopt) == "203.0.113.7");
}

TEST_CASE("Behind trusted proxies the first untrusted address from the right is the client") {
  const auto proxies = TrustedProxies::Parse(" 10.0.0.0/8, 127.0.0.1 ,fd00::/8");
  // The ingress (10.1.2.3) appended the address it saw; what the caller sent before it is ignored.
  CHECK(proxies.ClientAddress("10.1.2.3", std::string("1.1.1.1, 203.0.113.7")) == "203.0.113.7");
  // Two proxies in a row: the load balancer 127.0.0.1 behind the ingress.
  CHECK(proxies.ClientAddress("10.1.2.3", std::string("203.0.113.7, 127.0.0.1")) == "203.0.113.7");
  CHECK(proxies.ClientAddress("10.1.2.3", std::string("2001:db8::1")) == "2001:db8::1");
  CHECK(proxies.ClientAddress("fd12::5", std::string("[2001:db8::1]")) == "2001:db8::1");
  // A proxy without the header, or with only proxies in it: the last trusted address is all we know.
  CHECK(proxies.ClientAddress("10.1.2.3", std::nullopt) == "10.1.2.3");
  CHECK(proxies.ClientAddress("10.1.2.3", std::string("127.0.0.1")) == "127.0.0.1");
  // Garbage where a trusted proxy would have written an address: not believed.
  CHECK(proxies.ClientAddress("10.1.2.3", std::string("evil")) == "10.1.2.3");
  // An untrusted peer cannot name a client at all.
  CHECK(proxies.ClientAddress("203.0.113.9", std::string("10.1.2.3")) == "203.0.113.9");
  CHECK(proxies.Contains("10.255.255.255"));
  CHECK_FALSE(proxies.Contains("11.0.0.0"));
  CHECK_FALSE(proxies.Contains("fe00::1"));
}

TEST_CASE("A trusted-proxy list with anything but addresses and ranges is refused") {
  for (const char* bad : {"10.0.0.0/33", "localhost", "10.0.0.0/", "10.0.0.0/x", "::/129", "1.2.3.4/08a"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(TrustedProxies::Parse(bad), std::invalid_argument);
  }
  CHECK_NOTHROW(TrustedProxies::Parse(""));
}

TEST_CASE("An IPv6 client is counted by its /64") {
  CHECK(AddressBudgetKey("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64");
  CHECK(AddressBudgetKey("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64");
  CHECK(AddressBudgetKey("203.0.113.7") == "203.0.113.7");
}

TEST_CASE("Uploads are limited per client address, with the time to wait") {
  kutse::common::FakeClock clock(std::chrono::system_clock::time_point(std::chrono::hours(493000)));
  AddressRateLimit limit(TrustedProxies::Parse("10.0.0.0/8"), 2, clock);
  kutse::http::Request request;
  request.peer_address = "10.0.0.5";
  request.headers["x-forwarded-for"] = "203.0.113.7";
  limit.Check(request);
  limit.Check(request);
  try {
    limit.Check(request);
    FAIL("a third upload within the minute went through");
  } catch (const kutse::common::StatusError& error) {
    CHECK(error.status().code() == kutse::common::StatusCode::kResourceExhausted);
    CHECK(error.status().message().key == "gateway.uploads_rate_limited");
    REQUIRE(error.status().retry_after());
    CHECK(error.status().retry_after()->count() == 30);
  }
  request.headers["x-forwarded-for"] = "203.0.113.8";  // another client behind the same ingress
  CHECK_NOTHROW(limit.Check(request));
  AddressRateLimit unlimited(TrustedProxies(), 0, clock);
  for (int i = 0; i < 100; ++i) {
    unlimited.Check(request);
  }
}

TEST_CASE("Many addresses: refilled budgets are dropped, spent ones kept") {
  kutse::common::FakeClock clock(std::chrono::system_clock::time_point(std::chrono::hours(493000)));
  RateLimiter limiter(clock);
  int wait = 0;
  REQUIRE(limiter.Allow("spent", 1, wait));
  REQUIRE_FALSE(limiter.Allow("spent", 1, wait));
  for (int i = 0; i < 50000; ++i) {
    limiter.Allow("address-" + std::to_string(i), 60000, wait);
  }
  clock.Advance(std::chrono::seconds(1));  // every 60,000-a-minute budget has refilled, "spent" has not
  REQUIRE(limiter.Allow("newcomer", 1, wait));
  CHECK(limiter.Size() == 2);
  CHECK_FALSE(limiter.Allow("spent", 1, wait));
}
