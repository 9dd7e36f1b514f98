// The PAdES seal at baseline LT, made with the real openssl TSA and OCSP responder of
// stamping_test::CliTrustServices and checked with the real tools: pdfsig, qpdf, `openssl ts -verify`,
// `openssl ocsp -respin`.
#include <openssl/sha.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <iomanip>
#include <memory>
#include <regex>
#include <sstream>
#include <vector>

#include "domain/stamp.hpp"
#include "kutse/common/sha256.hpp"
#include "pades_test_support.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_fixtures.hpp"
#include "trust_services_fixture.hpp"

namespace seal = kutse::stamping::seal;
using stamping_test::Run;

namespace {

std::string Hex(const std::string& bytes, bool upper) {
  std::ostringstream out;
  out << std::hex << std::setfill('0') << (upper ? std::uppercase : std::nouppercase);
  for (unsigned char c : bytes) {
    out << std::setw(2) << static_cast<int>(c);
  }
  return out.str();
}

// What a test reads out of an LT file, independently of the service's own parser.
struct LtParts {
  size_t signed_end = 0;  // where the signed revision ends (the end of /ByteRange's second range)
  std::string contents;   // the /Contents bytes, zeros after the CMS included
  std::string update;     // everything after the signed revision
};

LtParts Parts(const std::string& pdf) {
  std::smatch match;
  const std::regex byte_range(R"(/ByteRange\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])");
  REQUIRE(std::regex_search(pdf, match, byte_range));
  const size_t b = std::stoul(match[2]), c = std::stoul(match[3]), d = std::stoul(match[4]);
  LtParts parts;
  parts.signed_end = c + d;
  const std::string hex = pdf.substr(b + 1, c - b - 2);
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    parts.contents.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  parts.update = pdf.substr(parts.signed_end);
  return parts;
}

// The bytes of stream object `number` in `update` (written with a direct /Length).
std::string StreamOf(const std::string& update, const std::string& number) {
  std::smatch match;
  const std::regex object("(^|\\n)" + number + R"( 0 obj\s*<<\s*/Length (\d+)\s*>>\s*stream\r?\n)");
  REQUIRE(std::regex_search(update, match, object));
  return update.substr(static_cast<size_t>(match.position(0) + match.length(0)), std::stoul(match[2]));
}

std::vector<std::string> ReferencedBy(const std::string& update, const std::string& key) {
  std::smatch match;
  REQUIRE(std::regex_search(update, match, std::regex("/" + key + R"(\s*\[([^\]]*)\])")));
  const std::string list = match[1];
  std::vector<std::string> numbers;
  const std::regex reference(R"((\d+) 0 R)");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), reference); it != std::sregex_iterator();
       ++it) {
    numbers.push_back((*it)[1]);
  }
  return numbers;
}

// Records the order in which the sealer asks its trust services.
class RecordingTrustServices : public seal::TrustServices {
 public:
  explicit RecordingTrustServices(const stamping_test::CliTrustServices& real) : real_(real) {}
  std::string TimeStampToken(const std::string& sha256) const override {
    asked_ += "tsa ";
    return real_.TimeStampToken(sha256);
  }
  std::string OcspResponse(X509* certificate, X509* issuer) const override {
    asked_ += "ocsp ";
    return real_.OcspResponse(certificate, issuer);
  }
  const std::string& Asked() const { return asked_; }

 private:
  const stamping_test::CliTrustServices& real_;
  mutable std::string asked_;
};

using LtFixture = stamping_test::LtSealMaterial;

std::string SealLt(const LtFixture& f, const seal::TrustServices& services) {
  return seal::PadesSealer(f.key, &services)
      .Seal(f.unsealed, stamping_test::ExampleTime(), "Väljavõte kutseregistrist");
}

}  // namespace

TEST_CASE("an LT seal is valid in pdfsig, its signed revision a prefix, and invalid after a changed byte",
          "[stamping][lt]") {
  LtFixture f;
  RecordingTrustServices services(f.services);
  CHECK(std::string(seal::PadesSealer(f.key, &services).Level()) == kutse::stamping::kLevelBaselineLT);
  CHECK(std::string(seal::PadesSealer(f.key).Level()) == kutse::stamping::kLevelBaselineB);
  const std::string sealed = SealLt(f, services);
  // The time-stamp first, the OCSP response after it (so it is the newer), each once.
  CHECK(services.Asked() == "tsa ocsp ");
  CHECK(sealed.compare(0, f.unsealed.size(), f.unsealed) == 0);
  const LtParts parts = Parts(sealed);
  REQUIRE(parts.signed_end < sealed.size());
  CHECK(parts.update.find("/ByteRange") == std::string::npos);  // no second signature

  // The signed revision alone is the B-T file pdfsig checked; the whole file with its DSS as well.
  REQUIRE(stamping_test::HaveTool("pdfsig"));
  const std::string report = Run("pdfsig " + f.dir.Write("lt.pdf", sealed)).output;
  INFO(report);
  CHECK(report.find("Signature is Valid.") != std::string::npos);
  CHECK(report.find("Signature Type: ETSI.CAdES.detached") != std::string::npos);
  // Another parser (PoDoFo's, following the last cross-reference section and its /Prev) finds the
  // DSS in the catalog, with its arrays.
  PoDoFo::PdfMemDocument document;
  document.LoadFromBuffer(sealed.data(), static_cast<long>(sealed.size()));
  const PoDoFo::PdfObject* dss = document.GetCatalog()->GetIndirectKey("DSS");
  REQUIRE(dss != nullptr);
  REQUIRE(dss->IsDictionary());
  CHECK(dss->GetIndirectKey("OCSPs")->GetArray().size() == 1);
  CHECK(dss->GetIndirectKey("Certs")->GetArray().size() == 3);
  CHECK(document.GetPageCount() == 1);

  std::string tampered = sealed;
  const size_t comment = tampered.find('\n') + 2;  // in the header's binary comment: still a PDF
  tampered[comment] = static_cast<char>(tampered[comment] ^ 0x01);
  const std::string broken = Run("pdfsig " + f.dir.Write("broken.pdf", tampered)).output;
  INFO(broken);
  CHECK(broken.find("Signature is Valid.") == std::string::npos);
}

TEST_CASE("openssl ts -verify accepts the signature time-stamp over the signature value", "[stamping][lt]") {
  LtFixture f;
  const std::string sealed = SealLt(f, f.services);
  const auto stamped = stamping_test::SignatureTimeStampOf(Parts(sealed).contents);
  const std::string digest = Hex(kutse::common::Sha256(stamped.signature_value), false);
  const auto verified =
      Run("openssl ts -verify -token_in -in " + f.dir.Write("token.der", stamped.token) + " -digest " +
          digest + " -CAfile " + f.material.ca_file + " -untrusted " + f.services.TsaCertificateFile());
  INFO(verified.output);
  CHECK(verified.exit_code == 0);
  CHECK(verified.output.find("Verification: OK") != std::string::npos);
  // Over anything else it fails: the imprint is the signature value's.
  const std::string other = Hex(kutse::common::Sha256(stamped.signature_value + "x"), false);
  CHECK(Run("openssl ts -verify -token_in -in " + f.dir.Path() + "/token.der -digest " + other + " -CAfile " +
            f.material.ca_file + " -untrusted " + f.services.TsaCertificateFile())
            .exit_code != 0);
}

TEST_CASE("the DSS holds the OCSP response openssl reads as good, the certificates and the VRI",
          "[stamping][lt]") {
  LtFixture f;
  const std::string sealed = SealLt(f, f.services);
  const LtParts parts = Parts(sealed);
  INFO(parts.update.substr(parts.update.rfind("/Type/DSS")));
  // The catalog of the update points at the DSS.
  std::smatch dss;
  REQUIRE(std::regex_search(parts.update, dss, std::regex(R"(/Type/Catalog)")));
  REQUIRE(std::regex_search(parts.update, dss, std::regex(R"(obj<</DSS (\d+) 0 R)")));
  CHECK(parts.update.find(dss[1].str() + " 0 obj<</Type/DSS") != std::string::npos);

  const auto responses = ReferencedBy(parts.update, "OCSPs");
  REQUIRE(responses.size() == 1);
  const std::string response = f.dir.Write("response.der", StreamOf(parts.update, responses[0]));
  const auto read = Run("openssl ocsp -respin " + response + " -issuer " + f.material.ca_file + " -cert " +
                        f.dir.Path() + "/seal_only.pem -CAfile " + f.material.ca_file);
  INFO(read.output);
  CHECK(read.exit_code == 0);
  CHECK(read.output.find("Response verify OK") != std::string::npos);
  CHECK(read.output.find(": good") != std::string::npos);

  // The CA above the seal certificate, the TSA's and the OCSP responder's certificates, each once.
  std::vector<std::string> subjects;
  for (const std::string& number : ReferencedBy(parts.update, "Certs")) {
    const std::string file = f.dir.Write("c" + number + ".der", StreamOf(parts.update, number));
    subjects.push_back(Run("openssl x509 -inform DER -noout -subject -in " + file, false).output);
  }
  CHECK(subjects.size() == 3);
  const auto has = [&subjects](const std::string& name) {
    return std::count_if(subjects.begin(), subjects.end(),
                         [&name](const std::string& s) { return s.find(name) != std::string::npos; });
  };
  CHECK(has("CN = Test TSA") == 1);
  CHECK(has("CN = Test OCSP") == 1);
  CHECK(has("e-seal") == 0);  // the seal certificate is in the CMS, not needed again
  CHECK(subjects.size() - static_cast<size_t>(has("Test TSA") + has("Test OCSP")) == 1);  // the CA

  // The VRI is keyed by the upper-case hex SHA-1 of the signature's /Contents.
  unsigned char sha1[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(parts.contents.data()), parts.contents.size(), sha1);
  const std::string key = Hex(std::string(reinterpret_cast<char*>(sha1), sizeof sha1), true);
  CHECK(parts.update.find("/VRI<</" + key + "<<") != std::string::npos);
}

TEST_CASE("a trust service that is down or says revoked leaves no seal at all", "[stamping][lt]") {
  LtFixture f;
  SECTION("the TSA down: nothing else is asked") {
    f.services.GoDown();
    CHECK_THROWS_AS(SealLt(f, f.services), seal::TrustServiceUnavailable);
    CHECK(f.services.TimeStampCalls() == 1);
    CHECK(f.services.OcspCalls() == 0);
  }
  SECTION("a seal certificate whose issuer is not in its chain: refused before anything is asked") {
    const auto made =
        Run("cd '" + f.dir.Path() +
            "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout alone_key.pem -out alone.pem "
            "-days 2 -subj '/CN=Alone' 2>&1");
    REQUIRE(made.exit_code == 0);
    const auto alone = seal::SealKey::Load(stamping_test::ReadFile(f.dir.Path() + "/alone_key.pem"),
                                           stamping_test::ReadFile(f.dir.Path() + "/alone.pem"), "");
    CHECK_THROWS_WITH(
        seal::PadesSealer(alone, &f.services).Seal(f.unsealed, stamping_test::ExampleTime(), "x"),
        Catch::Contains("issuer"));
    CHECK(f.services.TimeStampCalls() == 0);
  }
  SECTION("the seal certificate revoked") {
    stamping_test::CliTrustServices revoked(f.dir, true);
    CHECK_THROWS_AS(SealLt(f, revoked), seal::TrustServiceUnavailable);
    CHECK(revoked.TimeStampCalls() == 1);
    CHECK(revoked.OcspCalls() == 1);
  }
}
