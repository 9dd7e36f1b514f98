#include "session/session_cookie.hpp"

#include <catch2/catch.hpp>

#include "identity/caller_resolver.hpp"

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
