// What the PAdES sealer and verifier tests share: the example certificate rendered, unsealed; the
// present time to the second (throw-away certificates are valid from the moment they are made, and
// a seal's certificate is checked at the seal's own time); the material of an LT seal; and the
// signature time-stamp read out of a CMS with OpenSSL.
#pragma once

#include <chrono>
#include <string>

#include "seal/seal_key.hpp"
#include "stamping_fixtures.hpp"
#include "trust_services_fixture.hpp"

namespace stamping_test {

std::string UnsealedExample();  // ExampleDocument() in Estonian at ExampleTime(), DejaVu fonts
std::chrono::system_clock::time_point NowToTheSecond();

// A throw-away CA, seal certificate, TSA and OCSP responder (the openssl tools) and the rendering.
struct LtSealMaterial {
  TempDir dir;
  SealMaterial material = MakeSealMaterial(dir);
  CliTrustServices services{dir};
  kutse::stamping::seal::SealKey key =
      kutse::stamping::seal::SealKey::Load(material.key_pem, material.certificates_pem, "");
  std::string unsealed = UnsealedExample();
};

// The token of the unsigned attribute id-aa-signatureTimeStampToken of the CMS `cms` (DER, zeros
// after it allowed) and the signature value it must stamp. Fails the test when there is none.
struct StampedSignature {
  std::string token;
  std::string signature_value;
};
StampedSignature SignatureTimeStampOf(const std::string& cms);

}  // namespace stamping_test
