#include "kutse/db/idempotency_key.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "kutse/common/message_catalog.hpp"
#include "kutse/db/messages.hpp"

using kutse::db::ParseIdempotencyKey;

namespace {

bool Refused(const std::string& header) {
  auto parsed = ParseIdempotencyKey(header);
  return !parsed.ok() && parsed.status().code() == kutse::common::StatusCode::kInvalidArgument &&
         parsed.status().reason() == "bad_request" &&
         parsed.status().message().key == "db.idempotency_key_invalid";
}

}  // namespace

TEST_CASE("no Idempotency-Key header means a request that is simply not idempotent") {
  auto parsed = ParseIdempotencyKey(std::nullopt);
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed->has_value());
}

TEST_CASE("an Idempotency-Key of 1 to 200 printable ASCII characters is kept as sent") {
  for (const std::string& key :
       std::vector<std::string>{"a", "01151b75-d8fc-46bd-9d84-e32adee776d0",
                                "order 17/b ~!\"#$%&'()*+,-.:;<=>?@[\\]^_`{|}", std::string(200, 'k')}) {
    auto parsed = ParseIdempotencyKey(key);
    REQUIRE(parsed.ok());
    CHECK(**parsed == key);
  }
}

TEST_CASE("any other Idempotency-Key is refused as a bad request") {
  CHECK(Refused(""));
  CHECK(Refused(std::string(201, 'k')));
  CHECK(Refused(" leading"));
  CHECK(Refused("trailing "));
  CHECK(Refused("tab\there"));
  CHECK(Refused("line\nbreak"));
  CHECK(Refused(std::string("nul\0byte", 8)));
  CHECK(Refused("delete\x7f"));
  CHECK(Refused("v\xc3\xb5ti"));  // "võti": not ASCII
}

TEST_CASE("libs/db's texts exist in Estonian and English") {
  kutse::db::LoadEmbeddedMessages();
  for (const char* key : {"db.idempotency_key_invalid", "db.idempotency_key_reused",
                          "db.idempotency_answer_missing", "db.idempotency_key_busy"}) {
    for (const char* language : {"et", "en"}) {
      INFO(key << " in " << language);
      CHECK(kutse::common::MessageCatalog::Global().Has(key, language));
    }
  }
}
