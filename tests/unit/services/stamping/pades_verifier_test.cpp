#include "verify/pades_verifier.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "pades_test_support.hpp"
#include "pdf/pdf_date.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_fixtures.hpp"

using kutse::stamping::seal::PadesSealer;
using kutse::stamping::seal::SealKey;
using kutse::stamping::verify::SealDefect;
using kutse::stamping::verify::TrustAnchors;
using kutse::stamping::verify::VerifyPades;
using stamping_test::TempDir;

namespace {

std::string SealedWith(const stamping_test::SealMaterial& material, const std::string& pdf,
                       std::chrono::system_clock::time_point at = stamping_test::NowToTheSecond()) {
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  return PadesSealer(key).Seal(pdf, at, "Kutseregistri e-tempel");
}

// One seal made once: RSA keys take a while.
struct Fixture {
  TempDir dir;
  stamping_test::SealMaterial ours = stamping_test::MakeSealMaterial(dir, "Kutsekoda");
  std::string pdf = stamping_test::UnsealedExample();
  std::chrono::system_clock::time_point sealed_at = stamping_test::NowToTheSecond();
  std::string sealed = SealedWith(ours, pdf, sealed_at);
  TrustAnchors anchors = TrustAnchors::FromPem(ours.ca_pem);
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

}  // namespace

TEST_CASE("a fresh seal is intact and the register's, with its time, level and the file's digest") {
  Fixture& f = Shared();
  const auto check = VerifyPades(f.sealed, f.anchors);
  REQUIRE(check.defect == SealDefect::kNone);
  REQUIRE(check.Intact());
  REQUIRE(check.register_seal);
  REQUIRE(check.signed_at == kutse::common::FormatTimestamp(f.sealed_at));
  REQUIRE(check.level == std::string("B-B"));
  REQUIRE(check.covered_sha256 == kutse::common::Sha256Hex(f.sealed));
  REQUIRE(check.signer_subject.has_value());
  REQUIRE(check.signer_subject->find("O=Kutsekoda") != std::string::npos);
}

TEST_CASE("the seal certificate itself may be the anchor, and a seal is no one's without anchors") {
  Fixture& f = Shared();
  const SealKey key = SealKey::Load(f.ours.key_pem, f.ours.certificates_pem, "");
  REQUIRE(VerifyPades(f.sealed, TrustAnchors::Of(key.Certificate())).register_seal);
  const auto none = VerifyPades(f.sealed, TrustAnchors());
  REQUIRE(none.Intact());
  REQUIRE_FALSE(none.register_seal);
}

TEST_CASE("one changed byte of the signed part breaks the digest") {
  Fixture& f = Shared();
  std::string tampered = f.sealed;
  const size_t at = tampered.find("/Producer");
  REQUIRE(at != std::string::npos);
  tampered[at + 1] = 'p';
  const auto check = VerifyPades(tampered, f.anchors);
  REQUIRE(check.defect == SealDefect::kDigestMismatch);
  REQUIRE_FALSE(check.Intact());
  REQUIRE(check.covered_sha256 == kutse::common::Sha256Hex(tampered));
}

TEST_CASE("bytes added after the sealed range leave the seal not covering the file") {
  Fixture& f = Shared();
  const auto check = VerifyPades(f.sealed + "\n% added later\n", f.anchors);
  REQUIRE(check.defect == SealDefect::kDigestMismatch);
  REQUIRE_FALSE(check.register_seal);
}

TEST_CASE("a changed signature value does not verify") {
  Fixture& f = Shared();
  std::string tampered = f.sealed;
  // The RSA signature value is the last non-zero stretch of the hex CMS: change a digit in it.
  const size_t contents = tampered.rfind("/Contents");
  const size_t open = tampered.find('<', contents);
  size_t last = tampered.find('>', open);
  while (tampered[last - 1] == '0') {
    --last;
  }
  tampered[last - 3] = tampered[last - 3] == 'A' ? 'B' : 'A';
  const auto check = VerifyPades(tampered, f.anchors);
  REQUIRE((check.defect == SealDefect::kSignatureInvalid || check.defect == SealDefect::kMalformed));
  REQUIRE_FALSE(check.Intact());
}

TEST_CASE("a CMS naming a digest OpenSSL cannot set up is not intact (the fuzz target's leak)") {
  Fixture& f = Shared();
  // The first SHA-256 OID in the CMS is that of SignedData's digestAlgorithms: 2.16.840.1.101.3.4.2.1
  // becomes ...2.127, which no one knows. Under ASan this leaked in OpenSSL 3.0's CMS_verify.
  std::string tampered = f.sealed;
  const size_t oid = tampered.find("0609608648016503040201", tampered.rfind("/Contents<"));
  REQUIRE(oid != std::string::npos);
  tampered.replace(oid + 20, 2, "7F");
  const auto check = VerifyPades(tampered, f.anchors);
  REQUIRE_FALSE(check.Intact());
  REQUIRE_FALSE(check.register_seal);
}

TEST_CASE("a seal made before its certificate was valid is not the register's") {
  Fixture& f = Shared();
  const std::string early = SealedWith(f.ours, f.pdf, f.sealed_at - std::chrono::hours(48));
  const auto check = VerifyPades(early, f.anchors);
  REQUIRE(check.Intact());
  REQUIRE_FALSE(check.register_seal);
}

TEST_CASE("a PDF sealed with another key is intact but not the register's seal") {
  Fixture& f = Shared();
  TempDir other_dir;
  const auto other = stamping_test::MakeSealMaterial(other_dir, "Teine Asutus");
  const auto check = VerifyPades(SealedWith(other, f.pdf), f.anchors);
  REQUIRE(check.Intact());
  REQUIRE_FALSE(check.register_seal);
  REQUIRE(check.signer_subject->find("O=Teine Asutus") != std::string::npos);
}

TEST_CASE("a PDF without a signature has none, anything else cannot be checked") {
  Fixture& f = Shared();
  REQUIRE(VerifyPades(f.pdf, f.anchors).defect == SealDefect::kNoSignature);
  for (const std::string& garbage :
       {std::string(), std::string("not a pdf"), std::string("%PDF-1.7\n/ByteRange [0 10 20 30]\n%%EOF"),
        std::string("%PDF-1.7\n/ByteRange [0 5 9 1]"),
        std::string("%PDF-1.7\n/ByteRange [0 99999999999999 1 1]"),
        std::string("%PDF-1.7 /Contents <zz> /ByteRange [0 18 22 0]"),
        std::string("%PDF-1.7 /ByteRange [")}) {
    CAPTURE(garbage);
    REQUIRE(VerifyPades(garbage, f.anchors).defect == SealDefect::kMalformed);
  }
  // The layout of a seal, but no CMS in it.
  const std::string fake =
      "%PDF-1.7\n1 0 obj <</SubFilter /ETSI.CAdES.detached /Contents <00112233> "
      "/ByteRange [0 61 71 40]>> endobj\n%%EOF\n";
  REQUIRE(VerifyPades(fake, f.anchors).defect == SealDefect::kMalformed);
}

TEST_CASE("a file over the size limit is refused before it is read") {
  Fixture& f = Shared();
  std::string huge = f.sealed;
  huge.resize(kutse::stamping::verify::kMaxPadesBytes + 1, ' ');
  REQUIRE(VerifyPades(huge, f.anchors).defect == SealDefect::kMalformed);
}

TEST_CASE("trust anchors are PEM certificates or the setting is refused") {
  Fixture& f = Shared();
  REQUIRE_FALSE(TrustAnchors::FromPem(f.ours.certificates_pem).Empty());
  REQUIRE_THROWS_AS(TrustAnchors::FromPem(""), std::runtime_error);
  REQUIRE_THROWS_AS(TrustAnchors::FromPem("not a certificate"), std::runtime_error);
  REQUIRE_THROWS_AS(
      TrustAnchors::FromPem(f.ours.ca_pem + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
      std::runtime_error);
}

TEST_CASE("PDF dates are read with their offsets, and nothing else is") {
  using kutse::stamping::pdf::ParsePdfDate;
  const auto at = stamping_test::ExampleTime();
  REQUIRE(ParsePdfDate("D:20261203120000+00'00'") == at);
  REQUIRE(ParsePdfDate("D:20261203140000+02'00'") == at);
  REQUIRE(ParsePdfDate("D:20261203093000-02'30") == at);
  REQUIRE(ParsePdfDate("D:20261203120000Z") == at);
  REQUIRE(ParsePdfDate("20261203120000") == at);
  REQUIRE(ParsePdfDate("D:2026") == ParsePdfDate("D:20260101000000Z"));
  REQUIRE(ParsePdfDate(kutse::stamping::pdf::PdfDate(at)) == at);
  for (const char* bad :
       {"", "D:", "D:26", "D:20260230120000Z", "D:20261203250000Z", "D:20261203120000+24'00'",
        "D:20261203120000x", "D:2026120312000", "D:20261203120000+00'00'junk"}) {
    CAPTURE(bad);
    REQUIRE_FALSE(ParsePdfDate(bad).has_value());
  }
}
