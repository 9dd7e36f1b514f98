#include "pdf/certificate_renderer.hpp"

#include <catch2/catch.hpp>
#include <regex>

#include "stamping_fixtures.hpp"
#include "stamping_service.hpp"

using kutse::stamping::DocumentLanguage;
using kutse::stamping::pdf::CertificateRenderer;
using stamping_test::ExampleDocument;
using stamping_test::ExampleTime;
using stamping_test::Run;
using stamping_test::TempDir;

namespace {

const char* kFonts = "/usr/share/fonts/truetype/dejavu";

std::string Rendered(DocumentLanguage language,
                     const kutse::stamping::CertificateDocument& document = ExampleDocument()) {
  kutse::stamping::LoadMessages();
  return CertificateRenderer(kFonts).Render(document, language, ExampleTime());
}

std::string TextOf(const TempDir& dir, const std::string& pdf) {
  REQUIRE(stamping_test::HaveTool("pdftotext"));
  const std::string file = dir.Write("out.pdf", pdf);
  const auto result = Run("pdftotext -enc UTF-8 " + file + " -");
  REQUIRE(result.exit_code == 0);
  return result.output;
}

}  // namespace

TEST_CASE("the PDF shows the holder's Estonian letters intact and its labels in Estonian") {
  TempDir dir;
  const std::string text = TextOf(dir, Rendered(DocumentLanguage::kEstonian));
  CHECK(text.find(stamping_test::kHolder) != std::string::npos);
  CHECK(text.find("Kutsetunnistus") != std::string::npos);
  CHECK(text.find("Nr 246810") != std::string::npos);
  CHECK(text.find("Eesti kvalifikatsiooniraamistiku (EKR) tase 4") != std::string::npos);
  CHECK(text.find("Räbuga kaarkeevitus") != std::string::npos);
  CHECK(text.find("Eesti Keevitusühing") != std::string::npos);
  CHECK(text.find("nr 17-3, 20.11.2026") != std::string::npos);
  CHECK(text.find("21.11.2026 – 20.11.2031") != std::string::npos);
  CHECK(text.find("https://kutseregister.example/v/Qm9vZkJhckJhekRvZUxpbmtDb2Rl") != std::string::npos);
  CHECK(text.find("Qualification") == std::string::npos);
}

TEST_CASE("the PDF in English has English labels and dates, the holder's name unchanged") {
  TempDir dir;
  const std::string text = TextOf(dir, Rendered(DocumentLanguage::kEnglish));
  CHECK(text.find(stamping_test::kHolder) != std::string::npos);
  CHECK(text.find("Occupational Qualification") != std::string::npos);
  CHECK(text.find("European Qualifications Framework (EQF) level 4") != std::string::npos);
  CHECK(text.find("No 17-3 of 20 November 2026") != std::string::npos);
  CHECK(text.find("Kutsetunnistus") == std::string::npos);
}

TEST_CASE(
    "a duplicate names its original, an open-ended one says so, a partial qualification has its title") {
  TempDir dir;
  auto document = ExampleDocument();
  document.kind = kutse::stamping::DocumentKind::kPartialQualification;
  document.duplicate_of = "135790";
  document.valid_until.reset();
  document.partial_qualification = "Terastorude keevitaja";
  const std::string text = TextOf(dir, Rendered(DocumentLanguage::kEstonian, document));
  CHECK(text.find("Osakutsetunnistus") != std::string::npos);
  CHECK(text.find("Tunnistuse nr 135790 duplikaat") != std::string::npos);
  CHECK(text.find("alates 21.11.2026, tähtajatu") != std::string::npos);
  CHECK(text.find("Terastorude keevitaja") != std::string::npos);
}

TEST_CASE("the font is embedded as a TrueType subset with a Unicode map, on an A4 page") {
  REQUIRE(stamping_test::HaveTool("pdffonts"));
  TempDir dir;
  const std::string file = dir.Write("out.pdf", Rendered(DocumentLanguage::kEstonian));
  const auto fonts = Run("pdffonts " + file);
  REQUIRE(fonts.exit_code == 0);
  CHECK(fonts.output.find("DejaVuSans ") != std::string::npos);
  CHECK(fonts.output.find("DejaVuSans-Bold") != std::string::npos);
  CHECK(fonts.output.find("CID TrueType      Identity-H       yes yes yes") != std::string::npos);
  const auto info = Run("pdfinfo " + file);
  CHECK(info.output.find("595.276 x 841.89 pts (A4)") != std::string::npos);
}

TEST_CASE("the same document and time give the same bytes, and another time gives other bytes") {
  const std::string first = Rendered(DocumentLanguage::kEstonian);
  CHECK(first == Rendered(DocumentLanguage::kEstonian));
  kutse::stamping::LoadMessages();
  const std::string later = CertificateRenderer(kFonts).Render(ExampleDocument(), DocumentLanguage::kEstonian,
                                                               ExampleTime() + std::chrono::seconds(1));
  CHECK(first != later);
  CHECK(first.rfind("%PDF-", 0) == 0);
}

TEST_CASE("the QR code decodes to the verification link") {
  REQUIRE(stamping_test::HaveTool("pdftoppm"));
  REQUIRE(stamping_test::HaveTool("zbarimg"));
  TempDir dir;
  const std::string file = dir.Write("out.pdf", Rendered(DocumentLanguage::kEnglish));
  REQUIRE(Run("pdftoppm -r 150 -png -singlefile " + file + " " + dir.Path() + "/page").exit_code == 0);
  // zbarimg talks of D-Bus on stderr; the code is on stdout.
  const auto decoded = Run("zbarimg --quiet --raw " + dir.Path() + "/page.png 2>/dev/null", false);
  CHECK(decoded.exit_code == 0);
  CHECK(decoded.output == ExampleDocument().verification_url + "\n");
}

TEST_CASE("a long list of competences goes on to a second page") {
  auto document = ExampleDocument();
  for (int i = 0; i < 60; ++i)
    document.competences.push_back("Kompetents number " + std::to_string(i));
  TempDir dir;
  const std::string file = dir.Write("out.pdf", Rendered(DocumentLanguage::kEstonian, document));
  CHECK(std::regex_search(Run("pdfinfo " + file).output, std::regex("Pages: +2\n")));
  const std::string text = Run("pdftotext -enc UTF-8 " + file + " -").output;
  CHECK(text.find("Kompetents number 59") != std::string::npos);
  CHECK(text.find("https://kutseregister.example/v/") != std::string::npos);
}

TEST_CASE("a missing font folder is refused when the renderer is made") {
  CHECK_THROWS_WITH(CertificateRenderer("/nonexistent"), Catch::Contains("DejaVuSans.ttf"));
}

TEST_CASE("document dates in Estonian and English") {
  using kutse::stamping::DocumentDate;
  CHECK(DocumentDate({2026, 3, 7}, DocumentLanguage::kEstonian) == "07.03.2026");
  CHECK(DocumentDate({2026, 3, 7}, DocumentLanguage::kEnglish) == "7 March 2026");
  CHECK(kutse::stamping::ParseDocumentLanguage("en") == DocumentLanguage::kEnglish);
  CHECK_FALSE(kutse::stamping::ParseDocumentLanguage("ru"));
}
