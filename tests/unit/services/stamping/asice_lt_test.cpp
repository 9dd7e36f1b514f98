// The ASiC-E seal at baseline LT, with a real TSA and OCSP responder made of openssl's own tools:
// xmlsec1 still verifies the signature, the LT elements sit where libdigidocpp puts them, openssl
// accepts the time-stamp over the canonical SignatureValue (computed here with libxml2's XPath
// node set, not the service's code) and reads the OCSP response as good, and the verifier says
// B-LT at the TSA's time, or not intact when the time-stamp is changed.
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "asice_test_support.hpp"
#include "domain/stamp.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "seal/asice_container.hpp"
#include "seal/asice_sealer.hpp"
#include "seal/xml_dsig.hpp"
#include "trust_services_fixture.hpp"
#include "verify/asice_verifier.hpp"

using kutse::stamping::seal::AsiceSealer;
using kutse::stamping::seal::SealKey;
using kutse::stamping::seal::TrustServiceUnavailable;
using kutse::stamping::seal::WriteAsiceContainer;
using kutse::stamping::verify::SealDefect;
using kutse::stamping::verify::TrustedBy;
using kutse::stamping::verify::VerifyAsice;
using stamping_test::CliTrustServices;
using stamping_test::PemCertificate;
using stamping_test::ReadFile;
using stamping_test::Replaced;
using stamping_test::Run;
using stamping_test::TempDir;
using stamping_test::Unpack;
using stamping_test::X509Ptr;
using stamping_test::XPath;

namespace {

namespace dsig = kutse::stamping::seal::xmldsig;

const char* kPdfName = "246810-et.pdf";
const std::string kPdf = "%PDF-1.7\n%\xc3\xb5\xc3\xa4\n1 0 obj <<>> endobj\nÕie Šmidt\n%%EOF\n";

// A seal, a TSA and an OCSP responder, all issued by one throw-away CA.
struct Setup {
  TempDir dir;
  stamping_test::SealMaterial material = stamping_test::MakeSealMaterial(dir);
  SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  X509Ptr ca = PemCertificate(material.ca_pem);
  CliTrustServices services{dir};

  std::string Container(const CliTrustServices& trust_services) const {
    return AsiceSealer(key, &trust_services).Seal(kPdf, kPdfName, stamping_test::ExampleTime());
  }
  // The LT container's signatures0.xml, as unzip gives it.
  std::string Signatures(const CliTrustServices& trust_services) const {
    return ReadFile(Unpack(dir, Container(trust_services)) + "/META-INF/signatures0.xml");
  }
};

// The SignatureTimeStamp's input as XAdES defines it: ds:SignatureValue canonicalised (C14N 1.1)
// as a node set with the namespaces it inherits, selected by XML-DSig's own subtree expression.
std::string CanonicalSignatureValue(const std::string& xml) {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "signatures0.xml", nullptr, XML_PARSE_NONET),
      &xmlFreeDoc);
  REQUIRE(doc);
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(xmlXPathNewContext(doc.get()),
                                                                           &xmlXPathFreeContext);
  REQUIRE(xmlXPathRegisterNs(context.get(), BAD_CAST "ds", BAD_CAST dsig::kDsNamespace) == 0);
  std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> nodes(
      xmlXPathEvalExpression(BAD_CAST "(//. | //@* | //namespace::*)[ancestor-or-self::ds:SignatureValue]",
                             context.get()),
      &xmlXPathFreeObject);
  REQUIRE(nodes);
  REQUIRE(nodes->nodesetval != nullptr);
  xmlChar* text = nullptr;
  const int length = xmlC14NDocDumpMemory(doc.get(), nodes->nodesetval, XML_C14N_1_1, nullptr, 0, &text);
  REQUIRE(length > 0);
  std::string canonical(reinterpret_cast<char*>(text), static_cast<size_t>(length));
  xmlFree(text);
  return canonical;
}

// The text between <xades:`element` ...> and its end tag.
std::string Content(const std::string& xml, const std::string& element) {
  const size_t open = xml.find("<xades:" + element);
  REQUIRE(open != std::string::npos);
  const size_t begin = xml.find('>', open) + 1;
  const size_t end = xml.find("</xades:" + element + ">", begin);
  REQUIRE(end != std::string::npos);
  return xml.substr(begin, end - begin);
}

// `signatures` in a container around the PDF it signs, as an upload would bring it.
std::string Rewrapped(const std::string& signatures) {
  return WriteAsiceContainer({{kPdfName, "application/pdf", kPdf}}, signatures, stamping_test::ExampleTime());
}

}  // namespace

TEST_CASE("an LT container verifies in xmlsec1, and not after one changed byte of the PDF",
          "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  const AsiceSealer sealer(setup.key, &services);
  CHECK(sealer.Level() == std::string(kutse::stamping::kLevelBaselineLT));
  CHECK(AsiceSealer(setup.key).Level() == std::string(kutse::stamping::kLevelBaselineB));
  const std::string folder = Unpack(setup.dir, sealer.Seal(kPdf, kPdfName, stamping_test::ExampleTime()));
  CHECK(services.TimeStampCalls() == 1);
  CHECK(services.OcspCalls() == 1);

  const std::string trust = "--trusted-pem '" + setup.material.ca_file + "'";
  const auto verified = stamping_test::XmlsecVerify(folder, trust);
  INFO(verified.output);
  CHECK(verified.exit_code == 0);
  CHECK(verified.output.find("OK") != std::string::npos);

  std::string pdf = ReadFile(folder + "/" + kPdfName);
  pdf[12] = static_cast<char>(pdf[12] ^ 0x01);
  setup.dir.Write(std::string("x/") + kPdfName, pdf);
  const auto tampered = stamping_test::XmlsecVerify(folder, trust);
  INFO(tampered.output);
  CHECK(tampered.exit_code != 0);
  CHECK(tampered.output.find("FAIL") != std::string::npos);
}

TEST_CASE("the LT elements sit where libdigidocpp puts them, and openssl accepts them", "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  const std::string container = setup.Container(services);
  const std::string folder = Unpack(setup.dir, container);
  const std::string file = folder + "/META-INF/signatures0.xml";
  const std::string xades = "[namespace-uri()='http://uri.etsi.org/01903/v1.3.2#']";
  const std::string qualifying = "//*[local-name()='QualifyingProperties']" + xades;
  const std::string usp = qualifying + "/*[local-name()='UnsignedProperties']" + xades +
                          "/*[local-name()='UnsignedSignatureProperties']" + xades;

  // After the SignedProperties, the three in this order, with libdigidocpp's Ids.
  CHECK(XPath(file, "count(" + qualifying + "/*)") == "2");
  CHECK(XPath(file, "local-name(" + qualifying + "/*[2])") == "UnsignedProperties");
  CHECK(XPath(file, "count(" + usp + "/*)") == "3");
  CHECK(XPath(file, "local-name(" + usp + "/*[1])") == "SignatureTimeStamp");
  CHECK(XPath(file, "local-name(" + usp + "/*[2])") == "CertificateValues");
  CHECK(XPath(file, "local-name(" + usp + "/*[3])") == "RevocationValues");
  CHECK(XPath(file, "string(" + usp + "/*[1]/@Id)") == "S0-T0");
  CHECK(XPath(file,
              "string(" + usp +
                  "/*[1]/*[local-name()='CanonicalizationMethod'][namespace-uri()='http://www.w3.org/2000/"
                  "09/xmldsig#']/@Algorithm)") == "http://www.w3.org/2006/12/xml-c14n11");
  CHECK(XPath(file, "count(" + usp + "/*[1]/*[local-name()='EncapsulatedTimeStamp']" + xades + ")") == "1");
  CHECK(XPath(file, "count(" + usp + "/*[2]/*[local-name()='EncapsulatedX509Certificate']" + xades + ")") ==
        "1");
  CHECK(XPath(file, "string(" + usp + "/*[2]/*[1]/@Id)") == "S0-CA-CERT");
  const std::string ocsp_value =
      usp + "/*[3]/*[local-name()='OCSPValues']" + xades + "/*[local-name()='EncapsulatedOCSPValue']" + xades;
  CHECK(XPath(file, "count(" + ocsp_value + ")") == "1");
  CHECK(XPath(file, "string(" + ocsp_value + "/@Id)") == "N0");

  // CertificateValues holds the seal certificate's CA.
  const std::string ca = setup.dir.Write("values_ca.b64", XPath(file, "string(" + usp + "/*[2]/*[1])"));
  const auto ca_fingerprint =
      Run("base64 -d " + ca + " | openssl x509 -inform DER -noout -fingerprint -sha256");
  CHECK(ca_fingerprint.output ==
        Run("openssl x509 -in '" + setup.material.ca_file + "' -noout -fingerprint -sha256").output);

  // openssl ts -verify: the token's imprint is the SHA-256 of the canonical SignatureValue, its
  // signature good and its TSA certificate issued by the CA.
  const std::string xml = ReadFile(file);
  const std::string canonical = CanonicalSignatureValue(xml);
  CHECK(canonical.rfind("<ds:SignatureValue xmlns:asic=", 0) == 0);  // the inherited namespaces are in it
  const std::string token = setup.dir.Write(
      "token.der",
      *dsig::FromBase64(XPath(file, "string(" + usp + "/*[1]/*[local-name()='EncapsulatedTimeStamp'])")));
  const auto ts =
      Run("openssl ts -verify -token_in -in " + token + " -digest " + kutse::common::Sha256Hex(canonical) +
          " -CAfile '" + setup.material.ca_file + "' -untrusted " + services.TsaCertificateFile());
  INFO(ts.output);
  CHECK(ts.exit_code == 0);
  CHECK(ts.output.find("Verification: OK") != std::string::npos);
  const auto other = Run("openssl ts -verify -token_in -in " + token + " -digest " +
                         kutse::common::Sha256Hex(canonical + " ") + " -CAfile '" + setup.material.ca_file +
                         "' -untrusted " + services.TsaCertificateFile());
  CHECK(other.exit_code != 0);

  // openssl ocsp -respin: the encapsulated response says the seal certificate is good.
  const std::string response =
      setup.dir.Write("response.der", *dsig::FromBase64(XPath(file, "string(" + ocsp_value + ")")));
  const auto ocsp =
      Run("openssl ocsp -respin " + response + " -issuer '" + setup.material.ca_file + "' -cert '" +
          setup.dir.Path() + "/seal_only.pem' -CAfile '" + setup.material.ca_file + "'");
  INFO(ocsp.output);
  CHECK(ocsp.exit_code == 0);
  CHECK(ocsp.output.find("Response verify OK") != std::string::npos);
  CHECK(ocsp.output.find("seal_only.pem: good") != std::string::npos);
}

TEST_CASE("the verifier says an LT container intact, the register's, B-LT at the TSA's time",
          "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  const auto before = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string container = setup.Container(services);
  const auto after = std::chrono::system_clock::now();

  std::chrono::system_clock::time_point asked_at{};
  const auto trust = TrustedBy(setup.ca.get());
  const auto check = VerifyAsice(
      container, [&](X509* signer, STACK_OF(X509) * carried, std::chrono::system_clock::time_point at) {
        asked_at = at;
        return trust(signer, carried, at);
      });
  CHECK(check.defect == SealDefect::kNone);
  CHECK(check.register_seal);
  CHECK(check.level == std::string("B-LT"));
  CHECK(check.covered_sha256 == kutse::common::Sha256Hex(kPdf));
  // The TSA's time, not the SigningTime the seal states (the example time, a day or more ago).
  REQUIRE(check.signed_at);
  CHECK(*check.signed_at != "2026-12-03T12:00:00.000Z");
  CHECK(*check.signed_at >= kutse::common::FormatTimestamp(before));
  CHECK(*check.signed_at <= kutse::common::FormatTimestamp(after));
  CHECK(kutse::common::FormatTimestamp(asked_at) == *check.signed_at);
}

TEST_CASE("a changed time-stamp or SignatureValue makes an LT seal not intact", "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  const std::string signatures = setup.Signatures(services);
  const auto trust = TrustedBy(setup.ca.get());
  REQUIRE(VerifyAsice(Rewrapped(signatures), trust).level == std::string("B-LT"));
  const std::string token = Content(signatures, "EncapsulatedTimeStamp");

  SECTION("a real token of the same TSA over other bytes") {
    const std::string foreign = dsig::Base64(services.TimeStampToken(kutse::common::Sha256("other bytes")));
    const auto check = VerifyAsice(Rewrapped(Replaced(signatures, token, foreign)), trust);
    CHECK(check.defect == SealDefect::kSignatureInvalid);
    CHECK_FALSE(check.register_seal);
    CHECK_FALSE(check.level);
  }
  SECTION("one changed byte inside the token") {
    std::string der = *dsig::FromBase64(token);
    const size_t at = der.find("Test TSA");
    REQUIRE(at != std::string::npos);
    der[at] = 'B';
    CHECK(VerifyAsice(Rewrapped(Replaced(signatures, token, dsig::Base64(der))), trust).defect ==
          SealDefect::kSignatureInvalid);
  }
  SECTION("a changed SignatureValue") {
    const std::string value = signatures.substr(signatures.find("<ds:SignatureValue"), 60);
    std::string changed = value;
    changed[50] = changed[50] == 'A' ? 'B' : 'A';
    CHECK(VerifyAsice(Rewrapped(Replaced(signatures, value, changed)), trust).defect ==
          SealDefect::kSignatureInvalid);
  }
  SECTION("a canonicalisation other than C14N 1.0 or 1.1 is not ours") {
    const std::string exclusive = Replaced(
        signatures,
        "<ds:CanonicalizationMethod Algorithm=\"" + std::string(dsig::kC14n11) + "\"/><xades:Encapsulated",
        "<ds:CanonicalizationMethod "
        "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/><xades:Encapsulated");
    CHECK(VerifyAsice(Rewrapped(exclusive), trust).defect == SealDefect::kMalformed);
  }
  SECTION("a second SignatureTimeStamp is not ours") {
    const size_t from = signatures.find("<xades:SignatureTimeStamp");
    const size_t to = signatures.find("<xades:CertificateValues");
    const std::string twice =
        signatures.substr(0, to) + signatures.substr(from, to - from) + signatures.substr(to);
    CHECK(VerifyAsice(Rewrapped(twice), trust).defect == SealDefect::kMalformed);
  }
  SECTION("a token that is not base64, or none") {
    CHECK(VerifyAsice(Rewrapped(Replaced(signatures, token, "")), trust).defect ==
          SealDefect::kSignatureInvalid);
    CHECK(VerifyAsice(Rewrapped(Replaced(signatures, token, "not*base64")), trust).defect ==
          SealDefect::kMalformed);
  }
}

TEST_CASE("without good revocation data the time-stamped seal is B-T", "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  const std::string signatures = setup.Signatures(services);
  const auto trust = TrustedBy(setup.ca.get());
  const std::string response = Content(signatures, "EncapsulatedOCSPValue");

  SECTION("no RevocationValues") {
    const size_t from = signatures.find("<xades:RevocationValues>");
    const size_t to =
        signatures.find("</xades:RevocationValues>") + std::string("</xades:RevocationValues>").size();
    std::string without = signatures;
    without.erase(from, to - from);
    const auto check = VerifyAsice(Rewrapped(without), trust);
    CHECK(check.Intact());
    CHECK(check.level == std::string("B-T"));
  }
  SECTION("an OCSP response that is not one") {
    const auto check =
        VerifyAsice(Rewrapped(Replaced(signatures, response, dsig::Base64("not OCSP"))), trust);
    CHECK(check.Intact());
    CHECK(check.level == std::string("B-T"));
  }
  SECTION("an OCSP response that says the seal certificate is revoked") {
    CliTrustServices revoking(setup.dir, true);
    const std::string revoked = setup.Signatures(revoking);
    const auto check = VerifyAsice(Rewrapped(revoked), trust);
    CHECK(check.Intact());
    CHECK(check.level == std::string("B-T"));
  }
  SECTION("an OCSP response with one changed byte") {
    std::string der = *dsig::FromBase64(response);
    // The response's own RSA-2048 signature is the first 257-byte BIT STRING (the responder
    // certificate's come after it).
    const size_t signature = der.find(std::string("\x03\x82\x01\x01\x00", 5));
    REQUIRE(signature != std::string::npos);
    der[signature + 20] = static_cast<char>(der[signature + 20] ^ 0x01);
    const auto check = VerifyAsice(Rewrapped(Replaced(signatures, response, dsig::Base64(der))), trust);
    CHECK(check.Intact());
    CHECK(check.level == std::string("B-T"));
  }
}

TEST_CASE("the unsigned properties of an upload are bounded in count and kind", "[stamping][lt]") {
  Setup setup;
  const std::string signatures = setup.Signatures(setup.services);
  const auto trust = TrustedBy(setup.ca.get());
  const std::string response = "<xades:EncapsulatedOCSPValue Id=\"N0\">" +
                               Content(signatures, "EncapsulatedOCSPValue") +
                               "</xades:EncapsulatedOCSPValue>";
  const std::string certificate = "<xades:EncapsulatedX509Certificate Id=\"S0-CA-CERT\">" +
                                  Content(signatures, "EncapsulatedX509Certificate") +
                                  "</xades:EncapsulatedX509Certificate>";
  std::string four_responses;
  std::string eight_certificates;
  for (int i = 0; i < 4; ++i)
    four_responses += response;
  for (int i = 0; i < 8; ++i)
    eight_certificates += certificate;
  // As many as allowed still make B-LT; one more is not of our kind.
  CHECK(VerifyAsice(Rewrapped(Replaced(signatures, response, four_responses)), trust).level ==
        std::string("B-LT"));
  CHECK(VerifyAsice(Rewrapped(Replaced(signatures, response, four_responses + response)), trust).defect ==
        SealDefect::kMalformed);
  CHECK(VerifyAsice(Rewrapped(Replaced(signatures, certificate, eight_certificates)), trust).level ==
        std::string("B-LT"));
  CHECK(VerifyAsice(Rewrapped(Replaced(signatures, certificate, eight_certificates + certificate)), trust)
            .defect == SealDefect::kMalformed);
  // Something else than a certificate in CertificateValues, a second UnsignedProperties.
  CHECK(VerifyAsice(Rewrapped(Replaced(signatures, Content(signatures, "EncapsulatedX509Certificate"),
                                       dsig::Base64("not a certificate"))),
                    trust)
            .defect == SealDefect::kMalformed);
  const size_t from = signatures.find("<xades:UnsignedProperties>");
  const size_t to =
      signatures.find("</xades:UnsignedProperties>") + std::string("</xades:UnsignedProperties>").size();
  const std::string twice =
      signatures.substr(0, to) + signatures.substr(from, to - from) + signatures.substr(to);
  CHECK(VerifyAsice(Rewrapped(twice), trust).defect == SealDefect::kMalformed);
  // Seventeen elements in UnsignedSignatureProperties.
  std::string crowded = signatures;
  for (int i = 0; i < 14; ++i)
    crowded = Replaced(crowded, "</xades:UnsignedSignatureProperties>",
                       "<xades:Other/></xades:UnsignedSignatureProperties>");
  CHECK(VerifyAsice(Rewrapped(crowded), trust).defect == SealDefect::kMalformed);
  CHECK(VerifyAsice(Rewrapped(Replaced(crowded, "<xades:Other/>", "")), trust).level == std::string("B-LT"));
}

TEST_CASE("a TSA that is down gives TrustServiceUnavailable and no container", "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  services.GoDown();
  const AsiceSealer sealer(setup.key, &services);
  CHECK_THROWS_AS(sealer.Seal(kPdf, kPdfName, stamping_test::ExampleTime()), TrustServiceUnavailable);
  CHECK(services.TimeStampCalls() == 1);
  CHECK(services.OcspCalls() == 0);  // the time-stamp is asked first
}

TEST_CASE("LT needs the seal certificate's issuer in its chain", "[stamping][lt]") {
  Setup setup;
  CliTrustServices& services = setup.services;
  const SealKey alone =
      SealKey::Load(setup.material.key_pem, ReadFile(setup.dir.Path() + "/seal_only.pem"), "");
  CHECK_THROWS_AS(AsiceSealer(alone, &services).Seal(kPdf, kPdfName, stamping_test::ExampleTime()),
                  std::runtime_error);
  CHECK(services.TimeStampCalls() == 0);
}
