// The ASiC-E seal: the certificate's PDF in an ASiC-E container with the register keeper's XAdES
// signature over it, B-B or LT. At B-B with an RSA key the same PDF, name and time give the same
// bytes.
#pragma once

#include <chrono>
#include <string>

#include "seal/seal_key.hpp"
#include "seal/trust_services.hpp"

namespace kutse::stamping::seal {

class AsiceSealer {
 public:
  // `trust_services` null: XAdES baseline B-B. Otherwise baseline LT: a SignatureTimeStamp,
  // CertificateValues and RevocationValues in the UnsignedSignatureProperties. Not owned: it
  // outlives the sealer.
  explicit AsiceSealer(SealKey seal, const TrustServices* trust_services = nullptr)
      : seal_(std::move(seal)), trust_services_(trust_services) {}

  // `pdf_name` is the PDF's name inside the container (AsiceFileName). Throws std::runtime_error
  // when the container cannot be made, TrustServiceUnavailable when a trust service fails at LT.
  std::string Seal(const std::string& pdf, const std::string& pdf_name,
                   std::chrono::system_clock::time_point at) const;

  // kLevelBaselineB or kLevelBaselineLT (domain/stamp.hpp), as the seals made here are.
  const char* Level() const;

 private:
  SealKey seal_;
  const TrustServices* trust_services_;
};

}  // namespace kutse::stamping::seal
