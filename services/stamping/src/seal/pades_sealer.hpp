// The PAdES seal (ETSI EN 319 142-1, baseline B-B): an incremental update of the PDF with an
// invisible signature field whose dictionary has /SubFilter /ETSI.CAdES.detached, /M (the seal's
// time), a /ByteRange over the whole file but /Contents, and in /Contents the CAdES detached
// signature of those bytes. The original bytes stay as they were, so the unsealed rendering is a
// prefix of the sealed file. With an RSA key the same PDF and time give the same bytes.
// Baseline LT adds the signature time-stamp to the CMS and, in a second update after the signed
// revision (which stays a prefix of the file), the DSS with the chain and the OCSP response.
#pragma once

#include <chrono>
#include <string>

#include "seal/pdf_dss.hpp"
#include "seal/seal_key.hpp"
#include "seal/trust_services.hpp"

namespace kutse::stamping::seal {

class PadesSealer {
 public:
  // `trust_services` null: baseline B-B. Otherwise baseline LT: a signature time-stamp in the CMS
  // and a DSS dictionary with the chain and the OCSP response in a second update. Not owned: it
  // outlives the sealer.
  explicit PadesSealer(SealKey seal, const TrustServices* trust_services = nullptr)
      : seal_(std::move(seal)), trust_services_(trust_services) {}

  // `reason` is shown by readers as the signature's reason. Throws std::runtime_error when the
  // PDF cannot be read or sealed, TrustServiceUnavailable when a trust service fails at LT.
  std::string Seal(const std::string& pdf, std::chrono::system_clock::time_point at,
                   const std::string& reason) const;

  // kLevelBaselineB or kLevelBaselineLT (domain/stamp.hpp), as the seals made here are.
  const char* Level() const;

 private:
  // The DSS's contents for the CMS `cms` just made (its time-stamp's certificates among them);
  // `issuer` is the seal certificate's, from its chain.
  DssMaterial ValidationData(const std::string& cms, X509* issuer) const;

  SealKey seal_;
  const TrustServices* trust_services_;
};

}  // namespace kutse::stamping::seal
