// The PDF rendering of one certificate: A4, DejaVu Sans embedded as a subset (a real TrueType font
// with a Unicode map, so õ ä ö ü š ž survive copying and pdftotext), the labels in the document's
// language from the service's messages, and a QR code of the verification link. Made with PoDoFo.
// Deterministic: the same document, language and time give the same bytes (the time is the PDF's
// creation date; nothing else in the file depends on the clock).
#pragma once

#include <chrono>
#include <string>

#include "domain/certificate_document.hpp"

namespace kutse::stamping::pdf {

class CertificateRenderer {
 public:
  // `font_dir` holds DejaVuSans.ttf and DejaVuSans-Bold.ttf (Debian's fonts-dejavu-core);
  // throws std::runtime_error when either is missing.
  explicit CertificateRenderer(const std::string& font_dir);

  std::string Render(const CertificateDocument& document, DocumentLanguage language,
                     std::chrono::system_clock::time_point at) const;

 private:
  std::string regular_font_;
  std::string bold_font_;
};

}  // namespace kutse::stamping::pdf
