#include "pdf/certificate_renderer.hpp"

#include <podofo/podofo.h>

#include <fstream>
#include <stdexcept>
#include <vector>

#include "kutse/common/message_catalog.hpp"
#include "pdf/pdf_date.hpp"
#include "pdf/qr_code.hpp"

namespace kutse::stamping::pdf {

namespace {

using PoDoFo::PdfString;

// A4 in points, and the page's frame.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.0;
constexpr double kLabelWidth = 150.0;
constexpr double kQrSize = 96.0;  // 34 mm: a phone reads it from a printed page
constexpr int kQrQuietZone = 4;   // modules of white around the symbol, as the standard asks

PdfString Text(const std::string& utf8) {
  return PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.c_str()));
}

bool Readable(const std::string& path) {
  return std::ifstream(path, std::ios::binary).good();
}

// Lays text out from the top of the page down, starting a new page when the frame is full.
class Layout {
 public:
  Layout(PoDoFo::PdfMemDocument& document, PoDoFo::PdfFont* regular, PoDoFo::PdfFont* bold)
      : document_(document), regular_(regular), bold_(bold) {
    NewPage();
  }
  // A destructor must not throw: the normal path calls Finish, which may.
  ~Layout() {
    try {
      if (!finished_)
        painter_.FinishPage();
    } catch (...) {
    }
  }

  void Finish() {
    finished_ = true;
    painter_.FinishPage();
  }

  PoDoFo::PdfPainter& Painter() { return painter_; }
  double Y() const { return y_; }
  void Skip(double points) { y_ -= points; }

  // One line at x; `width` <= 0: no wrapping. Returns the lines written.
  int Write(const std::string& text, double x, double width, bool bold, double size, double gray = 0.0) {
    PoDoFo::PdfFont* font = bold ? bold_ : regular_;
    font->SetFontSize(static_cast<float>(size));
    painter_.SetFont(font);
    painter_.SetColor(gray, gray, gray);
    const std::vector<std::string> lines =
        width > 0 ? Wrap(text, font, width) : std::vector<std::string>{text};
    for (const std::string& line : lines) {
      Room(size * 1.35);
      painter_.DrawText(x, y_ - size, Text(line));
      y_ -= size * 1.35;
    }
    return static_cast<int>(lines.size());
  }

  // A label on the left and its value wrapped beside it.
  void Row(const std::string& label, const std::string& value) {
    Room(22);
    const double top = y_;
    Write(label, kMargin, kLabelWidth - 8, true, 9, 0.35);
    const double after_label = y_;
    y_ = top;
    Write(value, kMargin + kLabelWidth, kPageWidth - 2 * kMargin - kLabelWidth, false, 11);
    y_ = std::min(y_, after_label) - 6;
  }

  void Rule() {
    painter_.SetStrokingColor(0.6, 0.6, 0.6);
    painter_.SetStrokeWidth(0.5);
    painter_.DrawLine(kMargin, y_, kPageWidth - kMargin, y_);
    y_ -= 12;
  }

 private:
  void NewPage() {
    if (page_ != nullptr)
      painter_.FinishPage();
    page_ = document_.CreatePage(PoDoFo::PdfRect(0, 0, kPageWidth, kPageHeight));
    painter_.SetPage(page_);
    y_ = kPageHeight - kMargin;
  }

  void Room(double points) {
    if (y_ - points < kMargin)
      NewPage();
  }

  static std::vector<std::string> Wrap(const std::string& text, PoDoFo::PdfFont* font, double width) {
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string::npos)
        end = text.size();
      const std::string word = text.substr(start, end - start);
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && font->GetFontMetrics()->StringWidth(Text(candidate)) > width) {
        lines.push_back(line);
        line = word;
      } else {
        line = candidate;
      }
      start = end + 1;
    }
    lines.push_back(line);
    return lines;
  }

  PoDoFo::PdfMemDocument& document_;
  PoDoFo::PdfFont* regular_;
  PoDoFo::PdfFont* bold_;
  PoDoFo::PdfPainter painter_;
  PoDoFo::PdfPage* page_ = nullptr;
  double y_ = 0;
  bool finished_ = false;
};

// Dark modules as filled squares, one rectangle per run of a row, with the quiet zone left white.
void DrawQr(PoDoFo::PdfPainter& painter, const QrCode& code, double x, double top, double size) {
  const double module = size / (code.Width() + 2 * kQrQuietZone);
  painter.SetColor(0, 0, 0);
  for (int row = 0; row < code.Width(); ++row) {
    for (int column = 0; column < code.Width();) {
      if (!code.Dark(row, column)) {
        ++column;
        continue;
      }
      int run = 1;
      while (column + run < code.Width() && code.Dark(row, column + run))
        ++run;
      painter.Rectangle(x + (kQrQuietZone + column) * module, top - (kQrQuietZone + row + 1) * module,
                        run * module, module);
      column += run;
    }
  }
  painter.Fill();
}

const char* TitleKey(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kPartialQualification:
      return "stamping.pdf.title_partial";
    case DocumentKind::kInitialQualification:
      return "stamping.pdf.title_initial";
    case DocumentKind::kCertificate:
      break;
  }
  return "stamping.pdf.title_certificate";
}

}  // namespace

CertificateRenderer::CertificateRenderer(const std::string& font_dir)
    : regular_font_(font_dir + "/DejaVuSans.ttf"), bold_font_(font_dir + "/DejaVuSans-Bold.ttf") {
  for (const std::string* file : {&regular_font_, &bold_font_}) {
    if (!Readable(*file))
      throw std::runtime_error("font file " + *file + " cannot be read");
  }
}

std::string CertificateRenderer::Render(const CertificateDocument& document, DocumentLanguage language,
                                        std::chrono::system_clock::time_point at) const {
  const std::string lang = LanguageCode(language);
  const auto& catalog = common::MessageCatalog::Global();
  auto say = [&](const common::Message& message) { return catalog.Render(message, lang); };
  auto date = [&](const common::Date& d) { return DocumentDate(d, language); };
  // PoDoFo writes its own debug and log lines to stdout, where the service's JSON log lines go.
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfError::EnableLogging(false);
  try {
    PoDoFo::PdfMemDocument pdf;
    const PoDoFo::PdfEncoding* unicode = PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance();
    PoDoFo::PdfFont* regular =
        pdf.CreateFontSubset("DejaVu Sans", false, false, false, unicode, regular_font_.c_str());
    PoDoFo::PdfFont* bold =
        pdf.CreateFontSubset("DejaVu Sans", true, false, false, unicode, bold_font_.c_str());
    if (regular == nullptr || bold == nullptr)
      throw std::runtime_error("the fonts cannot be embedded");
    const std::string title = say(common::Msg(TitleKey(document.kind)));
    {
      Layout layout(pdf, regular, bold);
      const double top = layout.Y();
      DrawQr(layout.Painter(), QrCode::Encode(document.verification_url), kPageWidth - kMargin - kQrSize,
             top + 8, kQrSize);
      const double text_width = kPageWidth - 2 * kMargin - kQrSize - 12;
      layout.Write(say(common::Msg("stamping.pdf.register")), kMargin, text_width, true, 10, 0.35);
      layout.Skip(10);
      layout.Write(title, kMargin, text_width, true, 18);
      layout.Write(say(common::Msg("stamping.pdf.number", {{"number", document.number}})), kMargin,
                   text_width, false, 12);
      layout.Skip(std::max(0.0, layout.Y() - (top - kQrSize - 8)));
      layout.Rule();
      layout.Write(say(common::Msg("stamping.pdf.holder")), kMargin, 0, true, 9, 0.35);
      layout.Write(document.holder_name, kMargin, kPageWidth - 2 * kMargin, true, 20);
      layout.Skip(10);
      layout.Row(say(common::Msg("stamping.pdf.qualification")), document.qualification_name);
      std::string level =
          say(common::Msg("stamping.pdf.level_estqf", {{"level", std::to_string(document.estqf_level)}}));
      if (document.eqf_level) {
        level += "; " +
                 say(common::Msg("stamping.pdf.level_eqf", {{"level", std::to_string(*document.eqf_level)}}));
      }
      layout.Row(say(common::Msg("stamping.pdf.level")), level);
      if (document.specialisation) {
        layout.Row(say(common::Msg("stamping.pdf.specialisation")), *document.specialisation);
      }
      if (document.partial_qualification) {
        layout.Row(say(common::Msg("stamping.pdf.partial_qualification")), *document.partial_qualification);
      }
      if (!document.competences.empty()) {
        const double top_of_list = layout.Y();
        layout.Write(say(common::Msg("stamping.pdf.competences")), kMargin, 0, true, 9, 0.35);
        layout.Skip(layout.Y() - top_of_list);  // the first competence beside its label
        for (const std::string& competence : document.competences) {
          layout.Write("• " + competence, kMargin + kLabelWidth, kPageWidth - 2 * kMargin - kLabelWidth,
                       false, 11);
        }
        layout.Skip(6);
      }
      layout.Row(say(common::Msg("stamping.pdf.awarding_body")), document.awarding_body_name);
      if (document.decision_number && document.decision_date) {
        layout.Row(
            say(common::Msg("stamping.pdf.decision")),
            say(common::Msg("stamping.pdf.decision_value", {{"number", *document.decision_number},
                                                            {"date", date(*document.decision_date)}})));
      } else if (document.decision_date) {
        layout.Row(say(common::Msg("stamping.pdf.decision")), date(*document.decision_date));
      }
      layout.Row(say(common::Msg("stamping.pdf.issued")), date(document.issue_date));
      layout.Row(say(common::Msg("stamping.pdf.valid")),
                 document.valid_until
                     ? say(common::Msg("stamping.pdf.valid_range", {{"from", date(document.valid_from)},
                                                                    {"until", date(*document.valid_until)}}))
                     : say(common::Msg("stamping.pdf.valid_open", {{"from", date(document.valid_from)}})));
      if (document.duplicate_of) {
        layout.Row(say(common::Msg("stamping.pdf.duplicate")),
                   say(common::Msg("stamping.pdf.duplicate_of", {{"number", *document.duplicate_of}})));
      }
      layout.Skip(8);
      layout.Rule();
      layout.Write(say(common::Msg("stamping.pdf.verify")), kMargin, kPageWidth - 2 * kMargin, false, 9,
                   0.35);
      layout.Write(document.verification_url, kMargin, 0, false, 9);
      layout.Skip(4);
      layout.Write(say(common::Msg("stamping.pdf.sealed")), kMargin, kPageWidth - 2 * kMargin, false, 9,
                   0.35);
      layout.Finish();
    }
    // Fixed metadata: the creation date is the stamp's time, so equal input gives equal bytes (PoDoFo
    // derives the file identifier from this dictionary).
    PoDoFo::PdfInfo* info = pdf.GetInfo();
    info->SetTitle(Text(title + " " + document.number));
    info->SetCreator(Text("Kutseregister"));
    info->GetObject()->GetDictionary().AddKey("CreationDate", PdfString(PdfDate(at)));
    pdf.GetCatalog()->GetDictionary().AddKey("Lang", PdfString(lang));

    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    pdf.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const PoDoFo::PdfError& error) {
    throw std::runtime_error(std::string("the PDF cannot be made: ") +
                             PoDoFo::PdfError::ErrorMessage(error.GetError()));
  }
}

}  // namespace kutse::stamping::pdf
