// The ASiC-E container and its XAdES signature, checked with the tools an employer's side would
// have: zipinfo and unzip for the container, xmlsec1 for the signature, xmllint for its structure,
// pdftotext for the PDF inside.
#include "seal/asice_sealer.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "asice_test_support.hpp"
#include "kutse/common/sha256.hpp"
#include "pdf/certificate_renderer.hpp"
#include "seal/asice_container.hpp"
#include "seal/xades_signature.hpp"
#include "seal/xml_dsig.hpp"
#include "stamping_fixtures.hpp"
#include "stamping_service.hpp"

using kutse::stamping::seal::AsiceSealer;
using kutse::stamping::seal::SealKey;
using stamping_test::ReadFile;
using stamping_test::Run;
using stamping_test::TempDir;
using stamping_test::Unpack;
using stamping_test::XmlsecVerify;
using stamping_test::XPath;

namespace {

const char* kPdfName = "246810-et.pdf";

std::string Unsealed() {
  kutse::stamping::LoadMessages();
  return kutse::stamping::pdf::CertificateRenderer("/usr/share/fonts/truetype/dejavu")
      .Render(stamping_test::ExampleDocument(), kutse::stamping::DocumentLanguage::kEstonian,
              stamping_test::ExampleTime());
}

std::string Container(const SealKey& key, const std::string& pdf) {
  return AsiceSealer(key).Seal(pdf, kPdfName, stamping_test::ExampleTime());
}

}  // namespace

TEST_CASE("zipinfo shows mimetype first and stored, then the PDF, the manifest and the signature") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const std::string container =
      Container(SealKey::Load(material.key_pem, material.certificates_pem, ""), Unsealed());
  REQUIRE(stamping_test::HaveTool("zipinfo"));
  const std::string path = dir.Write("stamp.asice", container);
  const std::string names = Run("zipinfo -1 " + path).output;
  CHECK(names ==
        std::string("mimetype\n") + kPdfName + "\nMETA-INF/manifest.xml\nMETA-INF/signatures0.xml\n");
  const std::string listing = Run("zipinfo " + path).output;
  INFO(listing);
  CHECK(listing.find(" stor 26-Dec-03 12:00 mimetype") != std::string::npos);
  CHECK(listing.find(" def") != std::string::npos);  // the rest deflated
  CHECK(listing.find("12:00 " + std::string(kPdfName)) != std::string::npos);
  // The media type is readable at byte 38, right after the first local header (ASiC §A.1).
  CHECK(container.compare(0, 4, "PK\x03\x04") == 0);
  CHECK(container.substr(30, 8) == "mimetype");
  CHECK(container.substr(38, 31) == kutse::stamping::seal::kAsiceMediaType);
  const std::string verbose = Run("zipinfo -v " + path + " mimetype").output;
  CHECK(verbose.find("length of extra field:                          0 bytes") != std::string::npos);
  CHECK(Run("unzip -p " + path + " mimetype").output == "application/vnd.etsi.asic-e+zip");

  const std::string manifest = Unpack(dir, container) + "/META-INF/manifest.xml";
  CHECK(XPath(manifest,
              "string(//*[local-name()='file-entry'][@*[local-name()='full-path']='/']/"
              "@*[local-name()='media-type'])") == "application/vnd.etsi.asic-e+zip");
  CHECK(XPath(manifest,
              "string(//*[local-name()='file-entry'][@*[local-name()='full-path']='246810-et.pdf']/"
              "@*[local-name()='media-type'])") == "application/pdf");
  CHECK(XPath(manifest, "count(//*[local-name()='file-entry'])") == "2");
}

TEST_CASE("xmlsec1 verifies the XAdES signature over the PDF inside, and not after one changed byte") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const std::string container =
      Container(SealKey::Load(material.key_pem, material.certificates_pem, ""), Unsealed());
  const std::string folder = Unpack(dir, container);
  const auto trusted = XmlsecVerify(folder, "--trusted-pem '" + material.ca_file + "'");
  INFO(trusted.output);
  CHECK(trusted.exit_code == 0);
  CHECK(trusted.output.find("OK") != std::string::npos);
  const auto by_certificate = XmlsecVerify(folder, "--pubkey-cert-pem '" + dir.Path() + "/seal_only.pem'");
  INFO(by_certificate.output);
  CHECK(by_certificate.exit_code == 0);

  // pdftotext reads the holder's Estonian letters from the PDF inside.
  REQUIRE(stamping_test::HaveTool("pdftotext"));
  CHECK(Run("pdftotext '" + folder + "/" + kPdfName + "' -").output.find(stamping_test::kHolder) !=
        std::string::npos);

  std::string pdf = ReadFile(folder + "/" + kPdfName);
  const size_t comment = pdf.find('\n') + 2;
  pdf[comment] = static_cast<char>(pdf[comment] ^ 0x01);
  dir.Write("x/" + std::string(kPdfName), pdf);
  const auto tampered = XmlsecVerify(folder, "--trusted-pem '" + material.ca_file + "'");
  INFO(tampered.output);
  CHECK(tampered.exit_code != 0);
  CHECK(tampered.output.find("FAIL") != std::string::npos);
}

TEST_CASE("the signature is XAdES B-B: C14N 1.1, SHA-256, SignedProperties, the certificate") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const std::string pdf = Unsealed();
  const std::string container = Container(key, pdf);
  const std::string xml = Unpack(dir, container) + "/META-INF/signatures0.xml";
  const std::string ds = "[namespace-uri()='http://www.w3.org/2000/09/xmldsig#']";
  const std::string xades = "[namespace-uri()='http://uri.etsi.org/01903/v1.3.2#']";
  CHECK(XPath(xml, "namespace-uri(/*)") == "http://uri.etsi.org/02918/v1.2.1#");
  CHECK(XPath(xml, "local-name(/*)") == "XAdESSignatures");
  CHECK(XPath(xml, "count(/*/*[local-name()='Signature']" + ds + ")") == "1");
  CHECK(XPath(xml, "string(//*[local-name()='CanonicalizationMethod']/@Algorithm)") ==
        "http://www.w3.org/2006/12/xml-c14n11");
  CHECK(XPath(xml, "string(//*[local-name()='SignatureMethod']/@Algorithm)") ==
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
  CHECK(XPath(xml, "count(//*[local-name()='Reference'])") == "2");
  CHECK(XPath(xml, "string(//*[local-name()='Reference'][1]/@URI)") == kPdfName);
  CHECK(XPath(xml, "string(//*[local-name()='Reference'][1]/*[local-name()='DigestValue'])") ==
        kutse::stamping::seal::xmldsig::Base64(kutse::common::Sha256(pdf)));
  CHECK(XPath(xml, "string(//*[local-name()='Reference'][2]/@Type)") ==
        "http://uri.etsi.org/01903#SignedProperties");
  CHECK(XPath(xml, "string(//*[local-name()='Reference'][2]/@URI)") == "#S0-SignedProperties");
  CHECK(
      XPath(
          xml,
          "count(//*[local-name()='DigestMethod'][@Algorithm='http://www.w3.org/2001/04/xmlenc#sha256'])") ==
      "3");
  CHECK(XPath(xml, "string(//*[local-name()='SignedProperties']" + xades + "/@Id)") == "S0-SignedProperties");
  CHECK(XPath(xml, "string(//*[local-name()='SigningTime'])") == "2026-12-03T12:00:00Z");
  CHECK(XPath(xml, "string(//*[local-name()='QualifyingProperties']/@Target)") == "#S0");
  CHECK(XPath(xml, "string(//*[local-name()='DataObjectFormat']/@ObjectReference)") == "#S0-RefId0");
  CHECK(XPath(xml, "string(//*[local-name()='DataObjectFormat']/*[local-name()='MimeType'])") ==
        "application/pdf");

  // The certificate in KeyInfo is the seal certificate; CertDigest is its SHA-256; IssuerSerialV2
  // names its issuer and serial.
  const std::string certificate = XPath(xml, "string(//*[local-name()='X509Certificate'])");
  const std::string pem = dir.Write("key_info.b64", certificate);
  const auto fingerprint =
      Run("base64 -d " + pem + " | openssl x509 -inform DER -noout -subject -fingerprint -sha256");
  CHECK(fingerprint.output.find("organizationIdentifier = NTREE-90006399") != std::string::npos);
  const auto expected =
      Run("openssl x509 -in '" + dir.Path() + "/seal_only.pem' -noout -fingerprint -sha256").output;
  CHECK(fingerprint.output.find(expected.substr(expected.find('='))) != std::string::npos);
  const std::string digest =
      XPath(xml, "string(//*[local-name()='CertDigest']/*[local-name()='DigestValue'])");
  CHECK(Run("base64 -d " + pem + " | openssl dgst -sha256 -binary | base64 -w0").output == digest);
  const std::string issuer_serial = XPath(xml, "string(//*[local-name()='IssuerSerialV2'])");
  const auto parsed = Run("echo '" + issuer_serial + "' | base64 -d | openssl asn1parse -inform DER");
  INFO(parsed.output);
  CHECK(parsed.output.find("Test CA") != std::string::npos);
  const std::string serial = Run("openssl x509 -in '" + dir.Path() + "/seal_only.pem' -noout -serial").output;
  CHECK(parsed.output.find("INTEGER           :" +
                           serial.substr(serial.find('=') + 1, serial.size() - serial.find('=') - 2)) !=
        std::string::npos);
}

TEST_CASE("the same PDF and time give the same container bytes") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const std::string pdf = Unsealed();
  const std::string first = Container(key, pdf);
  CHECK(first == Container(key, pdf));
  CHECK(first !=
        AsiceSealer(key).Seal(pdf, kPdfName, stamping_test::ExampleTime() + std::chrono::seconds(2)));
}

TEST_CASE("an ECDSA seal signs ECDSA-SHA256 with r and s as XML-DSig carries them") {
  TempDir dir;
  const auto made =
      Run("cd '" + dir.Path() +
          "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec_key.pem "
          "-out ec_cert.pem -days 30 -subj '/C=EE/O=EC seal/CN=EC seal'");
  INFO(made.output);
  REQUIRE(made.exit_code == 0);
  const SealKey key =
      SealKey::Load(ReadFile(dir.Path() + "/ec_key.pem"), ReadFile(dir.Path() + "/ec_cert.pem"), "");
  const std::string folder = Unpack(dir, Container(key, Unsealed()));
  CHECK(
      XPath(folder + "/META-INF/signatures0.xml", "string(//*[local-name()='SignatureMethod']/@Algorithm)") ==
      "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
  const auto verified = XmlsecVerify(folder, "--pubkey-cert-pem '" + dir.Path() + "/ec_cert.pem'");
  INFO(verified.output);
  CHECK(verified.exit_code == 0);
}

TEST_CASE("a container's file names are plain characters") {
  using kutse::stamping::seal::AsiceFileName;
  CHECK(AsiceFileName("K-000123-et", ".pdf") == "K-000123-et.pdf");
  CHECK(AsiceFileName("A/12 ö", ".pdf") == "A_12___.pdf");  // ö is two bytes in UTF-8
}
