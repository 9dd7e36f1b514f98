#include <catch2/catch.hpp>

#include "events/certificate_issued_event.hpp"
#include "events/certificate_status_changed_event.hpp"
#include "register_examples.hpp"

using namespace kutse::certificate;

using kutse::certificate::testing::WeldersCertificate;

TEST_CASE("certificate.issued.v1 carries the standard's English name and the body's name, or null") {
  auto event = CertificateIssuedEvent(WeldersCertificate(),
                                      {"Welder, level 4", "Eesti Keevitajate Kutseliit"}, "corr");
  REQUIRE(event.data["standard_name"] == "Keevitaja, tase 4");
  REQUIRE(event.data["standard_name_en"] == "Welder, level 4");
  REQUIRE(event.data["awarding_body_name"] == "Eesti Keevitajate Kutseliit");
  auto unnamed = CertificateIssuedEvent(WeldersCertificate(), {}, "corr");
  REQUIRE(unnamed.data["standard_name_en"].is_null());
  REQUIRE(unnamed.data["awarding_body_name"].is_null());
}

TEST_CASE("certificate.status_changed.v1 carries what a notice names: standard, body, last day") {
  Certificate expired = WeldersCertificate();
  expired.status = CertificateStatus::kExpired;
  auto event = CertificateStatusChangedEvent(expired, {"Welder, level 4", "Eesti Keevitajate Kutseliit"},
                                             CertificateStatus::kValid, "system",
                                             std::chrono::system_clock::now(), "");
  REQUIRE(event.data["to"] == "expired");
  REQUIRE(event.data["standard_name"] == "Keevitaja, tase 4");
  REQUIRE(event.data["standard_name_en"] == "Welder, level 4");
  REQUIRE(event.data["awarding_body_name"] == "Eesti Keevitajate Kutseliit");
  REQUIRE(event.data["valid_until"] == "2027-02-28");
  Certificate open_ended = WeldersCertificate();
  open_ended.valid_until.reset();
  auto none = CertificateStatusChangedEvent(open_ended, {}, CertificateStatus::kValid, "system",
                                            std::chrono::system_clock::now(), "");
  REQUIRE(none.data["valid_until"].is_null());
  REQUIRE(none.data["standard_name_en"].is_null());
}
