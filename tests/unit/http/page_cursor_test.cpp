#include "kutse/http/page_cursor.hpp"

#include <catch2/catch.hpp>

#include "kutse/common/base64url.hpp"
#include "kutse/common/message_catalog.hpp"
#include "kutse/http/messages.hpp"

using namespace kutse;
using http::CursorTimestamp;
using http::CursorType;
using http::CursorValue;
using http::PageCursor;

namespace {

const PageCursor kNotices("notification.notices", {CursorType::kTimestamp, CursorType::kText});
const PageCursor kNumbers("certificate.public", {CursorType::kInteger});

CursorTimestamp At(long long micros) {
  return CursorTimestamp(std::chrono::microseconds(micros));
}

// Refused the one way the API promises: 400 bad_request with a field error at /cursor.
bool Refused(const PageCursor& cursor, const std::string& text) {
  auto decoded = cursor.Decode(text);
  return !decoded.ok() && decoded.status().code() == common::StatusCode::kInvalidArgument &&
         decoded.status().reason() == "bad_request" && decoded.status().field_errors().size() == 1 &&
         decoded.status().field_errors()[0].pointer == "/cursor";
}

std::string Token(const std::string& json) {
  return common::Base64UrlEncode(json);
}

}  // namespace

TEST_CASE("a sort key goes out as an opaque token and comes back as it was") {
  std::vector<CursorValue> key = {At(1764236651481234), std::string("01151b75-d8fc-46bd-9d84-e32adee776d0")};
  std::string token = kNotices.Encode(key);
  CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
  auto back = kNotices.Decode(token);
  REQUIRE(back.ok());
  CHECK(*back == key);

  for (long long number :
       {1LL, 0LL, -5LL, std::numeric_limits<long long>::max(), std::numeric_limits<long long>::min()}) {
    auto decoded = kNumbers.Decode(kNumbers.Encode({number}));
    REQUIRE(decoded.ok());
    CHECK(std::get<long long>(decoded->at(0)) == number);
  }
  std::vector<CursorValue> names = {std::string("Õie Šmidt-Kõrvits 李"), At(-62135596800LL * 1000000)};
  PageCursor by_name("certificate.by_name", {CursorType::kText, CursorType::kTimestamp});
  auto decoded = by_name.Decode(by_name.Encode(names));
  REQUIRE(decoded.ok());
  CHECK(*decoded == names);
}

TEST_CASE("garbage, another list's cursor and re-spelt tokens are all refused as not ours") {
  std::string good = kNotices.Encode({At(1764236651481234), std::string("a")});
  CHECK(Refused(kNotices, ""));
  CHECK(Refused(kNotices, "%%%"));
  CHECK(Refused(kNotices, "abc="));                           // padding is not base64url as we write it
  CHECK(Refused(kNotices, good + "A"));                       // a length base64 cannot have
  CHECK(Refused(kNotices, good.substr(0, good.size() - 1)));  // cut short
  CHECK(Refused(kNotices, std::string(2000, 'A')));           // over-long
  CHECK(Refused(kNotices, Token("not json")));
  CHECK(Refused(kNotices, Token("{\"k\":1}")));
  CHECK(Refused(kNumbers, good));  // another list's cursor
  CHECK(Refused(kNotices, kNumbers.Encode({7LL})));
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1764236651481234]])")));       // too few
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1],["s","a"],["s","b"]])")));  // too many
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["s","a"],["t",1]])")));    // types swapped
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t","1"],["s","a"]])")));  // a text as timestamp
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1.5],["s","a"]])")));  // not whole
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1e3],["s","a"]])")));
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1],["s",7]])")));
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1],"a"])")));
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1],["s","a",1]])")));
  CHECK(Refused(kNumbers, Token(R"(["certificate.public",["i",9223372036854775808]])")));  // past long long
  CHECK(Refused(kNotices,
                Token(R"(["notification.notices",["t",999999999999999999],["s","a"]])")));  // past year 9999
  // The same key spelt otherwise than Encode spells it.
  CHECK(Refused(kNotices, Token(R"([ "notification.notices",["t",1764236651481234],["s","a"]])")));
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",1764236651481234],["s","\u0061"]])")));
  CHECK(Refused(kNotices, Token(R"(["notification.notices",["t",01764236651481234],["s","a"]])")));
}

TEST_CASE("text with control characters or invalid UTF-8 is refused, and never encoded") {
  auto with = [](const std::string& text) {
    return Token("[\"notification.notices\",[\"t\",1],[\"s\",\"" + text + "\"]]");
  };
  CHECK(Refused(kNotices, with("\\u0000")));
  CHECK(Refused(kNotices, with("line\\nbreak")));
  CHECK(Refused(kNotices, with("\\u007f")));
  CHECK(Refused(kNotices, with("\\u0085")));       // a C1 control
  CHECK(Refused(kNotices, with("\xc3")));          // a cut-off sequence
  CHECK(Refused(kNotices, with("\xc0\xaf")));      // overlong
  CHECK(Refused(kNotices, with("\xed\xa0\x80")));  // a surrogate
  CHECK(Refused(kNotices, with("\xff")));
  CHECK_THROWS_AS(kNotices.Encode({At(1), std::string("tab\there")}), std::invalid_argument);
  CHECK_THROWS_AS(kNotices.Encode({At(1), std::string("\xc3")}), std::invalid_argument);
  CHECK_THROWS_AS(kNotices.Encode({At(1), std::string(1100, 'a')}), std::invalid_argument);
  CHECK_THROWS_AS(kNotices.Encode({std::string("a"), At(1)}), std::invalid_argument);
  CHECK_THROWS_AS(kNotices.Encode({At(1)}), std::invalid_argument);
  CHECK_THROWS_AS(kNotices.Encode({At(253402300800LL * 1000000), std::string("a")}), std::invalid_argument);
}

TEST_CASE("a page takes limit rows and gives a cursor only when a further row was there") {
  auto key_of = [](int row) { return std::vector<CursorValue>{static_cast<long long>(row)}; };
  auto full = http::TakePage(std::vector<int>{9, 8, 7, 6}, 3, kNumbers, key_of);
  CHECK(full.items == std::vector<int>{9, 8, 7});
  REQUIRE(full.next_cursor);
  CHECK(std::get<long long>(kNumbers.Decode(*full.next_cursor)->at(0)) == 7);
  auto last = http::TakePage(std::vector<int>{9, 8, 7}, 3, kNumbers, key_of);
  CHECK(last.items.size() == 3);
  CHECK_FALSE(last.next_cursor);
  CHECK_FALSE(http::TakePage(std::vector<int>{}, 3, kNumbers, key_of).next_cursor);
}

TEST_CASE("the refusal's texts exist in Estonian and English") {
  http::LoadEmbeddedMessages();
  auto refusal = PageCursor::Refusal();
  for (const char* language : {"et", "en"}) {
    CHECK(common::MessageCatalog::Global().Has(refusal.message().key, language));
    CHECK(common::MessageCatalog::Global().Has(refusal.field_errors().at(0).detail.key, language));
  }
}

TEST_CASE("a list keyed by one positive number decodes only its own cursors of a number from 1") {
  const PageCursor list("test.ids", {CursorType::kInteger});
  REQUIRE_FALSE(list.DecodePositive(std::nullopt)->has_value());
  REQUIRE(**list.DecodePositive(list.Encode({17LL})) == 17);
  REQUIRE(list.DecodePositive(list.Encode({0LL})).status().code() ==
          kutse::common::StatusCode::kInvalidArgument);
  REQUIRE(list.DecodePositive(std::string("junk")).status().code() ==
          kutse::common::StatusCode::kInvalidArgument);
  const PageCursor other("test.other", {CursorType::kInteger});
  REQUIRE(list.DecodePositive(other.Encode({17LL})).status().code() ==
          kutse::common::StatusCode::kInvalidArgument);
}
