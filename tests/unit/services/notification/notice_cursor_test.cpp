#include "domain/notice_cursor.hpp"

#include <catch2/catch.hpp>

#include "kutse/auth/base64url.hpp"

using namespace kutse::notification;

TEST_CASE("a cursor round-trips and a forged one is refused") {
  NoticeCursor cursor{"2026-11-27 09:44:11.481234", "01151b75-d8fc-46bd-9d84-e32adee776d0"};
  auto back = DecodeCursor(EncodeCursor(cursor));
  REQUIRE(back);
  REQUIRE(back->created_at == cursor.created_at);
  REQUIRE(back->id == cursor.id);
  REQUIRE_FALSE(DecodeCursor("%%%"));
  REQUIRE_FALSE(DecodeCursor(kutse::auth::Base64UrlEncode("2026-11-27'; DROP TABLE x;--|abc")));
  REQUIRE_FALSE(DecodeCursor(kutse::auth::Base64UrlEncode("no separator")));
  REQUIRE_FALSE(DecodeCursor(std::string(300, 'a')));
}
