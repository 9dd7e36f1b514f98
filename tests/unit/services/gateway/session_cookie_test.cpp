#include "session/session_cookie.hpp"

#include <catch2/catch.hpp>

#include "identity/caller_resolver.hpp"
#include "session/session_cache.hpp"

using namespace kutse::gateway;

TEST_CASE("the session cookie is HttpOnly and SameSite=Lax, Secure unless local http") {
  std::string secure = SessionCookieHeader("abc", true, 3600);
  REQUIRE(secure.find("kutse_session=abc") == 0);
  REQUIRE(secure.find("HttpOnly") != std::string::npos);
  REQUIRE(secure.find("SameSite=Lax") != std::string::npos);
  REQUIRE(secure.find("; Secure") != std::string::npos);
  REQUIRE(SessionCookieHeader("abc", false, 3600).find("Secure") == std::string::npos);
  REQUIRE(ClearedSessionCookieHeader(true).find("Max-Age=0") != std::string::npos);
}

TEST_CASE("a cookie is read by name and must look like an id") {
  REQUIRE(CookieValue("a=1; kutse_session=Zm9v-_x; b=2", "kutse_session") == "Zm9v-_x");
  REQUIRE_FALSE(CookieValue("a=1", "kutse_session"));
  REQUIRE_FALSE(CookieValue("kutse_session=", "kutse_session"));
  REQUIRE_FALSE(CookieValue("kutse_session=a'b", "kutse_session"));
  REQUIRE_FALSE(CookieValue("xkutse_session=abc", "kutse_session"));
}

TEST_CASE("only paths on this site are returned to after sign-in") {
  REQUIRE(IsSafeReturnPath("/"));
  REQUIRE(IsSafeReturnPath("/minu/tunnistused?tab=kehtivad"));
  REQUIRE_FALSE(IsSafeReturnPath("//evil.example/"));
  REQUIRE_FALSE(IsSafeReturnPath("/\\evil.example"));
  REQUIRE_FALSE(IsSafeReturnPath("https://evil.example/"));
  REQUIRE_FALSE(IsSafeReturnPath(""));
  REQUIRE_FALSE(IsSafeReturnPath("/a b"));
}

TEST_CASE("unsafe methods are the ones that need the CSRF token") {
  REQUIRE_FALSE(IsUnsafeMethod("GET"));
  REQUIRE_FALSE(IsUnsafeMethod("HEAD"));
  REQUIRE(IsUnsafeMethod("POST"));
  REQUIRE(IsUnsafeMethod("PUT"));
  REQUIRE(IsUnsafeMethod("PATCH"));
  REQUIRE(IsUnsafeMethod("DELETE"));
}

TEST_CASE("the session cache keeps what was read, unless an eviction came in meanwhile") {
  SessionCache cache(std::chrono::milliseconds(60000));
  Session session;
  session.personal_code = "49102030219";

  cache.Put("hash-a", session, cache.Generation());
  REQUIRE(cache.Get("hash-a"));

  // Read from the database while a logout (or a role change) was announced: not kept.
  uint64_t before_read = cache.Generation();
  cache.Evict("hash-b");
  cache.Put("hash-b", session, before_read);
  REQUIRE_FALSE(cache.Get("hash-b"));

  before_read = cache.Generation();
  cache.EvictPerson("49102030219");
  REQUIRE_FALSE(cache.Get("hash-a"));
  cache.Put("hash-a", session, before_read);
  REQUIRE_FALSE(cache.Get("hash-a"));

  SessionCache disabled(std::chrono::milliseconds(0));
  disabled.Put("hash-a", session, disabled.Generation());
  REQUIRE_FALSE(disabled.Get("hash-a"));
}
