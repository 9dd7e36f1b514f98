#include "kutse/common/status.hpp"

#include <catch2/catch.hpp>

#include "kutse/common/message_catalog.hpp"

using namespace kutse::common;

namespace {

StatusOr<int> Half(int n) {
  if (n % 2 != 0) {
    return InvalidArgument(Msg("test.odd", {{"n", std::to_string(n)}}), {{"/n", Msg("test.must_be_even")}});
  }
  return n / 2;
}

}  // namespace

TEST_CASE("a default status is OK and every factory gives its canonical code") {
  REQUIRE(Status().ok());
  REQUIRE(OkStatus().ok());
  REQUIRE(NotFound(Msg("x")).code() == StatusCode::kNotFound);
  REQUIRE(Aborted(Msg("x")).code() == StatusCode::kAborted);
  REQUIRE(Unavailable(Msg("x")).code() == StatusCode::kUnavailable);
  REQUIRE_FALSE(PermissionDenied(Msg("x")).ok());
}

TEST_CASE("only what may succeed later counts as transient") {
  for (auto code : {StatusCode::kAborted, StatusCode::kUnavailable, StatusCode::kResourceExhausted,
                    StatusCode::kDeadlineExceeded}) {
    REQUIRE(IsTransient(code));
  }
  for (auto code :
       {StatusCode::kInvalidArgument, StatusCode::kNotFound, StatusCode::kPermissionDenied,
        StatusCode::kFailedPrecondition, StatusCode::kAlreadyExists, StatusCode::kUnauthenticated}) {
    REQUIRE_FALSE(IsTransient(code));
  }
}

TEST_CASE("a StatusOr holds the value or the status, and value() throws the status") {
  auto even = Half(8);
  REQUIRE(even.ok());
  REQUIRE(*even == 4);
  REQUIRE(even.status().ok());
  auto odd = Half(7);
  REQUIRE_FALSE(odd.ok());
  REQUIRE(odd.status().code() == StatusCode::kInvalidArgument);
  REQUIRE(odd.status().field_errors().at(0).pointer == "/n");
  REQUIRE(odd.status().message().values.at(0).second == "7");
  try {
    (void)odd.value();
    FAIL("value() of a failed StatusOr must throw");
  } catch (const StatusError& error) {
    REQUIRE(error.status().code() == StatusCode::kInvalidArgument);
    REQUIRE(std::string(error.what()) == "invalid_argument: test.odd");
  }
  REQUIRE(ValueOrThrow(Half(2)) == 1);
  REQUIRE_THROWS_AS(ThrowIfError(NotFound(Msg("x"))), StatusError);
  REQUIRE_NOTHROW(ThrowIfError(OkStatus()));
}

TEST_CASE("an OK status given where a value was due is an internal error, not a value") {
  StatusOr<int> nothing = OkStatus();
  REQUIRE_FALSE(nothing.ok());
  REQUIRE(nothing.status().code() == StatusCode::kInternal);
}

TEST_CASE("a reason and a Retry-After travel with the status") {
  Status status = Unavailable(Msg("x")).WithReason("bad_gateway").WithRetryAfter(std::chrono::seconds(7));
  REQUIRE(status.reason() == "bad_gateway");
  REQUIRE(status.retry_after() == std::chrono::seconds(7));
}

TEST_CASE("messages render in the language asked for, else English, else as their key") {
  MessageCatalog catalog;
  catalog.Load("en", R"({"t.greeting": "Hello, {name}!", "t.only_en": "English only"})", "en.json");
  catalog.Load("et", R"({"t.greeting": "Tere, {name}!"})", "et.json");
  REQUIRE(catalog.Render(Msg("t.greeting", {{"name", "Õie"}}), "et") == "Tere, Õie!");
  REQUIRE(catalog.Render(Msg("t.greeting", {{"name", "Õie"}}), "en") == "Hello, Õie!");
  REQUIRE(catalog.Render(Msg("t.only_en"), "et") == "English only");
  REQUIRE(catalog.Render(Msg("t.unknown"), "et") == "t.unknown");
  REQUIRE(catalog.Has("t.greeting", "et"));
  REQUIRE_FALSE(catalog.Has("t.only_en", "et"));
}

TEST_CASE("a placeholder without a value stays, and braces in values are not expanded again") {
  REQUIRE(FillPlaceholders("{a} and {b}", {{"a", "{b}"}}) == "{b} and {b}");
  REQUIRE(FillPlaceholders("unclosed {a", {{"a", "x"}}) == "unclosed {a");
}

TEST_CASE("a message file that is not a flat object of texts, or clashes with another, is refused") {
  MessageCatalog catalog;
  REQUIRE_THROWS_AS(catalog.Load("en", "[1, 2]", "list.json"), std::invalid_argument);
  REQUIRE_THROWS_AS(catalog.Load("en", R"({"k": 1})", "number.json"), std::invalid_argument);
  REQUIRE_THROWS_AS(catalog.Load("en", "{not json", "broken.json"), std::invalid_argument);
  catalog.Load("en", R"({"k": "one"})", "a.json");
  REQUIRE_NOTHROW(catalog.Load("en", R"({"k": "one"})", "a.json"));  // loading twice is harmless
  REQUIRE_THROWS_AS(catalog.Load("en", R"({"k": "two"})", "b.json"), std::invalid_argument);
}

TEST_CASE("libs/common's own texts exist in Estonian and English") {
  LoadEmbeddedMessages();
  for (const char* language : {"et", "en"}) {
    REQUIRE(MessageCatalog::Global().Has("common.ok_without_value", language));
  }
}
