#include "verify/time_stamp_check.hpp"

#include <openssl/ocsp.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "pdf/certificate_renderer.hpp"
#include "seal/asice_sealer.hpp"
#include "seal/pades_sealer.hpp"
#include "seal/seal_key.hpp"
#include "stamping_service.hpp"
#include "trust_services_fixture.hpp"
#include "verify/asice_verifier.hpp"
#include "verify/pades_verifier.hpp"
#include "verify/trust_anchors.hpp"

using kutse::stamping::verify::CheckTimeStamp;
using stamping_test::CliTrustServices;
using stamping_test::TempDir;

TEST_CASE("A time-stamp token is checked against the bytes it stamps", "[stamping][lt]") {
  TempDir dir;
  stamping_test::MakeSealMaterial(dir);
  CliTrustServices services(dir);
  const std::string stamped = "the signature value of a seal";
  const std::string token = services.TimeStampToken(kutse::common::Sha256(stamped));

  SECTION("the token over these bytes gives the TSA's time, and openssl agrees") {
    const auto before = std::chrono::system_clock::now() - std::chrono::seconds(2);
    const auto facts = CheckTimeStamp(token, stamped, nullptr);
    REQUIRE(facts);
    CHECK(facts->gen_time >= before);
    CHECK(facts->gen_time <= std::chrono::system_clock::now() + std::chrono::seconds(1));
    const auto verified =
        stamping_test::Run("openssl ts -verify -token_in -in " + dir.Write("t.der", token) + " -data " +
                           dir.Write("data.bin", stamped) + " -CAfile " + dir.Path() + "/ca.pem -untrusted " +
                           services.TsaCertificateFile());
    CHECK(verified.exit_code == 0);
  }
  SECTION("other bytes do not match its imprint") {
    CHECK_FALSE(CheckTimeStamp(token, stamped + ".", nullptr));
  }
  SECTION("a changed byte in the token breaks its signature") {
    std::string changed = token;
    const size_t at = changed.find("Test TSA");
    REQUIRE(at != std::string::npos);
    changed[at] = 'B';
    CHECK_FALSE(CheckTimeStamp(changed, stamped, nullptr));
  }
  SECTION("anything but a token is refused") {
    CHECK_FALSE(CheckTimeStamp("", stamped, nullptr));
    CHECK_FALSE(CheckTimeStamp("\x30\x03\x02\x01\x01", stamped, nullptr));
    CHECK_FALSE(CheckTimeStamp(std::string(70 * 1024, '\x30'), stamped, nullptr));
  }
}

TEST_CASE("The test OCSP responder says the seal certificate is good or revoked", "[stamping][lt]") {
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  const auto seal = kutse::stamping::seal::SealKey::Load(material.key_pem, material.certificates_pem, "");
  X509* issuer = sk_X509_value(seal.Chain(), 0);
  for (const bool revoked : {false, true}) {
    CliTrustServices services(dir, revoked);
    const std::string der = services.OcspResponse(seal.Certificate(), issuer);
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
    std::unique_ptr<OCSP_RESPONSE, decltype(&OCSP_RESPONSE_free)> response(
        d2i_OCSP_RESPONSE(nullptr, &cursor, static_cast<long>(der.size())), &OCSP_RESPONSE_free);
    REQUIRE(response);
    REQUIRE(OCSP_response_status(response.get()) == OCSP_RESPONSE_STATUS_SUCCESSFUL);
    std::unique_ptr<OCSP_BASICRESP, decltype(&OCSP_BASICRESP_free)> basic(
        OCSP_response_get1_basic(response.get()), &OCSP_BASICRESP_free);
    REQUIRE(basic);
    std::unique_ptr<OCSP_CERTID, decltype(&OCSP_CERTID_free)> id(
        OCSP_cert_to_id(nullptr, seal.Certificate(), issuer), &OCSP_CERTID_free);
    int status = -1, reason = -1;
    ASN1_GENERALIZEDTIME *revoked_at = nullptr, *this_update = nullptr, *next_update = nullptr;
    REQUIRE(OCSP_resp_find_status(basic.get(), id.get(), &status, &reason, &revoked_at, &this_update,
                                  &next_update) == 1);
    CHECK(status == (revoked ? V_OCSP_CERTSTATUS_REVOKED : V_OCSP_CERTSTATUS_GOOD));
  }
}

TEST_CASE("A trust service that is down says so", "[stamping][lt]") {
  TempDir dir;
  stamping_test::MakeSealMaterial(dir);
  CliTrustServices services(dir);
  services.GoDown();
  CHECK_THROWS_AS(services.TimeStampToken(std::string(32, 'a')),
                  kutse::stamping::seal::TrustServiceUnavailable);
  CHECK(services.TimeStampCalls() == 1);
}

TEST_CASE("Only a trusted TSA's time counts: a seal time-stamped by another is judged as B-B",
          "[stamping][lt]") {
  kutse::stamping::LoadMessages();
  TempDir dir;
  const auto material = stamping_test::MakeSealMaterial(dir);
  CliTrustServices services(dir);
  const auto key = kutse::stamping::seal::SealKey::Load(material.key_pem, material.certificates_pem, "");
  const auto ours = kutse::stamping::verify::TrustAnchors::FromPem(material.ca_pem);
  TempDir elsewhere;
  const auto foreign =
      kutse::stamping::verify::TrustAnchors::FromPem(stamping_test::MakeSealMaterial(elsewhere).ca_pem);
  const auto trust = [](const kutse::stamping::verify::TrustAnchors& anchors) {
    return kutse::stamping::verify::TrustedBy(anchors);
  };

  const std::string stamped = "a signature value";
  const std::string token = services.TimeStampToken(kutse::common::Sha256(stamped));
  CHECK(CheckTimeStamp(token, stamped, trust(ours))->tsa_trusted);
  const auto untrusted = CheckTimeStamp(token, stamped, trust(foreign));
  REQUIRE(untrusted);  // intact all the same
  CHECK_FALSE(untrusted->tsa_trusted);

  // Sealed now: the throw-away certificates are valid from today only.
  const auto at = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string pdf =
      kutse::stamping::pdf::CertificateRenderer("/usr/share/fonts/truetype/dejavu")
          .Render(stamping_test::ExampleDocument(), kutse::stamping::DocumentLanguage::kEstonian,
                  stamping_test::ExampleTime());
  const std::string sealed = kutse::stamping::seal::PadesSealer(key, &services).Seal(pdf, at, "e-tempel");
  const auto pades_ours = kutse::stamping::verify::VerifyPades(sealed, ours, trust(ours));
  CHECK(pades_ours.Intact());
  CHECK(pades_ours.level == "B-LT");
  const auto pades_foreign = kutse::stamping::verify::VerifyPades(sealed, ours, trust(foreign));
  CHECK(pades_foreign.Intact());
  CHECK(pades_foreign.register_seal);
  CHECK(pades_foreign.level == "B-B");
  CHECK(pades_foreign.signed_at == kutse::common::FormatTimestamp(at));

  const std::string container =
      kutse::stamping::seal::AsiceSealer(key, &services).Seal(pdf, "K-000123-et.pdf", at);
  const auto asice_ours = kutse::stamping::verify::VerifyAsice(container, trust(ours), {}, trust(ours));
  CHECK(asice_ours.Intact());
  CHECK(asice_ours.level == "B-LT");
  const auto asice_foreign = kutse::stamping::verify::VerifyAsice(container, trust(ours), {}, trust(foreign));
  CHECK(asice_foreign.Intact());
  CHECK(asice_foreign.register_seal);
  CHECK(asice_foreign.level == "B-B");
  CHECK(asice_foreign.signed_at == kutse::common::FormatTimestamp(at));
}
