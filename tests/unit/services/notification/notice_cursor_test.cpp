#include "domain/notice_cursor.hpp"

#include <catch2/catch.hpp>

#include "kutse/common/base64url.hpp"

using namespace kutse::notification;

namespace {

bool Refused(const std::string& text) {
  auto decoded = DecodeCursor(text);
  return !decoded.ok() && decoded.status().reason() == "bad_request" &&
         decoded.status().field_errors().at(0).pointer == "/cursor";
}

}  // namespace

TEST_CASE("a notice position round-trips to the microsecond") {
  NoticeCursor cursor{"2026-11-27 09:44:11.481234", "01151b75-d8fc-46bd-9d84-e32adee776d0"};
  auto back = DecodeCursor(EncodeCursor(cursor));
  REQUIRE(back.ok());
  CHECK(back->created_at == cursor.created_at);
  CHECK(back->id == cursor.id);
  // PostgreSQL leaves out trailing zeros of the fraction, and a zero fraction altogether.
  CHECK(DecodeCursor(EncodeCursor({"2026-11-27 09:44:11.48", cursor.id}))->created_at ==
        "2026-11-27 09:44:11.480000");
  CHECK(DecodeCursor(EncodeCursor({"2026-11-27 09:44:11", cursor.id}))->created_at ==
        "2026-11-27 09:44:11.000000");
  CHECK(DecodeCursor(EncodeCursor({"2024-02-29 23:59:59.999999", cursor.id}))->created_at ==
        "2024-02-29 23:59:59.999999");
}

TEST_CASE("a forged, foreign or old-style cursor is refused") {
  CHECK(Refused("%%%"));
  CHECK(Refused(std::string(2000, 'a')));
  // The format before http::PageCursor: refused, the client starts again from the first page.
  CHECK(Refused(
      kutse::common::Base64UrlEncode("2026-11-27 09:44:11.481234|01151b75-d8fc-46bd-9d84-e32adee776d0")));
  CHECK(Refused(kutse::common::Base64UrlEncode("2026-11-27'; DROP TABLE x;--|abc")));
  // Well-formed for this list, but with an id that cannot be a notice's.
  CHECK(Refused(
      kutse::common::Base64UrlEncode(R"(["notification.notices",["t",1764236651481234],["s","abc"]])")));
}

TEST_CASE("a position the database would not give is a bug, not a cursor") {
  CHECK_THROWS_AS(EncodeCursor({"2026-11-27T09:44:11Z", "01151b75-d8fc-46bd-9d84-e32adee776d0"}),
                  std::invalid_argument);
  CHECK_THROWS_AS(EncodeCursor({"2026-02-30 09:44:11", "01151b75-d8fc-46bd-9d84-e32adee776d0"}),
                  std::invalid_argument);
  CHECK_THROWS_AS(EncodeCursor({"2026-11-27 09:44:11.1234567", "01151b75-d8fc-46bd-9d84-e32adee776d0"}),
                  std::invalid_argument);
  CHECK_THROWS_AS(EncodeCursor({"2026-11-27 09:44:11", "not-a-uuid"}), std::invalid_argument);
}
