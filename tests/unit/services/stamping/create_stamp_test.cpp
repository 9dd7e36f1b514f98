// The holder's stamp as a use case: who may stamp which certificate, the order's body, the
// verification code, and the sealed file made from the certificate service's facts (a fake fetch
// stands in for the certificate service; the renderer and sealer are the real ones).
#include "app/create_stamp.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <vector>

#include "dto/stamp_order.hpp"
#include "kutse/common/base64url.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/sha256.hpp"
#include "stamping_fixtures.hpp"
#include "stamping_service.hpp"
#include "trust_services_fixture.hpp"
#include "verify/asice_verifier.hpp"

using namespace kutse::stamping;
using kutse::common::StatusCode;
using stamping_test::Run;
using stamping_test::TempDir;

namespace {

constexpr const char* kOie = "49102030219";

CertificateOnRecord OiesCertificate() {
  CertificateOnRecord record;
  record.holder_personal_code = kOie;
  record.status = "valid";
  record.qualification_name_et = "Keevitaja, tase 4";
  record.qualification_name_en = "Welder, level 4";
  record.document = stamping_test::ExampleDocument();
  record.document.verification_url.clear();
  return record;
}

kutse::auth::Identity Person(const std::string& personal_code) {
  kutse::auth::Identity identity;
  identity.personal_code = personal_code;
  return identity;
}

}  // namespace

TEST_CASE("only the holder stamps, and only a valid certificate no duplicate replaced") {
  CHECK(MayStamp(OiesCertificate(), kOie).ok());
  CHECK(MayStamp(OiesCertificate(), "38001010008").code() == StatusCode::kNotFound);
  for (const char* status : {"expired", "invalidated", "annulled"}) {
    CertificateOnRecord record = OiesCertificate();
    record.status = status;
    INFO(status);
    CHECK(MayStamp(record, kOie).code() == StatusCode::kFailedPrecondition);
  }
  CertificateOnRecord replaced = OiesCertificate();
  replaced.replaced_by = "K-000124";
  CHECK(MayStamp(replaced, kOie).code() == StatusCode::kFailedPrecondition);
  CHECK(MayStamp(replaced, kOie).message().key == "stamping.certificate_replaced");
}

TEST_CASE("the document prints the English name when the register has one, else the Estonian") {
  CHECK(DocumentFor(OiesCertificate(), DocumentLanguage::kEnglish, "u").qualification_name ==
        "Welder, level 4");
  CHECK(DocumentFor(OiesCertificate(), DocumentLanguage::kEstonian, "u").qualification_name ==
        "Keevitaja, tase 4");
  CertificateOnRecord old = OiesCertificate();
  old.qualification_name_en.reset();
  CHECK(DocumentFor(old, DocumentLanguage::kEnglish, "u").qualification_name == "Keevitaja, tase 4");
  CHECK(DocumentFor(old, DocumentLanguage::kEnglish, "https://x/verify/c").verification_url ==
        "https://x/verify/c");
}

TEST_CASE("the order is a PDF or an ASiC-E container in Estonian or English, nothing else") {
  auto order = dto::ParseStampOrder("K-000123", {{"format", "pdf"}, {"language", "en"}});
  REQUIRE(order.ok());
  CHECK(order->number == "K-000123");
  CHECK(order->language == DocumentLanguage::kEnglish);
  CHECK(order->format == app::StampFormat::kPdf);
  CHECK(dto::ParseStampOrder("K-1", {{"format", "pdf"}, {"language", "et"}})->language ==
        DocumentLanguage::kEstonian);
  CHECK(dto::ParseStampOrder("K-1", {{"format", "asice"}, {"language", "et"}})->format ==
        app::StampFormat::kAsice);
  CHECK_FALSE(dto::ParseStampOrder("K-1", {{"format", "ASICE"}, {"language", "et"}}).ok());

  auto wrong = dto::ParseStampOrder("K-1", {{"format", "bdoc"}, {"language", "ru"}, {"extra", 1}});
  REQUIRE(wrong.status().code() == StatusCode::kInvalidArgument);
  std::set<std::string> pointers;
  for (const auto& error : wrong.status().field_errors()) {
    pointers.insert(error.pointer);
  }
  CHECK(pointers == std::set<std::string>{"/format", "/language", "/extra"});
  CHECK(dto::ParseStampOrder("K-1", nlohmann::json::object()).status().field_errors().size() == 2);
  CHECK(dto::ParseStampOrder("K-1", nlohmann::json::array()).status().code() == StatusCode::kInvalidArgument);
  CHECK(dto::ParseStampOrder("K-1", {{"format", 1}, {"language", true}}).status().field_errors().size() == 2);
}

TEST_CASE("a verification code has 144 random bits as base64url, different every time") {
  std::set<std::string> codes;
  for (int i = 0; i < 100; ++i) {
    const std::string code = app::NewVerificationCode();
    CHECK(code.size() == 24);
    CHECK(code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
          std::string::npos);
    CHECK(kutse::common::Base64UrlDecode(code)->size() == 18);
    codes.insert(code);
  }
  CHECK(codes.size() == 100);
}

TEST_CASE("a stamp is the certificate's sealed PDF with its verification link, or a clear refusal") {
  LoadMessages();
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const seal::SealKey key = seal::SealKey::Load(material.key_pem, material.certificates_pem, "");
  const seal::PadesSealer sealer(key);
  const seal::AsiceSealer asice_sealer(key);
  const pdf::CertificateRenderer renderer("/usr/share/fonts/truetype/dejavu");
  const kutse::common::FakeClock clock(stamping_test::ExampleTime());
  kutse::common::Status answer_of_register;  // OK: the fake answers Õie's certificate
  std::string asked;
  std::vector<Stamp> recorded;
  std::vector<std::string> correlations;
  app::StampTools tools{[&](const std::string& number) -> kutse::common::StatusOr<CertificateOnRecord> {
                          asked = number;
                          if (!answer_of_register.ok())
                            return answer_of_register;
                          return OiesCertificate();
                        },
                        [&](const Stamp& stamp, const std::string& correlation_id) {
                          recorded.push_back(stamp);
                          correlations.push_back(correlation_id);
                        },
                        renderer,
                        &sealer,
                        &asice_sealer,
                        std::nullopt,
                        "https://kutse.example",
                        clock};

  auto stamped = app::CreateStamp(tools, Person(kOie), {"246810", DocumentLanguage::kEnglish, "req-1"});
  REQUIRE(stamped.ok());
  // Recorded as handed out: the file's digest, the certificate, whose, the form, level and time.
  REQUIRE(recorded.size() == 1);
  CHECK(recorded[0].id == stamped->stamp.id);
  CHECK(kutse::common::IsUuid(recorded[0].id));
  CHECK(recorded[0].verification_code == stamped->stamp.verification_code);
  CHECK(recorded[0].sha256 == kutse::common::Sha256Hex(stamped->bytes));
  CHECK(recorded[0].certificate_number == "246810");
  CHECK(recorded[0].holder_personal_code == kOie);
  CHECK(recorded[0].format == "pdf");
  CHECK(recorded[0].document_sha256 == recorded[0].sha256);
  CHECK(stamped->content_type == "application/pdf");
  CHECK(recorded[0].language == "en");
  CHECK(recorded[0].level == "B-B");
  CHECK(recorded[0].created_at == "2026-12-03T12:00:00.000Z");
  CHECK(correlations == std::vector<std::string>{"req-1"});
  CHECK(asked == "246810");
  CHECK(stamped->filename == "246810-en.pdf");
  CHECK(stamped->bytes.rfind("%PDF-", 0) == 0);
  const std::string file = dir.Write("stamp.pdf", stamped->bytes);
  const auto signature = Run("pdfsig " + file);
  CHECK(signature.output.find("Signature is Valid.") != std::string::npos);
  const auto text = Run("pdftotext -enc UTF-8 " + file + " -", false);
  CHECK(text.output.find(stamping_test::kHolder) != std::string::npos);
  CHECK(text.output.find("Welder, level 4") != std::string::npos);
  REQUIRE(Run("pdftoppm -r 150 -png -singlefile " + file + " " + dir.Path() + "/page").exit_code == 0);
  const auto qr = Run("zbarimg --quiet --raw " + dir.Path() + "/page.png 2>/dev/null", false);
  CHECK(qr.output.find("https://kutse.example/verify/" + stamped->stamp.verification_code) !=
        std::string::npos);

  CHECK(app::CreateStamp(tools, Person("38001010008"), {"246810", DocumentLanguage::kEstonian, "req-2"})
            .status()
            .code() == StatusCode::kNotFound);
  answer_of_register =
      kutse::common::Unavailable(kutse::common::Msg("stamping.certificate_service_unavailable"));
  CHECK(app::CreateStamp(tools, Person(kOie), {"246810", DocumentLanguage::kEstonian, "req-2"})
            .status()
            .code() == StatusCode::kUnavailable);

  // The same certificate as an ASiC-E container: the PDF inside is what the stamp's document digest names.
  answer_of_register = kutse::common::OkStatus();
  app::StampOrder asice{"246810", DocumentLanguage::kEstonian, "req-3"};
  asice.format = app::StampFormat::kAsice;
  auto container = app::CreateStamp(tools, Person(kOie), asice);
  REQUIRE(container.ok());
  CHECK(container->content_type == "application/vnd.etsi.asic-e+zip");
  CHECK(container->filename == "246810-et.asice");
  REQUIRE(recorded.size() == 2);
  CHECK(recorded[1].format == "asice");
  CHECK(recorded[1].level == "B-B");
  CHECK(recorded[1].sha256 == kutse::common::Sha256Hex(container->bytes));
  const auto entries = kutse::stamping::verify::ReadArchive(container->bytes, {});
  REQUIRE(entries);
  REQUIRE(entries->size() == 4);
  CHECK((*entries)[1].name == "246810-et.pdf");
  CHECK(recorded[1].document_sha256 == kutse::common::Sha256Hex((*entries)[1].bytes));
  CHECK(Run("pdftotext -enc UTF-8 " + dir.Write("inside.pdf", (*entries)[1].bytes) + " -", false)
            .output.find(stamping_test::kHolder) != std::string::npos);
  const auto check = kutse::stamping::verify::VerifyAsice(container->bytes, nullptr);
  CHECK(check.Intact());
  CHECK(check.covered_sha256 == recorded[1].document_sha256);
  recorded.pop_back();

  CHECK(recorded.size() == 1);  // a refusal records nothing
  tools.unconfigured = "stamping.not_configured";
  asked.clear();
  auto unconfigured = app::CreateStamp(tools, Person(kOie), {"246810", DocumentLanguage::kEstonian, "req-2"});
  CHECK(unconfigured.status().code() == StatusCode::kUnavailable);
  CHECK(unconfigured.status().message().key == "stamping.not_configured");
  CHECK(asked.empty());

  tools.sealer = nullptr;
  tools.asice_sealer = nullptr;
  auto unsealed = app::CreateStamp(tools, Person(kOie), {"246810", DocumentLanguage::kEstonian, "req-2"});
  CHECK(unsealed.status().code() == StatusCode::kUnavailable);
  CHECK(unsealed.status().message().key == "stamping.no_seal");
  CHECK(asked.empty());  // nothing asked of the register without a seal
}

TEST_CASE(
    "at LT a stamp records its level; a trust service that does not answer is a 503, nothing recorded") {
  LoadMessages();
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  stamping_test::CliTrustServices services(dir);
  const seal::SealKey key = seal::SealKey::Load(material.key_pem, material.certificates_pem, "");
  const seal::PadesSealer sealer(key, &services);
  const seal::AsiceSealer asice_sealer(key, &services);
  const pdf::CertificateRenderer renderer("/usr/share/fonts/truetype/dejavu");
  const kutse::common::FakeClock clock(stamping_test::ExampleTime());
  std::vector<Stamp> recorded;
  app::StampTools tools{
      [&](const std::string&) -> kutse::common::StatusOr<CertificateOnRecord> { return OiesCertificate(); },
      [&](const Stamp& stamp, const std::string&) { recorded.push_back(stamp); },
      renderer,
      &sealer,
      &asice_sealer,
      std::nullopt,
      "https://kutse.example",
      clock};
  for (const auto format : {app::StampFormat::kPdf, app::StampFormat::kAsice}) {
    app::StampOrder order{"246810", DocumentLanguage::kEstonian, "req-lt"};
    order.format = format;
    auto stamped = app::CreateStamp(tools, Person(kOie), order);
    REQUIRE(stamped.ok());
    REQUIRE(!recorded.empty());
    CHECK(recorded.back().level == "B-LT");
  }
  CHECK(recorded.size() == 2);
  CHECK(services.TimeStampCalls() == 2);
  CHECK(services.OcspCalls() == 2);

  services.GoDown();
  for (const auto format : {app::StampFormat::kPdf, app::StampFormat::kAsice}) {
    app::StampOrder order{"246810", DocumentLanguage::kEstonian, "req-down"};
    order.format = format;
    auto refused = app::CreateStamp(tools, Person(kOie), order);
    CHECK(refused.status().code() == StatusCode::kUnavailable);
    CHECK(refused.status().message().key == "stamping.trust_service_unavailable");
  }
  CHECK(recorded.size() == 2);  // nothing recorded, nothing handed out
}
