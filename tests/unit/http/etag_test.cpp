#include "kutse/http/etag.hpp"

#include <catch2/catch.hpp>

#include "kutse/common/message_catalog.hpp"
#include "kutse/http/messages.hpp"

using namespace kutse;
using http::CheckIfMatch;
using http::CheckIfNoneMatch;
using http::EntityTag;
using http::Precondition;

namespace {

const EntityTag kCurrent = EntityTag::OfVersion(17);

bool IsPrecondition(const common::Status& status, const std::string& reason) {
  return status.code() == common::StatusCode::kFailedPrecondition && status.reason() == reason;
}

bool IsMalformed(const common::Status& status) {
  return status.code() == common::StatusCode::kInvalidArgument && status.reason() == "bad_request" &&
         status.message().key == "http.entity_tags_malformed";
}

std::vector<std::string> Tags(const std::string& value) {
  auto parsed = http::ParseEntityTagCondition(value, "If-Match");
  REQUIRE(parsed.ok());
  std::vector<std::string> tags;
  for (const auto& tag : parsed->tags) {
    tags.push_back(tag.ToString());
  }
  return tags;
}

}  // namespace

TEST_CASE("a row version becomes a strong ETag") {
  CHECK(EntityTag::OfVersion(17).ToString() == "\"17\"");
  CHECK(EntityTag{"17", true}.ToString() == "W/\"17\"");
  CHECK(http::StrongMatch(EntityTag::OfVersion(3), EntityTag{"3", false}));
  CHECK_FALSE(http::StrongMatch(EntityTag{"3", true}, EntityTag{"3", true}));
  CHECK(http::WeakMatch(EntityTag{"3", true}, EntityTag{"3", false}));
  CHECK_FALSE(http::WeakMatch(EntityTag{"3", true}, EntityTag{"4", true}));
}

TEST_CASE("If-Match and If-None-Match lists are read as RFC 9110 writes them") {
  CHECK(Tags("\"17\"") == std::vector<std::string>{"\"17\""});
  CHECK(Tags(" \"1\",W/\"2\" ,\t\"3\" ") == std::vector<std::string>{"\"1\"", "W/\"2\"", "\"3\""});
  CHECK(Tags(", ,\"1\",,  \"2\",") == std::vector<std::string>{"\"1\"", "\"2\""});  // empty elements
  CHECK(Tags("\"a,b\", \"\"") == std::vector<std::string>{"\"a,b\"", "\"\""});      // a comma inside a tag
  CHECK(Tags("\"\xc3\xb5\"") == std::vector<std::string>{"\"\xc3\xb5\""});          // obs-text
  CHECK(Tags("").empty());
  auto any = http::ParseEntityTagCondition(" * ", "If-Match");
  REQUIRE(any.ok());
  CHECK(any->any);
}

TEST_CASE("anything else in the header is a bad request that names the header") {
  for (const char* value :
       {"17", "\"17", "17\"", "W/ \"17\"", "w/\"17\"", "*, \"17\"", "\"17\" *", "\"1\" \"2\"", "\"a\"b",
        "\"with space\"", "\"tab\there\"", "\"quote\"\"\"", "**"}) {
    INFO(value);
    auto parsed = http::ParseEntityTagCondition(value, "If-None-Match");
    REQUIRE_FALSE(parsed.ok());
    CHECK(IsMalformed(parsed.status()));
    CHECK(parsed.status().message().values ==
          std::vector<std::pair<std::string, std::string>>{{"header", "If-None-Match"}});
  }
  CHECK(IsMalformed(CheckIfMatch(std::string("17"), kCurrent)));
  CHECK(IsMalformed(CheckIfNoneMatch(std::string("17"), kCurrent)));
}

TEST_CASE("If-Match holds only for the current tag, compared strongly") {
  CHECK(CheckIfMatch(std::string("\"17\""), kCurrent).ok());
  CHECK(CheckIfMatch(std::string("\"16\", \"17\""), kCurrent).ok());
  CHECK(CheckIfMatch(std::string("*"), kCurrent).ok());
  CHECK(IsPrecondition(CheckIfMatch(std::string("\"16\""), kCurrent), "precondition_failed"));
  CHECK(IsPrecondition(CheckIfMatch(std::string("W/\"17\""), kCurrent), "precondition_failed"));
  CHECK(IsPrecondition(CheckIfMatch(std::string(""), kCurrent), "precondition_failed"));
  // Gone meanwhile: not even "*" holds.
  CHECK(IsPrecondition(CheckIfMatch(std::string("*"), std::nullopt), "precondition_failed"));
  CHECK(IsPrecondition(CheckIfMatch(std::string("\"17\""), std::nullopt), "precondition_failed"));
}

TEST_CASE("a missing If-Match is fine unless the route requires one") {
  CHECK(CheckIfMatch(std::nullopt, kCurrent).ok());
  auto missing = CheckIfMatch(std::nullopt, kCurrent, Precondition::kRequired);
  CHECK(IsPrecondition(missing, "precondition_required"));
  CHECK(missing.message().key == "http.precondition_required");
  CHECK(CheckIfMatch(std::string("\"17\""), kCurrent, Precondition::kRequired).ok());
}

TEST_CASE("If-None-Match compares weakly, and * means the resource must not exist yet") {
  CHECK(*http::IfNoneMatchHolds(std::nullopt, kCurrent));
  CHECK(*http::IfNoneMatchHolds(std::string("\"16\""), kCurrent));
  CHECK_FALSE(*http::IfNoneMatchHolds(std::string("\"17\""), kCurrent));
  CHECK_FALSE(*http::IfNoneMatchHolds(std::string("\"1\", W/\"17\""), kCurrent));  // a GET answers 304
  CHECK_FALSE(*http::IfNoneMatchHolds(std::string("*"), kCurrent));
  CHECK(*http::IfNoneMatchHolds(std::string("*"), std::nullopt));
  CHECK(*http::IfNoneMatchHolds(std::string("\"17\""), std::nullopt));
  CHECK(CheckIfNoneMatch(std::string("*"), std::nullopt).ok());  // create only if absent
  CHECK(IsPrecondition(CheckIfNoneMatch(std::string("*"), kCurrent), "precondition_failed"));
}

TEST_CASE("the texts of these checks exist in Estonian and English") {
  http::LoadEmbeddedMessages();
  for (const char* key :
       {"http.entity_tags_malformed", "http.precondition_failed", "http.precondition_required"}) {
    for (const char* language : {"et", "en"}) {
      INFO(key << " in " << language);
      CHECK(common::MessageCatalog::Global().Has(key, language));
    }
  }
}
