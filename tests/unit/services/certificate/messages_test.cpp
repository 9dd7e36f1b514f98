#include <catch2/catch.hpp>

#include "certificate_service.hpp"
#include "kutse/common/message_catalog.hpp"

using kutse::common::MessageCatalog;
using kutse::common::Msg;

TEST_CASE("the certificate service's texts load in Estonian and English") {
  kutse::certificate::LoadMessages();
  for (const char* key : {"certificate.not_found_for_holder", "issuing.no_right", "rows.refused"}) {
    for (const char* language : {"et", "en"}) {
      INFO(key << " " << language);
      REQUIRE(MessageCatalog::Global().Has(key, language));
    }
  }
  REQUIRE(MessageCatalog::Global().Render(Msg("rows.refused", {{"count", "3"}}), "en") ==
          "The request was refused as a whole: 3 error(s); nothing was recorded.");
  REQUIRE(MessageCatalog::Global().Render(Msg("certificate.not_found_for_holder"), "et") ==
          "Teil ei ole selle numbriga tunnistust.");
}
