#include "kutse/http/json_fields.hpp"

#include <catch2/catch.hpp>

using namespace kutse::http;
using kutse::common::FieldErrors;

namespace {

std::vector<std::string> Pointers(const FieldErrors& errors) {
  std::vector<std::string> pointers;
  for (const auto& error : errors) {
    pointers.push_back(error.pointer);
  }
  return pointers;
}

}  // namespace

TEST_CASE("text is trimmed and counted in characters") {
  FieldErrors errors;
  nlohmann::json body = {{"name", "  Õie Šmidt  "}};
  REQUIRE(RequiredText(body, "name", 9, errors) == std::optional<std::string>("Õie Šmidt"));
  REQUIRE(errors.empty());
  REQUIRE_FALSE(RequiredText(body, "name", 8, errors));
  REQUIRE(Pointers(errors) == std::vector<std::string>{"/name"});
}

TEST_CASE("a NUL or another control character is refused, never cut off or stored") {
  for (const std::string& bad : {std::string("Mari\0Maasikas", 13), std::string("\0\0", 2),
                                 std::string("a\x1b[31mb"), std::string("a\x7f"), std::string("tab\there"),
                                 std::string("line\nbreak"), std::string("c1 \xC2\x85 next line")}) {
    FieldErrors errors;
    nlohmann::json body = {{"name", bad}};
    INFO(nlohmann::json(bad).dump());
    REQUIRE_FALSE(RequiredText(body, "name", 200, errors));
    REQUIRE(Pointers(errors) == std::vector<std::string>{"/name"});
  }
}

TEST_CASE("a multi-line field takes tabs and line breaks, but no other control character") {
  FieldErrors errors;
  nlohmann::json note = {{"note", "first line\n\tsecond line\r\nthird"}};
  REQUIRE(RequiredText(note, "note", Lines(100), errors));
  REQUIRE(errors.empty());
  nlohmann::json nul = {{"note", std::string("before\0after", 12)}};
  REQUIRE_FALSE(RequiredText(nul, "note", Lines(100), errors));
  REQUIRE(Pointers(errors) == std::vector<std::string>{"/note"});
}

TEST_CASE("a shortest length is kept as well as a longest") {
  FieldErrors errors;
  nlohmann::json body = {{"phone", "12"}};
  REQUIRE_FALSE(OptionalText(body, "phone", TextLimits{3, 40, false}, errors));
  REQUIRE(Pointers(errors) == std::vector<std::string>{"/phone"});
}

TEST_CASE("an unknown member is named by a JSON Pointer, escaped") {
  auto errors = UnknownFields({{"a/b~c", 1}, {"known", 2}}, {"known"});
  REQUIRE(Pointers(errors) == std::vector<std::string>{"/a~1b~0c"});
}

TEST_CASE("clean text: valid UTF-8 and no controls") {
  REQUIRE(IsCleanText("Jüri Õunapuu", false));
  REQUIRE_FALSE(IsCleanText("\xC3(", false));             // a broken sequence
  REQUIRE_FALSE(IsCleanText("\xED\xA0\x80", false));      // a surrogate
  REQUIRE_FALSE(IsCleanText("\xC0\xAF", false));          // an overlong '/'
  REQUIRE_FALSE(IsCleanText("\xF4\x90\x80\x80", false));  // past U+10FFFF
  REQUIRE(IsCleanText("\xF0\x9F\x98\x80", false));        // an emoji is text
}

TEST_CASE("null for an optional member is refused unless the member may be null") {
  nlohmann::json body = {{"note", nullptr}, {"day", nullptr}, {"count", nullptr}, {"flag", nullptr}};
  FieldErrors errors;
  REQUIRE_FALSE(OptionalText(body, "note", Lines(100), errors));
  REQUIRE_FALSE(OptionalDate(body, "day", errors));
  REQUIRE_FALSE(OptionalInteger(body, "count", 1, 9, errors));
  REQUIRE(OptionalBoolean(body, "flag", true, errors));
  REQUIRE(Pointers(errors) == std::vector<std::string>{"/note", "/day", "/count", "/flag"});

  FieldErrors allowed;
  REQUIRE_FALSE(OptionalText(body, "note", Lines(100), allowed, Null::kAllowed));
  REQUIRE_FALSE(OptionalDate(body, "day", allowed, Null::kAllowed));
  REQUIRE_FALSE(OptionalInteger(body, "count", 1, 9, allowed, Null::kAllowed));
  REQUIRE_FALSE(OptionalBoolean(body, "flag", false, allowed, Null::kAllowed));
  REQUIRE(allowed.empty());
}

TEST_CASE("an optional member left out is no error; a list given as null is one") {
  FieldErrors errors;
  nlohmann::json body = {{"list", nullptr}};
  REQUIRE(IsOmitted(body, "absent", errors));
  REQUIRE(errors.empty());
  REQUIRE(IsOmitted(body, "list", errors));
  REQUIRE(Pointers(errors) == std::vector<std::string>{"/list"});
  REQUIRE_FALSE(IsOmitted({{"list", nlohmann::json::array()}}, "list", errors));
}
