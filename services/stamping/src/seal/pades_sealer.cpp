#include "seal/pades_sealer.hpp"

#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/sha.h>
#include <podofo/podofo.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "domain/stamp.hpp"
#include "kutse/common/sha256.hpp"
#include "pdf/pdf_date.hpp"
#include "seal/cades_signature.hpp"
#include "seal/der.hpp"
#include "seal/pdf_dss.hpp"

namespace kutse::stamping::seal {

namespace {

// Bytes reserved for the CMS in /Contents (written as twice as many hex digits). A B-B seal with
// an RSA-4096 certificate and its CA takes about 4 KiB; a signature time-stamp token with the TSA's
// certificate and its CA adds 2-5 KiB (measured with the test TSA, RSA-2048 keys: the LT CMS was 5 KiB), so
// 16 KiB leaves room for a longer chain.
constexpr size_t kSignatureRoom = 16384;

X509* IssuerOf(const SealKey& seal) {
  for (int i = 0; i < sk_X509_num(seal.Chain()); ++i) {
    X509* candidate = sk_X509_value(seal.Chain(), i);
    if (X509_check_issued(candidate, seal.Certificate()) == X509_V_OK)
      return candidate;
  }
  throw std::runtime_error("the seal certificate's issuer is not in its chain: its status cannot be asked");
}

// The responder's certificates the OCSP response carries. The TrustServices checked the response;
// that it says "good" for this very certificate is checked here again, as a revoked seal must
// never be embedded as if it were not.
std::vector<std::string> ResponderCertificates(const std::string& response, X509* certificate, X509* issuer) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(response.data());
  std::unique_ptr<OCSP_RESPONSE, decltype(&OCSP_RESPONSE_free)> parsed(
      d2i_OCSP_RESPONSE(nullptr, &cursor, static_cast<long>(response.size())), &OCSP_RESPONSE_free);
  std::unique_ptr<OCSP_BASICRESP, decltype(&OCSP_BASICRESP_free)> basic(
      parsed ? OCSP_response_get1_basic(parsed.get()) : nullptr, &OCSP_BASICRESP_free);
  std::unique_ptr<OCSP_CERTID, decltype(&OCSP_CERTID_free)> id(OCSP_cert_to_id(nullptr, certificate, issuer),
                                                               &OCSP_CERTID_free);
  int status = -1;
  if (!basic || !id ||
      OCSP_resp_find_status(basic.get(), id.get(), &status, nullptr, nullptr, nullptr, nullptr) != 1 ||
      status != V_OCSP_CERTSTATUS_GOOD) {
    ERR_clear_error();
    throw TrustServiceUnavailable("the OCSP responder did not say the seal certificate is good");
  }
  std::vector<std::string> ders;
  const STACK_OF(X509)* certificates = OCSP_resp_get0_certs(basic.get());
  for (int i = 0; i < sk_X509_num(certificates); ++i)
    ders.push_back(CertificateDer(sk_X509_value(certificates, i)));
  return ders;
}

std::string UpperHex(const unsigned char* bytes, size_t length) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  for (size_t i = 0; i < length; ++i) {
    hex += kDigits[bytes[i] >> 4];
    hex += kDigits[bytes[i] & 0x0f];
  }
  return hex;
}

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

DssMaterial PadesSealer::ValidationData(const std::string& cms, X509* issuer) const {
  DssMaterial material;
  // Asked after the time-stamp, so the response is newer than the time it proves the seal existed.
  material.ocsp_responses.push_back(trust_services_->OcspResponse(seal_.Certificate(), issuer));
  std::vector<std::string> certificates;
  for (int i = 0; i < sk_X509_num(seal_.Chain()); ++i)
    certificates.push_back(CertificateDer(sk_X509_value(seal_.Chain(), i)));
  for (std::string& certificate : TimeStampCertificates(cms))
    certificates.push_back(std::move(certificate));
  for (std::string& certificate :
       ResponderCertificates(material.ocsp_responses.front(), seal_.Certificate(), issuer))
    certificates.push_back(std::move(certificate));
  for (std::string& certificate : certificates) {
    if (std::find(material.certificates.begin(), material.certificates.end(), certificate) ==
        material.certificates.end())
      material.certificates.push_back(std::move(certificate));
  }
  // The VRI key is over /Contents as the file holds it: the CMS and the zeros after it.
  std::string contents = cms;
  contents.resize(kSignatureRoom, '\0');
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const unsigned char*>(contents.data()), contents.size(), digest);
  material.vri_key = UpperHex(digest, sizeof digest);
  return material;
}

const char* PadesSealer::Level() const {
  return trust_services_ != nullptr ? kLevelBaselineLT : kLevelBaselineB;
}

std::string PadesSealer::Seal(const std::string& pdf, std::chrono::system_clock::time_point at,
                              const std::string& reason) const {
  const std::string date = pdf::PdfDate(at);
  // Known before any trust service is asked: without it no OCSP request can be made.
  X509* issuer = trust_services_ != nullptr ? IssuerOf(seal_) : nullptr;
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
    const std::string cms = CadesDetachedSignature(seal_, covered, trust_services_);
    if (cms.size() > kSignatureRoom)
      throw std::runtime_error("the seal does not fit the room kept for it");
    signer.SetSignature(PoDoFo::PdfData(cms.data(), cms.size()));
    signer.Flush();
    std::string sealed(buffer.GetBuffer(), output.GetLength());
    if (trust_services_ == nullptr)
      return sealed;
    return AppendDss(sealed, ValidationData(cms, issuer));
  } catch (const PoDoFo::PdfError& error) {
    throw std::runtime_error(std::string("the PDF cannot be sealed: ") +
                             PoDoFo::PdfError::ErrorMessage(error.GetError()));
  }
}

}  // namespace kutse::stamping::seal
