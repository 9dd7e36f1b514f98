#include "domain/certificate_status.hpp"

#include <catch2/catch.hpp>

#include "domain/certificate.hpp"
#include "dto/certificate_views.hpp"

using namespace kutse::certificate;
using S = CertificateStatus;

TEST_CASE("a certificate's status changes only along domain.md's arrows") {
  REQUIRE(CanChange(S::kValid, S::kExpired));
  REQUIRE(CanChange(S::kValid, S::kInvalidated));
  REQUIRE(CanChange(S::kValid, S::kAnnulled));
  REQUIRE(CanChange(S::kExpired, S::kAnnulled));
  REQUIRE_FALSE(CanChange(S::kExpired, S::kInvalidated));
  REQUIRE_FALSE(CanChange(S::kInvalidated, S::kAnnulled));
  REQUIRE_FALSE(CanChange(S::kAnnulled, S::kInvalidated));
  REQUIRE_FALSE(CanChange(S::kExpired, S::kExpired));
  for (auto from : {S::kValid, S::kExpired, S::kInvalidated, S::kAnnulled}) {
    INFO(ToString(from));
    REQUIRE_FALSE(CanChange(from, S::kValid));  // never valid again
  }
  REQUIRE(ParseStatus("annulled") == S::kAnnulled);
  REQUIRE_FALSE(ParseStatus("revoked"));
}

TEST_CASE("the holder sees what they may do, and the public never sees a personal code") {
  Certificate record;
  record.number = "K-000001";
  record.holder_personal_code = "49102030219";
  record.holder_name = "Õie Šmidt";
  record.status = S::kValid;
  auto holder = dto::HolderView(record);
  REQUIRE(holder["actions"] == nlohmann::json({"publish", "stamp", "reprint", "duplicate", "question"}));
  record.published = true;
  record.status = S::kExpired;
  REQUIRE(dto::HolderView(record)["actions"] == nlohmann::json({"hide", "reprint", "duplicate", "question"}));
  auto shown = dto::PublicView(record).dump();
  REQUIRE(shown.find("49102030219") == std::string::npos);
  REQUIRE(shown.find("personal_code") == std::string::npos);
  REQUIRE(dto::StaffView(record)["holder_personal_code"] == "49102030219");
}
