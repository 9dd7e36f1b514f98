// The outbound client's rules without a server: when to retry and how long to wait, which methods
// repeat safely, what of a URL may be logged, and that each of its messages has both texts.
#include <catch2/catch.hpp>

#include "kutse/common/message_catalog.hpp"
#include "kutse/http/client.hpp"

using namespace kutse;
using std::chrono::milliseconds;

namespace kutse::http {
void LoadEmbeddedMessages();
}

namespace {

http::RetryPolicy Policy() {
  http::RetryPolicy policy;
  policy.max_attempts = 5;
  policy.initial_backoff = milliseconds(100);
  policy.max_backoff = milliseconds(1000);
  policy.budget = milliseconds(10000);
  return policy;
}

}  // namespace

TEST_CASE("back-off doubles from the initial wait up to the cap, jittered in its upper half",
          "[http_client]") {
  auto policy = Policy();
  REQUIRE(http::RetryDelay(policy, 2, std::nullopt, milliseconds(10000), 0.0) == milliseconds(50));
  REQUIRE(http::RetryDelay(policy, 2, std::nullopt, milliseconds(10000), 0.999) == milliseconds(99));
  REQUIRE(http::RetryDelay(policy, 3, std::nullopt, milliseconds(10000), 0.0) == milliseconds(100));
  REQUIRE(http::RetryDelay(policy, 4, std::nullopt, milliseconds(10000), 0.0) == milliseconds(200));
  policy.max_attempts = 20;
  REQUIRE(http::RetryDelay(policy, 12, std::nullopt, milliseconds(10000), 0.0) == milliseconds(500));
  REQUIRE(http::RetryDelay(policy, 12, std::nullopt, milliseconds(10000), 1.0) == milliseconds(1000));
}

TEST_CASE("no retry past the last attempt or when the wait would use up the budget", "[http_client]") {
  auto policy = Policy();
  REQUIRE_FALSE(http::RetryDelay(policy, 6, std::nullopt, milliseconds(10000), 0.0));
  REQUIRE(http::RetryDelay(policy, 5, std::nullopt, milliseconds(10000), 0.0));
  REQUIRE_FALSE(http::RetryDelay(policy, 2, std::nullopt, milliseconds(50), 0.0));
  REQUIRE(http::RetryDelay(policy, 2, std::nullopt, milliseconds(51), 0.0) == milliseconds(50));
  policy.max_attempts = 1;
  REQUIRE_FALSE(http::RetryDelay(policy, 2, std::nullopt, milliseconds(10000), 0.0));
}

TEST_CASE("Retry-After replaces the back-off, but only within the budget", "[http_client]") {
  auto policy = Policy();
  REQUIRE(http::RetryDelay(policy, 2, milliseconds(3000), milliseconds(10000), 0.5) == milliseconds(3000));
  REQUIRE_FALSE(http::RetryDelay(policy, 2, milliseconds(30000), milliseconds(10000), 0.5));
}

TEST_CASE("only RFC 9110's idempotent methods repeat without being told", "[http_client]") {
  for (const char* method : {"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"}) {
    REQUIRE(http::IsIdempotentMethod(method));
  }
  for (const char* method : {"POST", "PATCH", "CONNECT", "get"}) {
    REQUIRE_FALSE(http::IsIdempotentMethod(method));
  }
}

TEST_CASE("a URL in a log line has no credentials, query or fragment", "[http_client]") {
  REQUIRE(http::UrlForLog("https://user:secret@tara.example/oidc/token?code=abc#x") ==
          "https://tara.example/oidc/token");
  REQUIRE(http::UrlForLog("http://certificate:8080/api/v1/x?personal_code=39001010000") ==
          "http://certificate:8080/api/v1/x");
  REQUIRE(http::UrlForLog("http://host/a@b") == "http://host/a@b");
  REQUIRE(http::UrlForLog("http://u:p@host") == "http://host");
}

TEST_CASE("every message of the client has an Estonian and an English text", "[http_client]") {
  http::LoadEmbeddedMessages();
  const auto& catalog = common::MessageCatalog::Global();
  for (const char* key : {"http_client.unreachable", "http_client.timed_out",
                          "http_client.upstream_unavailable", "http_client.upstream_timed_out",
                          "http_client.answer_too_large", "http_client.failed", "http_client.bad_header"}) {
    INFO(key);
    REQUIRE(catalog.Has(key, "et"));
    REQUIRE(catalog.Has(key, "en"));
  }
  REQUIRE(catalog.Render(common::Msg("http_client.unreachable", {{"upstream", "certificate"}}), "en") ==
          "The certificate service cannot be reached right now; try again shortly.");
}
