#include "seal/pades_sealer.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <regex>
#include <thread>
#include <vector>

#include "pades_test_support.hpp"
#include "stamping_fixtures.hpp"

using kutse::stamping::seal::PadesSealer;
using kutse::stamping::seal::SealKey;
using stamping_test::Run;
using stamping_test::TempDir;

namespace {

// A PEM header with no key after it, put together here so that no key marker stands in the source.
const std::string kNotAKey = std::string("-----BEGIN ") + "PRIVATE KEY-----\nnot a key\n";

std::string Sealed(const SealKey& key, const std::string& pdf) {
  return PadesSealer(key).Seal(pdf, stamping_test::ExampleTime(), "Väljavõte kutseregistrist");
}

std::string Pdfsig(const TempDir& dir, const std::string& pdf) {
  REQUIRE(stamping_test::HaveTool("pdfsig"));
  const auto result = Run("pdfsig " + dir.Write("sealed.pdf", pdf));
  return result.output;
}

// The signed bytes (the two ranges of /ByteRange) and the CMS in /Contents.
struct SignedParts {
  std::string covered;
  std::string cms;
};

SignedParts Parts(const std::string& pdf) {
  std::smatch match;
  const std::regex byte_range(R"(/ByteRange\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\])");
  REQUIRE(std::regex_search(pdf, match, byte_range));
  const size_t a = std::stoul(match[1]), b = std::stoul(match[2]), c = std::stoul(match[3]),
               d = std::stoul(match[4]);
  REQUIRE(a == 0);
  REQUIRE(c + d == pdf.size());  // the ranges reach the end of the file
  SignedParts parts{pdf.substr(a, b) + pdf.substr(c, d), {}};
  const std::string hex = pdf.substr(b + 1, c - b - 2);  // between < and >
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    parts.cms.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return parts;
}

using Cms = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;
Cms ParseCms(const std::string& der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  return Cms(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())), &CMS_ContentInfo_free);
}

}  // namespace

TEST_CASE("pdfsig finds the PAdES seal valid, over the whole file, and invalid after one changed byte") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const std::string sealed = Sealed(SealKey::Load(material.key_pem, material.certificates_pem, ""),
                                    stamping_test::UnsealedExample());
  const std::string report = Pdfsig(dir, sealed);
  INFO(report);
  CHECK(report.find("Signature is Valid.") != std::string::npos);
  CHECK(report.find("Signature Type: ETSI.CAdES.detached") != std::string::npos);
  CHECK(report.find("Total document signed") != std::string::npos);
  CHECK(report.find("Signing Hash Algorithm: SHA-256") != std::string::npos);
  CHECK(report.find("OID.2.5.4.97=NTREE-90006399") != std::string::npos);  // organizationIdentifier
  // PAdES keeps the time in /M: pdfsig shows it, as there is no signing-time attribute to show.
  CHECK(report.find("Signing Time: Dec 03 2026 12:00:00") != std::string::npos);

  // One byte of the rendering changed (inside the binary comment of the header, so the file still parses).
  std::string tampered = sealed;
  const size_t comment = tampered.find('\n') + 2;
  tampered[comment] = static_cast<char>(tampered[comment] ^ 0x01);
  const std::string broken = Pdfsig(dir, tampered);
  INFO(broken);
  CHECK(broken.find("Signature is Valid.") == std::string::npos);
  CHECK((broken.find("Digest Mismatch") != std::string::npos || broken.find("Invalid") != std::string::npos));
}

TEST_CASE(
    "the CMS is CAdES B-B: SHA-256, signing-certificate-v2, the chain, no signing time, and it verifies") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const std::string sealed = Sealed(SealKey::Load(material.key_pem, material.certificates_pem, ""),
                                    stamping_test::UnsealedExample());
  const SignedParts parts = Parts(sealed);
  Cms cms = ParseCms(parts.cms);
  REQUIRE(cms);
  CHECK(OBJ_obj2nid(CMS_get0_type(cms.get())) == NID_pkcs7_signed);
  CHECK(CMS_is_detached(cms.get()) == 1);
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
  REQUIRE(sk_CMS_SignerInfo_num(signers) == 1);
  CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(signers, 0);
  X509_ALGOR* digest = nullptr;
  CMS_SignerInfo_get0_algs(signer, nullptr, nullptr, &digest, nullptr);
  CHECK(OBJ_obj2nid(digest->algorithm) == NID_sha256);
  CHECK(CMS_signed_get_attr_by_NID(signer, NID_pkcs9_contentType, -1) >= 0);
  CHECK(CMS_signed_get_attr_by_NID(signer, NID_pkcs9_messageDigest, -1) >= 0);
  CHECK(CMS_signed_get_attr_by_NID(signer, NID_id_smime_aa_signingCertificateV2, -1) >= 0);
  CHECK(CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1) < 0);
  STACK_OF(X509)* certificates = CMS_get1_certs(cms.get());
  CHECK(sk_X509_num(certificates) == 2);  // the seal certificate and its CA
  sk_X509_pop_free(certificates, X509_free);

  std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> ca(BIO_new_mem_buf(material.ca_pem.data(), -1), &BIO_free);
  X509* ca_certificate = PEM_read_bio_X509(ca.get(), nullptr, nullptr, nullptr);
  REQUIRE(ca_certificate != nullptr);
  X509_STORE_add_cert(store.get(), ca_certificate);
  X509_free(ca_certificate);
  std::unique_ptr<BIO, decltype(&BIO_free)> content(
      BIO_new_mem_buf(parts.covered.data(), static_cast<int>(parts.covered.size())), &BIO_free);
  CHECK(CMS_verify(cms.get(), nullptr, store.get(), content.get(), nullptr, CMS_BINARY) == 1);

  // The openssl tool agrees on the attributes.
  const std::string printed =
      Run("openssl cms -cmsout -print -inform DER -in " + dir.Write("seal.p7s", parts.cms)).output;
  CHECK(printed.find("id-smime-aa-signingCertificateV2") != std::string::npos);
  CHECK(printed.find("signingTime") == std::string::npos);
}

TEST_CASE(
    "the seal is an incremental update with the time in /M, and the same input seals to the same bytes") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const std::string unsealed = stamping_test::UnsealedExample();
  const std::string sealed = Sealed(key, unsealed);
  CHECK(sealed.compare(0, unsealed.size(), unsealed) == 0);
  CHECK(sealed.find("/M(D:20261203120000+00'00')") != std::string::npos);
  CHECK(sealed.find("/SubFilter/ETSI.CAdES.detached") != std::string::npos);
  CHECK(sealed == Sealed(key, unsealed));

  // PoDoFo writes its update dates in local time; the bytes must not depend on the machine's zone.
  const char* zone = std::getenv("TZ");
  const std::string saved = zone != nullptr ? zone : "";
  setenv("TZ", "Europe/Tallinn", 1);
  tzset();
  const std::string in_tallinn = Sealed(key, unsealed);
  if (zone != nullptr) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  CHECK(in_tallinn == sealed);
}

TEST_CASE("what is not a PDF is refused, not sealed") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  CHECK_THROWS_AS(Sealed(key, "%PDF-1.4\nnot really\n"), std::runtime_error);
  CHECK_THROWS_AS(Sealed(key, ""), std::runtime_error);
}

TEST_CASE(
    "a PKCS#12 seal file seals as the PEM one does, and a wrong password or a stranger's certificate is "
    "refused") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey from_p12 = SealKey::Load(material.p12, "", "pw");
  CHECK(sk_X509_num(from_p12.Chain()) == 1);
  CHECK(Pdfsig(dir, Sealed(from_p12, stamping_test::UnsealedExample())).find("Signature is Valid.") !=
        std::string::npos);
  CHECK_THROWS_WITH(SealKey::Load(material.p12, "", "wrong"), Catch::Contains("password"));

  TempDir other_dir;
  const auto other = stamping_test::MakeSealMaterial(other_dir, "Muu");
  CHECK_THROWS_WITH(SealKey::Load(material.key_pem, other.certificates_pem, ""), Catch::Contains("matches"));
  CHECK_THROWS_WITH(SealKey::Load(kNotAKey, "", ""), Catch::Contains("PEM"));
}

TEST_CASE("the development seal deploy/local makes is the register keeper's and seals valid PDFs") {
  TempDir dir;
  const std::string script =
      std::string("set -e; log() { :; }; die() { echo \"$*\"; exit 1; }; SECRETS_DIR='") + dir.Path() +
      "'; source '" KUTSE_REPO_DIR
      "/deploy/local/lib/secrets.sh'; kutse_ensure_seal_material; "
      "printf '%s\\n%s\\n' \"$SEAL_KEY_FILE\" \"$SEAL_CERTIFICATE_FILE\"";
  const auto made = Run("bash " + dir.Write("dev_seal.sh", script), false);
  REQUIRE(made.exit_code == 0);
  const std::string key_file = made.output.substr(0, made.output.find('\n'));
  const std::string certificate_file =
      made.output.substr(key_file.size() + 1, made.output.size() - key_file.size() - 2);
  const SealKey key =
      SealKey::Load(stamping_test::ReadFile(key_file), stamping_test::ReadFile(certificate_file), "");
  CHECK(sk_X509_num(key.Chain()) == 1);
  const std::string report = Pdfsig(dir, Sealed(key, stamping_test::UnsealedExample()));
  INFO(report);
  CHECK(report.find("Signature is Valid.") != std::string::npos);
  CHECK(report.find("O=SA Kutsekoda") != std::string::npos);
  CHECK(report.find("OID.2.5.4.97=NTREE-90006399") != std::string::npos);
}

TEST_CASE("renderings and seals made at once on several threads equal the one made alone") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const SealKey key = SealKey::Load(material.key_pem, material.certificates_pem, "");
  const std::string alone = Sealed(key, stamping_test::UnsealedExample());
  std::vector<std::string> made(4);
  std::vector<std::thread> threads;
  for (auto& result : made) {
    threads.emplace_back([&key, &result] {
      for (int i = 0; i < 3; ++i)
        result = Sealed(key, stamping_test::UnsealedExample());
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (const auto& result : made)
    CHECK(result == alone);
}
