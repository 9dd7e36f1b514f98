// The PAdES verifier on baseline LT seals (real openssl TSA and OCSP responder): the signature
// time-stamp, the DSS update it accepts, and every other kind of later change it refuses.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "pades_test_support.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_fixtures.hpp"
#include "trust_services_fixture.hpp"
#include "verify/pades_verifier.hpp"
#include "verify/time_stamp_check.hpp"

namespace seal = kutse::stamping::seal;
namespace verify = kutse::stamping::verify;
using verify::SealDefect;

namespace {

size_t SignedEnd(const std::string& pdf) {
  std::smatch match;
  REQUIRE(std::regex_search(pdf, match, std::regex(R"(/ByteRange\[\s*0\s+\d+\s+(\d+)\s+(\d+)\s*\])")));
  return std::stoul(match[1]) + std::stoul(match[2]);
}

std::string Last(const std::string& text, const std::string& pattern) {
  std::string found;
  const std::regex expression(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), expression); it != std::sregex_iterator();
       ++it) {
    found = (*it)[1];
  }
  REQUIRE_FALSE(found.empty());
  return found;
}

// One object of an update: its number and what stands between "N 0 obj" and "endobj".
struct Object {
  unsigned number;
  std::string body;
};

// The objects of the sealer's DSS update, read back by hand (streams skipped by their /Length).
std::vector<Object> ObjectsOf(const std::string& update) {
  std::vector<Object> objects;
  size_t at = 0;
  std::smatch match;
  const std::regex head(R"(^(\d+) 0 obj)");
  while (std::regex_search(update.cbegin() + static_cast<long>(at), update.cend(), match, head)) {
    const unsigned number = static_cast<unsigned>(std::stoul(match[1]));
    const size_t body = at + static_cast<size_t>(match.length(0));
    size_t end = update.find("endobj\n", body);
    const size_t stream = update.find(">>stream\n", body);
    if (stream != std::string::npos && stream < end) {
      const size_t length = std::stoul(update.substr(update.find("/Length ", body) + 8));
      end = update.find("endobj\n", stream + 9 + length);
    }
    objects.push_back({number, update.substr(body, end - body)});
    at = end + 7;
  }
  return objects;
}

// An update after `signed_part` made of `objects`, one cross-reference subsection each (plus
// `extra_xref`), and a trailer like the sealer's: to build the updates the sealer would never write.
std::string WithUpdate(const std::string& signed_part, const std::vector<Object>& objects,
                       const std::string& extra_xref = "", long offset_shift = 0) {
  const std::string prev = Last(signed_part, R"(startxref\s+(\d+))");
  const std::string id = Last(signed_part, R"(/ID\s*(\[[^\]]*\]))");
  unsigned size = static_cast<unsigned>(std::stoul(Last(signed_part, R"(/Size (\d+))")));
  std::string out = signed_part;
  std::string xref = "xref\n0 1\n0000000000 65535 f \n" + extra_xref;
  for (const Object& object : objects) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%u 1\n%010ld 00000 n \n", object.number,
                  static_cast<long>(out.size()) + offset_shift);
    xref += entry;
    out += std::to_string(object.number) + " 0 obj" + object.body + "endobj\n";
    size = std::max(size, object.number + 1);
  }
  const size_t xref_at = out.size();
  out += xref + "trailer\n<</ID " + id + "/Info 2 0 R/Prev " + prev + "/Root 1 0 R/Size " +
         std::to_string(size) + ">>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return out;
}

// The signature time-stamp's genTime, read by the project's own check (tested on its own).
std::string TimeOfToken(const std::string& pdf) {
  const size_t open = pdf.find("/Contents<") + 10;
  std::string der;
  for (size_t i = open; pdf[i] != '>'; i += 2) {
    der.push_back(static_cast<char>(std::stoi(pdf.substr(i, 2), nullptr, 16)));
  }
  const auto stamped = stamping_test::SignatureTimeStampOf(der);
  const auto facts = verify::CheckTimeStamp(stamped.token, stamped.signature_value, nullptr);
  REQUIRE(facts);
  return kutse::common::FormatTimestamp(facts->gen_time);
}

// One LT seal made once: RSA keys and the openssl TSA take a while. /M is an hour before the
// TSA's time, so which of the two the verifier reports shows.
struct LtFixture : stamping_test::LtSealMaterial {
  const std::string& pdf = unsealed;
  std::chrono::system_clock::time_point stated = stamping_test::NowToTheSecond() - std::chrono::hours(1);
  std::string sealed = seal::PadesSealer(key, &services).Seal(pdf, stated, "Kutseregistri e-tempel");
  std::string sealed_bb =
      seal::PadesSealer(key).Seal(pdf, stamping_test::NowToTheSecond(), "Kutseregistri e-tempel");
  verify::TrustAnchors anchors = verify::TrustAnchors::FromPem(material.ca_pem);
  size_t signed_end = SignedEnd(sealed);
  std::string signed_part = sealed.substr(0, signed_end);
  std::vector<Object> objects = ObjectsOf(sealed.substr(signed_end));
};

LtFixture& Shared() {
  static LtFixture fixture;
  return fixture;
}

// The update's objects with the catalog's body replaced.
std::vector<Object> WithCatalog(const std::vector<Object>& objects, const std::string& from,
                                const std::string& to) {
  std::vector<Object> changed = objects;
  for (Object& object : changed) {
    if (object.number == 1) {
      REQUIRE(object.body.find(from) != std::string::npos);
      object.body.replace(object.body.find(from), from.size(), to);
    }
  }
  return changed;
}

}  // namespace

TEST_CASE("an LT seal is intact, the register's, B-LT, and dated by its TSA", "[stamping][lt]") {
  LtFixture& f = Shared();
  REQUIRE(f.objects.size() == 6);  // three certificates, one OCSP response, the DSS, the catalog
  const auto check = verify::VerifyPades(f.sealed, f.anchors);
  REQUIRE(check.defect == SealDefect::kNone);
  CHECK(check.register_seal);
  CHECK(check.level == std::string("B-LT"));
  CHECK(check.signed_at == TimeOfToken(f.sealed));
  CHECK(check.signed_at != kutse::common::FormatTimestamp(f.stated));  // not /M
  CHECK(check.covered_sha256 == kutse::common::Sha256Hex(f.sealed));

  // The signed revision alone is B-T; the same update built again by the test's own writer is
  // accepted too (so the refusals below are for what each one changes, not for the writer).
  const auto signed_only = verify::VerifyPades(f.signed_part, f.anchors);
  CHECK(signed_only.Intact());
  CHECK(signed_only.level == std::string("B-T"));
  const auto rebuilt = verify::VerifyPades(WithUpdate(f.signed_part, f.objects), f.anchors);
  CHECK(rebuilt.Intact());
  CHECK(rebuilt.level == std::string("B-LT"));
  // A B-B seal stays B-B, also with a DSS beside it (LT needs the time-stamp).
  CHECK(verify::VerifyPades(f.sealed_bb, f.anchors).level == std::string("B-B"));
  const auto bb_with_dss = verify::VerifyPades(WithUpdate(f.sealed_bb, f.objects), f.anchors);
  CHECK(bb_with_dss.Intact());
  CHECK(bb_with_dss.level == std::string("B-B"));
}

TEST_CASE("anything but the DSS update after the signed revision leaves the seal not intact",
          "[stamping][lt]") {
  LtFixture& f = Shared();
  std::vector<std::pair<std::string, std::string>> cases;
  cases.emplace_back("bytes appended after the DSS update", f.sealed + "\n% added later\n");
  cases.emplace_back("a second update after the DSS update", WithUpdate(f.sealed, {f.objects.back()}));
  std::vector<Object> page = f.objects;
  page.insert(page.begin(), {30, "<</Type/Page/Parent 3 0 R/MediaBox[0 0 595 842]/Contents 13 0 R>>\n"});
  cases.emplace_back("a page object added", WithUpdate(f.signed_part, page));
  cases.emplace_back("the catalog's page tree changed",
                     WithUpdate(f.signed_part, WithCatalog(f.objects, "/Pages 3 0 R", "/Pages 12 0 R")));
  cases.emplace_back(
      "an action added to the catalog",
      WithUpdate(f.signed_part, WithCatalog(f.objects, "/Lang(et)", "/Lang(et)/OpenAction 13 0 R")));
  cases.emplace_back("the catalog without the DSS",
                     WithUpdate(f.signed_part, WithCatalog(f.objects, "/DSS 29 0 R", "")));
  std::vector<Object> content = f.objects;
  content.insert(content.begin(), {13, "<</Length 9>>stream\nBT ET q Q\nendstream\n"});
  cases.emplace_back("the page's content stream redefined", WithUpdate(f.signed_part, content));
  std::vector<Object> old_stream = f.objects;
  for (Object& object : old_stream) {
    if (object.number == 29) {
      object.body.replace(object.body.find("/OCSPs[ 28 0 R]"), 15, "/OCSPs[ 13 0 R]");
    }
  }
  cases.emplace_back("the DSS naming an object of the signed revision",
                     WithUpdate(f.signed_part, old_stream));
  cases.emplace_back("an object freed", WithUpdate(f.signed_part, f.objects, "12 1\n0000000000 00001 f \n"));
  cases.emplace_back("cross-reference offsets pointing elsewhere",
                     WithUpdate(f.signed_part, f.objects, "", 1));
  std::vector<Object> filtered = f.objects;
  filtered[0].body.replace(filtered[0].body.find("<</Length"), 9, "<</Filter/FlateDecode/Length");
  cases.emplace_back("a stream that is not plainly a certificate", WithUpdate(f.signed_part, filtered));
  std::string no_eof = f.sealed;
  no_eof.resize(no_eof.rfind("%%EOF"));
  cases.emplace_back("an update without its end", no_eof);
  std::vector<Object> signature = f.objects;
  signature.insert(signature.begin(),
                   {30, "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached>>\n"});
  cases.emplace_back("a signature dictionary in the update", WithUpdate(f.signed_part, signature));
  for (const auto& [what, pdf] : cases) {
    CAPTURE(what);
    const auto check = verify::VerifyPades(pdf, f.anchors);
    CHECK(check.defect == SealDefect::kDigestMismatch);  // the seal does not cover what came after it
    CHECK_FALSE(check.register_seal);
  }
  // A later signature of its own is what the verifier reads then, and it is not of our kind.
  std::string second = f.sealed;
  second.insert(second.rfind("xref\n"), "31 0 obj<</Type/Sig/ByteRange[0 1 2 3]>>\nendobj\n");
  CHECK(verify::VerifyPades(second, f.anchors).defect == SealDefect::kMalformed);
}

TEST_CASE("a signature time-stamp that does not verify makes the signature invalid", "[stamping][lt]") {
  LtFixture& f = Shared();
  // The token's genTime (GeneralizedTime, tag 0x18, 15 bytes) is in the unsigned attributes, which
  // the seal's own signature does not cover: a changed second breaks only the TSA's signature.
  std::string tampered = f.sealed;
  const size_t open = tampered.find("/Contents<") + 10;
  size_t time = tampered.find("180F3230", open);
  if (time == std::string::npos) {
    time = tampered.find("180f3230", open);
  }
  REQUIRE(time != std::string::npos);
  char& second = tampered[time + 4 + 2 * 13 + 1];  // the last digit of the seconds
  second = second == '0' ? '1' : '0';
  const auto check = verify::VerifyPades(tampered, f.anchors);
  CHECK(check.defect == SealDefect::kSignatureInvalid);
  CHECK_FALSE(check.register_seal);
}

TEST_CASE("a DSS whose OCSP response says the seal was revoked leaves the seal B-T", "[stamping][lt]") {
  LtFixture& f = Shared();
  // A responder of the same CA whose index says the seal certificate is revoked.
  stamping_test::TempDir other;
  for (const char* name : {"ca.pem", "ca_key.pem", "seal_only.pem"}) {
    other.Write(name, stamping_test::ReadFile(f.dir.Path() + "/" + name));
  }
  stamping_test::CliTrustServices revoked(other, true);
  const std::string response = revoked.OcspResponse(f.key.Certificate(), sk_X509_value(f.key.Chain(), 0));

  const Object* dss = nullptr;
  for (const Object& object : f.objects) {
    if (object.body.find("/OCSPs") != std::string::npos) {
      dss = &object;
    }
  }
  REQUIRE(dss != nullptr);
  const unsigned ocsp_number =
      static_cast<unsigned>(std::stoul(dss->body.substr(dss->body.find('[', dss->body.find("/OCSPs")) + 1)));
  std::vector<Object> objects = f.objects;
  for (Object& object : objects) {
    if (object.number != ocsp_number) {
      continue;
    }
    const size_t data = object.body.find(">>stream\n") + 9;
    const size_t length = std::stoul(object.body.substr(object.body.find("/Length ") + 8));
    object.body = "<</Length " + std::to_string(response.size()) + ">>stream\n" + response +
                  object.body.substr(data + length);
  }
  const auto check = verify::VerifyPades(WithUpdate(f.signed_part, objects), f.anchors);
  CHECK(check.Intact());
  CHECK(check.register_seal);
  CHECK(check.level == std::string("B-T"));
  // The same update with the good response is LT, so the response is what decides.
  CHECK(verify::VerifyPades(WithUpdate(f.signed_part, f.objects), f.anchors).level == std::string("B-LT"));
}
