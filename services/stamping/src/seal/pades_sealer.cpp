#include "seal/pades_sealer.hpp"

#include <podofo/podofo.h>

#include <stdexcept>

#include "domain/stamp.hpp"
#include "kutse/common/sha256.hpp"
#include "pdf/pdf_date.hpp"
#include "seal/cades_signature.hpp"

namespace kutse::stamping::seal {

namespace {

// Bytes reserved for the CMS in /Contents (written as twice as many hex digits). A B-B seal with
// an RSA-4096 certificate and its CA takes about 4 KiB; the rest is room for a time-stamp token
// and more of the chain later.
constexpr size_t kSignatureRoom = 16384;

// PoDoFo stamps an update with the wall clock: the information dictionary's /ModDate and the
// second half of the trailer's /ID. Both are overwritten in place (same length) with values from
// the seal's own time and input, before the signature is computed over them.
void ReplaceAfter(std::string& file, size_t from, const std::string& marker, const std::string& value,
                  char terminator) {
  const size_t found = file.find(marker, from);
  if (found == std::string::npos)
    return;
  const size_t start = found + marker.size();
  // Only a value of the same length is replaced: every offset after it must stay where it is.
  if (start + value.size() >= file.size() || file[start + value.size()] != terminator) {
    throw std::runtime_error("the PDF update has an unexpected " + marker);
  }
  file.replace(start, value.size(), value);
}

void MakeUpdateDeterministic(char* bytes, size_t length, size_t original_length, const std::string& date,
                             const std::string& identifier) {
  std::string update(bytes + original_length, length - original_length);
  ReplaceAfter(update, 0, "/ModDate(", date, ')');
  const size_t id = update.rfind("/ID[<");
  if (id != std::string::npos) {
    const size_t second = update.find("><", id);
    if (second != std::string::npos)
      ReplaceAfter(update, second, "><", identifier.substr(0, 32), '>');
  }
  update.copy(bytes + original_length, update.size());
}

}  // namespace

const char* PadesSealer::Level() const {
  return trust_services_ != nullptr ? kLevelBaselineLT : kLevelBaselineB;
}

std::string PadesSealer::Seal(const std::string& pdf, std::chrono::system_clock::time_point at,
                              const std::string& reason) const {
  const std::string date = pdf::PdfDate(at);
  // PoDoFo writes its own debug and log lines to stdout, where the service's JSON log lines go.
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfError::EnableLogging(false);
  try {
    PoDoFo::PdfMemDocument document;
    document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), true);
    if (document.GetPageCount() < 1)
      throw std::runtime_error("the PDF has no page to seal");
    PoDoFo::PdfAcroForm* form = document.GetAcroForm();
    // SignaturesExist | AppendOnly: readers keep later changes as updates, so the seal stays checkable.
    form->GetObject()->GetDictionary().AddKey("SigFlags",
                                              PoDoFo::PdfObject(static_cast<PoDoFo::pdf_int64>(3)));

    PoDoFo::PdfSignatureField field(document.GetPage(0), PoDoFo::PdfRect(0, 0, 0, 0), &document);
    field.SetFieldName(PoDoFo::PdfString("Seal"));
    field.SetSignatureReason(PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(reason.c_str())));
    field.GetFieldObject()->GetDictionary().AddKey("M", PoDoFo::PdfString(date));

    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice output(&buffer);
    PoDoFo::PdfSignOutputDevice signer(&output);
    signer.SetSignatureSize(kSignatureRoom);
    field.SetSignature(*signer.GetSignatureBeacon());
    PoDoFo::PdfDictionary& signature = field.GetSignatureObject()->GetDictionary();
    signature.AddKey("SubFilter", PoDoFo::PdfName("ETSI.CAdES.detached"));
    signature.AddKey("M", PoDoFo::PdfString(date));
    document.WriteUpdate(&signer, true);
    if (!signer.HasSignaturePosition())
      throw std::runtime_error("the signature's place was not written");

    MakeUpdateDeterministic(buffer.GetBuffer(), output.GetLength(), pdf.size(), date,
                            common::Sha256Hex(pdf + date).substr(0, 32));
    signer.AdjustByteRange();
    signer.Seek(0);
    std::string covered;
    covered.reserve(output.GetLength());
    char chunk[65536];
    for (size_t n; (n = signer.ReadForSignature(chunk, sizeof chunk)) > 0;)
      covered.append(chunk, n);
    const std::string cms = CadesDetachedSignature(seal_, covered);
    if (cms.size() > kSignatureRoom)
      throw std::runtime_error("the seal does not fit the room kept for it");
    signer.SetSignature(PoDoFo::PdfData(cms.data(), cms.size()));
    signer.Flush();
    return std::string(buffer.GetBuffer(), output.GetLength());
  } catch (const PoDoFo::PdfError& error) {
    throw std::runtime_error(std::string("the PDF cannot be sealed: ") +
                             PoDoFo::PdfError::ErrorMessage(error.GetError()));
  }
}

}  // namespace kutse::stamping::seal
