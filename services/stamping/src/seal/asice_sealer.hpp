// The ASiC-E seal: the certificate's PDF in an ASiC-E container with the register keeper's XAdES
// B-B signature over it. With an RSA key the same PDF, name and time give the same bytes.
#pragma once

#include <chrono>
#include <string>

#include "seal/seal_key.hpp"

namespace kutse::stamping::seal {

class AsiceSealer {
 public:
  explicit AsiceSealer(SealKey seal) : seal_(std::move(seal)) {}

  // `pdf_name` is the PDF's name inside the container (AsiceFileName). Throws std::runtime_error
  // when the container cannot be made.
  std::string Seal(const std::string& pdf, const std::string& pdf_name,
                   std::chrono::system_clock::time_point at) const;

 private:
  SealKey seal_;
};

}  // namespace kutse::stamping::seal
