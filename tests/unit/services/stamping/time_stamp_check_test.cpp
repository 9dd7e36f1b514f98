#include "verify/time_stamp_check.hpp"

#include <openssl/ocsp.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "kutse/common/sha256.hpp"
#include "seal/seal_key.hpp"
#include "trust_services_fixture.hpp"

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
    const auto facts = CheckTimeStamp(token, stamped);
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
    CHECK_FALSE(CheckTimeStamp(token, stamped + "."));
  }
  SECTION("a changed byte in the token breaks its signature") {
    std::string changed = token;
    const size_t at = changed.find("Test TSA");
    REQUIRE(at != std::string::npos);
    changed[at] = 'B';
    CHECK_FALSE(CheckTimeStamp(changed, stamped));
  }
  SECTION("anything but a token is refused") {
    CHECK_FALSE(CheckTimeStamp("", stamped));
    CHECK_FALSE(CheckTimeStamp("\x30\x03\x02\x01\x01", stamped));
    CHECK_FALSE(CheckTimeStamp(std::string(70 * 1024, '\x30'), stamped));
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
