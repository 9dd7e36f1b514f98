// A QR code as a square of modules, encoded by libqrencode (error correction M: a printed copy
// still scans with a crease or a stain). No I/O.
#pragma once

#include <string>
#include <vector>

namespace kutse::stamping::pdf {

class QrCode {
 public:
  // Throws std::runtime_error when the text does not fit a QR code.
  static QrCode Encode(const std::string& text);

  int Width() const { return width_; }  // modules a side, without the quiet zone
  bool Dark(int row, int column) const { return modules_[static_cast<size_t>(row * width_ + column)]; }

 private:
  int width_ = 0;
  std::vector<bool> modules_;
};

}  // namespace kutse::stamping::pdf
