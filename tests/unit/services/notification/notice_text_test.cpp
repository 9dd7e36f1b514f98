#include "domain/notice_text.hpp"

#include <catch2/catch.hpp>

#include "notification_service.hpp"

using namespace kutse::notification;

namespace {

// The texts come from the service's message files.
[[maybe_unused]] const bool kLoaded = (LoadMessages(), true);

}  // namespace

TEST_CASE("a certificate-issued notice reads in Estonian and English") {
  nlohmann::json parameters = {{"certificate_number", "K-000007"}, {"standard_name", "Keevitaja"}};
  auto et = RenderNotice(kCertificateIssued, parameters, "et");
  auto en = RenderNotice(kCertificateIssued, parameters, "en");
  REQUIRE(et.title == "Kutsetunnistus väljastatud");
  REQUIRE(et.body.find("K-000007") != std::string::npos);
  REQUIRE(en.title == "Certificate issued");
  REQUIRE(en.body.find("Keevitaja") != std::string::npos);
}

TEST_CASE("an unknown kind still gets a neutral text") {
  REQUIRE(RenderNotice("something_new", {}, "en").title == "Notice");
  REQUIRE(RenderNotice("something_new", {}, "et").title == "Teade");
}

TEST_CASE("status changes the holder hears of, in both languages, with the reason") {
  REQUIRE(NoticeKindForStatus("expired") == std::string(kCertificateExpired));
  REQUIRE(NoticeKindForStatus("invalidated") == std::string(kCertificateInvalidated));
  REQUIRE(NoticeKindForStatus("annulled") == std::string(kCertificateAnnulled));
  REQUIRE_FALSE(NoticeKindForStatus("valid"));
  nlohmann::json parameters = {{"certificate_number", "K-000009"}, {"reason", "eksam tühistati"}};
  auto et = RenderNotice(kCertificateInvalidated, parameters, "et");
  REQUIRE(et.title == "Kutsetunnistus tunnistati kehtetuks");
  REQUIRE(et.body.find("eksam tühistati") != std::string::npos);
  REQUIRE(RenderNotice(kCertificateExpired, parameters, "en").title == "Certificate expired");
  REQUIRE(RenderNotice(kCertificateAnnulled, parameters, "en").body.find("K-000009") != std::string::npos);
}

TEST_CASE("a duplicate-issued notice names the duplicate and its original") {
  nlohmann::json parameters = {
      {"certificate_number", "K-000020"}, {"duplicate_of", "K-000007"}, {"standard_name", "Keevitaja"}};
  auto et = RenderNotice(kDuplicateIssued, parameters, "et");
  auto en = RenderNotice(kDuplicateIssued, parameters, "en");
  REQUIRE(et.title == "Duplikaat väljastatud");
  REQUIRE(et.body.find("K-000020") != std::string::npos);
  REQUIRE(et.body.find("K-000007") != std::string::npos);
  REQUIRE(en.title == "Duplicate issued");
  REQUIRE(en.body.find("K-000007") != std::string::npos);
}
