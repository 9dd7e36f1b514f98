// The PAdES seal (ETSI EN 319 142-1, baseline B-B): an incremental update of the PDF with an
// invisible signature field whose dictionary has /SubFilter /ETSI.CAdES.detached, /M (the seal's
// time), a /ByteRange over the whole file but /Contents, and in /Contents the CAdES detached
// signature of those bytes. The original bytes stay as they were, so the unsealed rendering is a
// prefix of the sealed file. With an RSA key the same PDF and time give the same bytes.
#pragma once

#include <chrono>
#include <string>

#include "seal/seal_key.hpp"

namespace kutse::stamping::seal {

class PadesSealer {
 public:
  explicit PadesSealer(SealKey seal) : seal_(std::move(seal)) {}

  // `reason` is shown by readers as the signature's reason. Throws std::runtime_error when the
  // PDF cannot be read or sealed.
  std::string Seal(const std::string& pdf, std::chrono::system_clock::time_point at,
                   const std::string& reason) const;

 private:
  SealKey seal_;
};

}  // namespace kutse::stamping::seal
