// The ASiC-E verifier on our own containers, on tampered and foreign ones, and on hostile uploads:
// zip bombs, paths out of the archive, XML entities. The containers are made with the service's
// own writer so that each case changes exactly one thing.
#include "verify/asice_verifier.hpp"

#include <openssl/pem.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "asice_test_support.hpp"
#include "kutse/common/sha256.hpp"
#include "seal/asice_container.hpp"
#include "seal/xades_signature.hpp"
#include "stamping_fixtures.hpp"

using kutse::stamping::seal::DataFile;
using kutse::stamping::seal::SealKey;
using kutse::stamping::seal::WriteAsiceContainer;
using kutse::stamping::seal::XadesSignature;
using kutse::stamping::verify::ArchiveLimits;
using kutse::stamping::verify::ReadArchive;
using kutse::stamping::verify::SealDefect;
using kutse::stamping::verify::SealForm;
using kutse::stamping::verify::TrustedBy;
using kutse::stamping::verify::VerifyAsice;
using stamping_test::PemCertificate;
using stamping_test::Replaced;
using stamping_test::TempDir;
using stamping_test::X509Ptr;

namespace {

const std::string kPdf = "%PDF-1.7\n%\xc3\xb5\xc3\xa4\n1 0 obj <<>> endobj\nŌie Šmidt\n%%EOF\n";

std::vector<DataFile> Files(const std::string& pdf = kPdf, const std::string& name = "246810-et.pdf") {
  return {{name, "application/pdf", pdf}};
}

struct Sealed {
  std::string signatures;
  std::string container;
};

Sealed Seal(const SealKey& key, const std::vector<DataFile>& files = Files()) {
  Sealed sealed;
  sealed.signatures = XadesSignature(key, files, stamping_test::ExampleTime());
  sealed.container = WriteAsiceContainer(files, sealed.signatures, stamping_test::ExampleTime());
  return sealed;
}

const char* kRoot =
    "<asic:XAdESSignatures xmlns:asic=\"http://uri.etsi.org/02918/v1.2.1#\" "
    "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\">";

}  // namespace

TEST_CASE("our own container is intact and the register's seal, with its time, level and PDF digest") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const X509Ptr ca = PemCertificate(material.ca_pem);
  const auto check = VerifyAsice(Seal(key).container, TrustedBy(ca.get()));
  CHECK(check.form == SealForm::kAsice);
  CHECK(check.defect == SealDefect::kNone);
  CHECK(check.Intact());
  CHECK(check.register_seal);
  CHECK(check.signed_at == std::string("2026-12-03T12:00:00.000Z"));
  CHECK(check.level == std::string("B-B"));
  CHECK(check.covered_sha256 == kutse::common::Sha256Hex(kPdf));
  REQUIRE(check.signer_subject);
  CHECK(check.signer_subject->find("O=Kutsekoda") != std::string::npos);
  CHECK(check.signer_subject->find("CN=Kutsekoda e-seal") != std::string::npos);

  // The seal certificate itself as the anchor does as well as its CA; no anchor makes no seal the register's.
  const X509Ptr seal_certificate = PemCertificate(material.certificates_pem);
  CHECK(VerifyAsice(Seal(key).container, TrustedBy(seal_certificate.get())).register_seal);
  // The trust is asked with the signing time and the certificates KeyInfo carries beside the signer's.
  std::chrono::system_clock::time_point asked_at{};
  const auto asked = VerifyAsice(Seal(key).container, [&](X509* signer, STACK_OF(X509) * carried,
                                                          std::chrono::system_clock::time_point at) {
    asked_at = at;
    return X509_cmp(signer, seal_certificate.get()) == 0 && carried != nullptr && sk_X509_num(carried) == 0;
  });
  CHECK(asked.register_seal);
  CHECK(asked_at == stamping_test::ExampleTime());
  const auto without = VerifyAsice(Seal(key).container, nullptr);
  CHECK(without.Intact());
  CHECK_FALSE(without.register_seal);
}

TEST_CASE("a changed PDF, SignedProperties or SignatureValue breaks the seal") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const X509Ptr ca = PemCertificate(material.ca_pem);
  const Sealed sealed = Seal(key);
  const auto at = stamping_test::ExampleTime();

  std::string pdf = kPdf;
  pdf[12] = static_cast<char>(pdf[12] ^ 0x01);  // one byte of the PDF inside
  const auto changed_pdf =
      VerifyAsice(WriteAsiceContainer(Files(pdf), sealed.signatures, at), TrustedBy(ca.get()));
  CHECK(changed_pdf.defect == SealDefect::kDigestMismatch);
  CHECK_FALSE(changed_pdf.register_seal);
  CHECK_FALSE(changed_pdf.covered_sha256);

  const std::string later = Replaced(sealed.signatures, "2026-12-03T12:00:00Z", "2026-12-04T12:00:00Z");
  CHECK(VerifyAsice(WriteAsiceContainer(Files(), later, at), TrustedBy(ca.get())).defect ==
        SealDefect::kDigestMismatch);

  // A SigningTime no clock can hold (found by fuzzing: it overflowed the nanoseconds) is malformed.
  for (const char* time :
       {"9999-12-31T23:59:59Z", "1969-12-31T23:59:59Z", "2026-13-03T12:00:00Z", "yesterday"}) {
    const std::string odd = Replaced(sealed.signatures, "2026-12-03T12:00:00Z", time);
    CHECK(VerifyAsice(WriteAsiceContainer(Files(), odd, at), TrustedBy(ca.get())).defect ==
          SealDefect::kMalformed);
  }

  const size_t value = sealed.signatures.find("<ds:SignatureValue Id=\"S0-SIG\">") + 32;
  std::string forged = sealed.signatures;
  forged[value] = forged[value] == 'A' ? 'B' : 'A';
  CHECK(VerifyAsice(WriteAsiceContainer(Files(), forged, at), TrustedBy(ca.get())).defect ==
        SealDefect::kSignatureInvalid);
}

TEST_CASE("a container sealed with another key is intact but not the register's seal") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  TempDir other_dir;
  const auto other = stamping_test::MakeSealMaterial(other_dir, "Kutsekoda");  // same names, another CA
  const X509Ptr ca = PemCertificate(material.ca_pem);
  const auto check = VerifyAsice(Seal(SealKey::Load(other.key_pem, other.certificates_pem, "")).container,
                                 TrustedBy(ca.get()));
  CHECK(check.Intact());
  CHECK_FALSE(check.register_seal);
  CHECK(check.covered_sha256 == kutse::common::Sha256Hex(kPdf));
}

TEST_CASE("a zip bomb is refused before it is inflated") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const std::string zeros(20 * 1024 * 1024, '\0');  // deflates to about 20 KB
  const Sealed bomb = Seal(key, Files(zeros));
  CHECK(bomb.container.size() < 100 * 1024);
  CHECK(VerifyAsice(bomb.container, nullptr).defect == SealDefect::kMalformed);

  // Each limit on its own.
  const Sealed small = Seal(key);
  CHECK(ReadArchive(small.container, ArchiveLimits{}));
  CHECK(VerifyAsice(small.container, nullptr, ArchiveLimits{small.container.size() - 1}).defect ==
        SealDefect::kMalformed);
  CHECK_FALSE(ReadArchive(small.container, ArchiveLimits{1 << 20, 3}));
  CHECK_FALSE(ReadArchive(small.container, ArchiveLimits{1 << 20, 16, 1000}));  // the signature is bigger
  CHECK_FALSE(ReadArchive(small.container, ArchiveLimits{1 << 20, 16, 1 << 20, 4000}));

  std::vector<DataFile> many;
  for (int i = 0; i < 17; ++i)
    many.push_back({"f" + std::to_string(i) + ".pdf", "application/pdf", kPdf});
  CHECK(VerifyAsice(WriteAsiceContainer(many, small.signatures, stamping_test::ExampleTime()), nullptr)
            .defect == SealDefect::kMalformed);
}

TEST_CASE("names that leave the archive are refused and no file is written") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  std::filesystem::create_directory(dir.Path() + "/inside");
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(dir.Path() + "/inside");
  for (const std::string name : {"../x", "/tmp/x", "META-INF/../../x", "a\\..\\x", "./x", "a//x"}) {
    INFO(name);
    CHECK(VerifyAsice(Seal(key, Files(kPdf, name)).container, nullptr).defect == SealDefect::kMalformed);
  }
  std::filesystem::current_path(before);
  CHECK_FALSE(std::filesystem::exists(dir.Path() + "/x"));
  CHECK(std::filesystem::is_empty(dir.Path() + "/inside"));
}

TEST_CASE("XML with a DTD or entities is refused, external ones are never fetched") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const Sealed sealed = Seal(key);
  const auto at = stamping_test::ExampleTime();
  const std::string secret = dir.Write("secret.txt", "kept");
  const std::string header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::vector<std::string> hostile{
      header + "<!DOCTYPE r [<!ENTITY e SYSTEM \"file://" + secret + "\">]>" + kRoot +
          "&e;</asic:XAdESSignatures>",
      header + "<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\">" + kRoot + "</asic:XAdESSignatures>",
      header + "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
          kRoot + "&b;</asic:XAdESSignatures>",
      Replaced(sealed.signatures, "?>", "?><!DOCTYPE asic:XAdESSignatures>"),
      "not xml at all",
      header + kRoot,  // cut short
  };
  for (const std::string& xml : hostile) {
    INFO(xml.substr(0, 120));
    CHECK(VerifyAsice(WriteAsiceContainer(Files(), xml, at), nullptr).defect == SealDefect::kMalformed);
  }
}

TEST_CASE("what is not an ASiC-E container of our kind is malformed, or has no signature") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const Sealed sealed = Seal(key);
  CHECK(VerifyAsice("", nullptr).defect == SealDefect::kMalformed);
  CHECK(VerifyAsice("%PDF-1.7\n", nullptr).defect == SealDefect::kMalformed);
  CHECK(VerifyAsice(sealed.container.substr(0, sealed.container.size() / 2), nullptr).defect ==
        SealDefect::kMalformed);
  // `mimetype` with another media type, compressed, or not first.
  const std::string media_type = kutse::stamping::seal::kAsiceMediaType;
  const std::string pdf_name = "246810-et.pdf";
  const std::string signatures_name = "META-INF/signatures0.xml";
  CHECK(VerifyAsice(stamping_test::Zip({{"mimetype", "application/vnd.etsi.asic-s+zip", true},
                                        {pdf_name, kPdf, false},
                                        {signatures_name, sealed.signatures, false}}),
                    nullptr)
            .defect == SealDefect::kMalformed);
  CHECK(VerifyAsice(stamping_test::Zip({{"mimetype", media_type, false},
                                        {pdf_name, kPdf, false},
                                        {signatures_name, sealed.signatures, false}}),
                    nullptr)
            .defect == SealDefect::kMalformed);
  CHECK(VerifyAsice(stamping_test::Zip({{pdf_name, kPdf, false},
                                        {"mimetype", media_type, true},
                                        {signatures_name, sealed.signatures, false}}),
                    nullptr)
            .defect == SealDefect::kMalformed);
  // The same entries in the right order verify: only the one thing was wrong above.
  CHECK(VerifyAsice(stamping_test::Zip({{"mimetype", media_type, true},
                                        {pdf_name, kPdf, false},
                                        {signatures_name, sealed.signatures, false}}),
                    nullptr)
            .Intact());
  // No signature file: a container with nothing sealed.
  CHECK(VerifyAsice(stamping_test::Zip({{"mimetype", media_type, true}, {pdf_name, kPdf, false}}), nullptr)
            .defect == SealDefect::kNoSignature);
  const std::string empty = std::string("<?xml version=\"1.0\"?>") + kRoot + "</asic:XAdESSignatures>";
  CHECK(VerifyAsice(WriteAsiceContainer(Files(), empty, stamping_test::ExampleTime()), nullptr).defect ==
        SealDefect::kNoSignature);

  // A second element with the SignedProperties' Id (a wrapping attack) is refused.
  const std::string wrapped = Replaced(sealed.signatures, "</ds:Object>",
                                       "</ds:Object><ds:Object><x Id=\"S0-SignedProperties\"/></ds:Object>");
  CHECK(VerifyAsice(WriteAsiceContainer(Files(), wrapped, stamping_test::ExampleTime()), nullptr).defect ==
        SealDefect::kMalformed);
}
