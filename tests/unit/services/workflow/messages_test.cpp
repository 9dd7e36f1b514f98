#include <catch2/catch.hpp>

#include "kutse/common/message_catalog.hpp"
#include "workflow_service.hpp"

using kutse::common::MessageCatalog;
using kutse::common::Msg;

TEST_CASE("the workflow service's texts load in Estonian and English") {
  kutse::workflow::LoadMessages();
  for (const char* key :
       {"request.postal_code_estonia", "request.name_unchanged", "request.attachments_full"}) {
    for (const char* language : {"et", "en"}) {
      INFO(key << " " << language);
      REQUIRE(MessageCatalog::Global().Has(key, language));
    }
  }
  REQUIRE(MessageCatalog::Global().Render(Msg("request.attachment_type", {{"type", "text/plain"}}), "en") ==
          "A file of type text/plain cannot be attached; attach a PDF, JPEG or PNG file.");
  REQUIRE(MessageCatalog::Global().Render(Msg("request.postal_code_estonia"), "et") ==
          "peab olema 5-kohaline Eesti postiindeks");
}
