#include "domain/notice_text.hpp"

#include <catch2/catch.hpp>

#include "notification_service.hpp"

using namespace kutse::notification;

namespace {

// The small words (dates, "open-ended") come from the service's message files.
[[maybe_unused]] const bool kLoaded = (LoadMessages(), true);

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const nlohmann::json kIssued = {{"certificate_number", "K-000007"},
                                {"standard_name", "Keevitaja, tase 3"},
                                {"standard_name_en", "Welder, level 3"},
                                {"awarding_body_name", "Eesti Keevitusühing"},
                                {"valid_from", "2026-03-02"},
                                {"valid_until", "2031-03-01"}};

}  // namespace

TEST_CASE("the embedded templates are complete: every kind in et and en, only known placeholders") {
  REQUIRE_NOTHROW(Templates());
  auto files = NoticeTemplateFiles();
  for (const auto& spec : NoticeKinds()) {
    for (const auto& language : NoticeLanguages()) {
      REQUIRE(files.count(language + "/" + spec.kind + ".txt") == 1);
    }
  }
  REQUIRE(files.size() == NoticeKinds().size() * NoticeLanguages().size());
}

TEST_CASE("every placeholder a kind may use gets a value, so no template shows a raw {placeholder}") {
  for (const auto& spec : NoticeKinds()) {
    for (const auto& language : NoticeLanguages()) {
      auto text = RenderNotice(spec.kind, kIssued, language);
      INFO(language << "/" << spec.kind);
      REQUIRE_FALSE(Has(text.title, "{"));
      REQUIRE_FALSE(Has(text.body, "{"));
    }
  }
}

TEST_CASE("an issued notice names the standard in the reader's language, with the body and dates") {
  auto et = RenderNotice(kCertificateIssued, kIssued, "et");
  auto en = RenderNotice(kCertificateIssued, kIssued, "en");
  REQUIRE(et.title == "Kutsetunnistus väljastatud");
  REQUIRE(Has(et.body, "K-000007"));
  REQUIRE(Has(et.body, "Keevitaja, tase 3"));
  REQUIRE_FALSE(Has(et.body, "Welder"));
  REQUIRE(Has(et.body, "Eesti Keevitusühing"));
  REQUIRE(Has(et.body, "02.03.2026"));
  REQUIRE(Has(et.body, "01.03.2031"));
  REQUIRE(en.title == "Certificate issued");
  REQUIRE(Has(en.body, "Welder, level 3"));
  REQUIRE_FALSE(Has(en.body, "Keevitaja"));
  REQUIRE(Has(en.body, "2031-03-01"));
}

TEST_CASE("an English notice falls back to the Estonian name when the register has no English one") {
  nlohmann::json parameters = kIssued;
  parameters["standard_name_en"] = nullptr;
  REQUIRE(Has(RenderNotice(kCertificateIssued, parameters, "en").body, "Keevitaja, tase 3"));
}

TEST_CASE("an open-ended certificate says so; a notice stored before a parameter existed stays readable") {
  nlohmann::json open_ended = kIssued;
  open_ended["valid_until"] = nullptr;
  REQUIRE(Has(RenderNotice(kCertificateIssued, open_ended, "et").body, "tähtajatu"));
  REQUIRE(Has(RenderNotice(kCertificateIssued, open_ended, "en").body, "open-ended"));
  // The parameters of a notice stored by the first version of this service.
  nlohmann::json old = {{"certificate_number", "K-000007"}, {"standard_name", "Keevitaja"}};
  auto en = RenderNotice(kCertificateIssued, old, "en");
  REQUIRE(Has(en.body, "The awarding body"));
  REQUIRE(Has(en.body, "not known"));
  REQUIRE(Has(en.body, "Keevitaja"));
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
  nlohmann::json parameters = kIssued;
  parameters["reason"] = "eksam tühistati";
  auto et = RenderNotice(kCertificateInvalidated, parameters, "et");
  REQUIRE(et.title == "Kutsetunnistus tunnistati kehtetuks");
  REQUIRE(Has(et.body, "eksam tühistati"));
  REQUIRE(Has(et.body, "Eesti Keevitusühing"));
  REQUIRE(RenderNotice(kCertificateExpired, parameters, "en").title == "Certificate expired");
  REQUIRE(Has(RenderNotice(kCertificateExpired, parameters, "en").body, "2031-03-01"));
  REQUIRE(Has(RenderNotice(kCertificateAnnulled, parameters, "en").body, "K-000007"));
  REQUIRE(Has(RenderNotice(kCertificateAnnulled, parameters, "en").body, "Welder, level 3"));
}

TEST_CASE(
    "the six-month reminder names the certificate, its qualification and its last day in both languages") {
  auto et = RenderNotice(kCertificateExpiring, kIssued, "et");
  auto en = RenderNotice(kCertificateExpiring, kIssued, "en");
  REQUIRE(et.title == "Kutsetunnistuse kehtivus lõpeb kuue kuu pärast");
  REQUIRE(Has(et.body, "K-000007"));
  REQUIRE(Has(et.body, "Eesti Keevitusühing"));
  REQUIRE(en.title == "Certificate expires in six months");
  REQUIRE(Has(en.body, "Welder, level 3"));
  REQUIRE(Has(en.body, "2031-03-01"));
}

TEST_CASE("a duplicate-issued notice names the duplicate and its original") {
  nlohmann::json parameters = kIssued;
  parameters["certificate_number"] = "K-000020";
  parameters["duplicate_of"] = "K-000007";
  auto et = RenderNotice(kDuplicateIssued, parameters, "et");
  auto en = RenderNotice(kDuplicateIssued, parameters, "en");
  REQUIRE(et.title == "Duplikaat väljastatud");
  REQUIRE(Has(et.body, "K-000020"));
  REQUIRE(Has(et.body, "K-000007"));
  REQUIRE(en.title == "Duplicate issued");
  REQUIRE(Has(en.body, "K-000007"));
}

TEST_CASE("a notice links to its certificate; a historic number's slash stays inside the segment") {
  REQUIRE(CertificateLink(std::string("K-000007")) == std::string("/api/v1/me/certificates/K-000007"));
  REQUIRE(CertificateLink(std::string("12/345")) == std::string("/api/v1/me/certificates/12%2F345"));
  REQUIRE_FALSE(CertificateLink(std::nullopt));
}
