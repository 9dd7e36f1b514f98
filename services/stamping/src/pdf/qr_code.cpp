#include "pdf/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace kutse::stamping::pdf {

QrCode QrCode::Encode(const std::string& text) {
  // Version 0: the smallest symbol that holds the text; case-sensitive 8-bit mode keeps a URL as is.
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code)
    throw std::runtime_error("the verification link does not fit a QR code");
  QrCode result;
  result.width_ = code->width;
  result.modules_.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
  for (size_t i = 0; i < result.modules_.size(); ++i) {
    result.modules_[i] = (code->data[i] & 1) != 0;  // bit 0 of each byte: dark module
  }
  return result;
}

}  // namespace kutse::stamping::pdf
