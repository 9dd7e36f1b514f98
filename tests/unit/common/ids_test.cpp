#include "kutse/common/ids.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "kutse/common/text.hpp"

using namespace kutse::common;

TEST_CASE("uuids are version 4, well-formed and distinct") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = NewUuid();
    REQUIRE(IsUuid(id));
    REQUIRE(id[14] == '4');
    REQUIRE(std::string("89ab").find(id[19]) != std::string::npos);
    seen.insert(id);
  }
  REQUIRE(seen.size() == 1000);
  REQUIRE_FALSE(IsUuid("not-a-uuid"));
}

TEST_CASE("request ids from clients are accepted only when harmless") {
  REQUIRE(IsSafeRequestId("abc-123_x.y"));
  REQUIRE_FALSE(IsSafeRequestId(""));
  REQUIRE_FALSE(IsSafeRequestId("a b"));
  REQUIRE_FALSE(IsSafeRequestId("a\r\nSet-Cookie: x"));
  REQUIRE_FALSE(IsSafeRequestId(std::string(65, 'a')));
  REQUIRE(RandomHex(16).size() == 32);
}

TEST_CASE("text splits on every delimiter, keeping empty parts") {
  REQUIRE(kutse::common::Split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
  REQUIRE(kutse::common::Split("", ',').empty());
  REQUIRE(kutse::common::Split("one", ',') == std::vector<std::string>{"one"});
}
