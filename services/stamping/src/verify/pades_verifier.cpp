#include "verify/pades_verifier.hpp"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include <memory>
#include <optional>
#include <string>

#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "pdf/pdf_date.hpp"
#include "verify/ocsp_check.hpp"
#include "verify/pades_dss_update.hpp"
#include "verify/time_stamp_check.hpp"

namespace kutse::stamping::verify {
namespace {

// The CMS of a seal is a few KiB; the sealer keeps 16 KiB. Far more is not a seal of ours.
constexpr size_t kMaxSignatureHexDigits = 2 * 256 * 1024;
// How far from /Contents the rest of the signature dictionary may be looked for.
constexpr size_t kDictionaryWindow = 64 * 1024;
constexpr size_t kMaxNumberDigits = 12;

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// A non-negative whole number at `at` (after white space); `at` moves past it.
std::optional<size_t> ReadNumber(std::string_view text, size_t& at) {
  while (at < text.size() && IsSpace(text[at])) {
    ++at;
  }
  size_t value = 0;
  size_t digits = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9' && digits < kMaxNumberDigits) {
    value = value * 10 + static_cast<size_t>(text[at] - '0');
    ++at;
    ++digits;
  }
  if (digits == 0 || (at < text.size() && text[at] >= '0' && text[at] <= '9')) {
    return std::nullopt;
  }
  return value;
}

struct ByteRange {
  size_t first_length = 0;  // [0, first_length) is signed
  size_t second_start = 0;  // [second_start, second_start + second_length) is signed
  size_t second_length = 0;
};

// "/ByteRange [0 a b c]" at `at`.
std::optional<ByteRange> ReadByteRange(std::string_view pdf, size_t at) {
  at += std::string_view("/ByteRange").size();
  while (at < pdf.size() && IsSpace(pdf[at])) {
    ++at;
  }
  if (at >= pdf.size() || pdf[at] != '[') {
    return std::nullopt;
  }
  ++at;
  size_t numbers[4];
  for (size_t& number : numbers) {
    auto value = ReadNumber(pdf, at);
    if (!value) {
      return std::nullopt;
    }
    number = *value;
  }
  while (at < pdf.size() && IsSpace(pdf[at])) {
    ++at;
  }
  if (at >= pdf.size() || pdf[at] != ']' || numbers[0] != 0) {
    return std::nullopt;
  }
  return ByteRange{numbers[1], numbers[2], numbers[3]};
}

// The text of a literal string "(...)" right after `key` in `area`; nullopt when absent or odd.
std::optional<std::string_view> LiteralAfter(std::string_view area, std::string_view key) {
  size_t at = area.rfind(key);
  // "/M" is also the start of other names (/MDP): the key must end there.
  while (at != std::string_view::npos) {
    size_t after = at + key.size();
    while (after < area.size() && IsSpace(area[after])) {
      ++after;
    }
    if (after < area.size() && area[after] == '(') {
      const size_t close = area.find(')', after + 1);
      if (close == std::string_view::npos || close - after > 64) {
        return std::nullopt;
      }
      return area.substr(after + 1, close - after - 1);
    }
    if (at == 0) {
      break;
    }
    at = area.rfind(key, at - 1);
  }
  return std::nullopt;
}

bool NameFollows(std::string_view area, std::string_view key, std::string_view name) {
  for (size_t at = area.find(key); at != std::string_view::npos; at = area.find(key, at + 1)) {
    size_t after = at + key.size();
    while (after < area.size() && IsSpace(area[after])) {
      ++after;
    }
    if (area.substr(after, name.size()) == name) {
      return true;
    }
  }
  return false;
}

std::string SubjectOf(X509* certificate) {
  std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), BIO_free);
  // RFC 2253, but letters beyond ASCII kept as UTF-8 (O=Võõras OÜ), not escaped byte by byte.
  const unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
  if (!out || X509_NAME_print_ex(out.get(), X509_get_subject_name(certificate), 0, flags) < 0) {
    return "";
  }
  char* data = nullptr;
  const long length = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<size_t>(length));
}

// The signature time-stamp (id-aa-signatureTimeStampToken, unsigned): absent, or present and
// what it says (nullopt facts: it does not verify or does not stamp this signature value).
struct SignatureTimeStamp {
  bool present = false;
  std::optional<TimeStampFacts> facts;
};

SignatureTimeStamp TimeStampOf(CMS_SignerInfo* signer, const SignerTrust& tsa_trusted) {
  SignatureTimeStamp stamp;
  const int at = CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, -1);
  if (at < 0) {
    return stamp;
  }
  stamp.present = true;
  // One attribute with one value: a second token would be a second claim of time.
  X509_ATTRIBUTE* attribute = CMS_unsigned_get_attr(signer, at);
  if (CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, at) >= 0 ||
      X509_ATTRIBUTE_count(attribute) != 1) {
    return stamp;
  }
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attribute, 0);
  const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(signer);
  if (value == nullptr || value->type != V_ASN1_SEQUENCE || signature == nullptr) {
    return stamp;
  }
  stamp.facts =
      CheckTimeStamp(std::string_view(reinterpret_cast<const char*>(value->value.sequence->data),
                                      static_cast<size_t>(value->value.sequence->length)),
                     std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                                      static_cast<size_t>(ASN1_STRING_length(signature))),
                     tsa_trusted);
  return stamp;
}

using CmsPointer = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;

// The checks on the CMS, once the file's layout is known to be ours.
SealCheck CheckSignature(std::string_view pdf, const ByteRange& range, const std::string& der,
                         std::optional<std::chrono::system_clock::time_point> signed_at,
                         const TrustAnchors& anchors, const SignerTrust& tsa_trusted, const DssUpdate* dss,
                         SealCheck check) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  CmsPointer cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(der.size())), CMS_ContentInfo_free);
  if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed || CMS_is_detached(cms.get()) != 1) {
    ERR_clear_error();
    return check;  // kMalformed
  }
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
  if (signers == nullptr || sk_CMS_SignerInfo_num(signers) != 1) {
    ERR_clear_error();
    return check;
  }
  // The signed bytes, without copying the file: the two ranges one after the other.
  std::string signed_bytes;
  signed_bytes.reserve(range.first_length + range.second_length);
  signed_bytes.append(pdf.substr(0, range.first_length));
  signed_bytes.append(pdf.substr(range.second_start, range.second_length));
  // Behind a pass-through filter: given a memory BIO itself, OpenSSL 3.0's CMS_verify copies it into
  // one of its own and leaks that copy when the CMS names a digest it cannot set up (found by the
  // fuzz target); a BIO of another type it reads as it is.
  std::unique_ptr<BIO, decltype(&BIO_free_all)> content(BIO_new(BIO_f_null()), BIO_free_all);
  BIO* bytes = BIO_new_mem_buf(signed_bytes.data(), static_cast<int>(signed_bytes.size()));
  if (!content || bytes == nullptr) {
    BIO_free(bytes);
    ERR_clear_error();
    return check;
  }
  BIO_push(content.get(), bytes);
  // Only the signature here; who signed is decided by the trust anchors below, not the system's store.
  const int verified =
      CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY);
  if (verified != 1) {
    const unsigned long error = ERR_peek_last_error();
    check.defect = ERR_GET_REASON(error) == CMS_R_CONTENT_VERIFY_ERROR ? SealDefect::kDigestMismatch
                                                                       : SealDefect::kSignatureInvalid;
    ERR_clear_error();
    return check;
  }
  // A time-stamp that does not verify, or stamps another signature value, is a forged or swapped
  // claim of time in the signature itself (the unsigned attributes are outside what the seal
  // signs): the signature is not intact as a whole, so kSignatureInvalid, not the document's
  // kDigestMismatch.
  CMS_SignerInfo* signer_info = sk_CMS_SignerInfo_value(signers, 0);
  const SignatureTimeStamp stamp = TimeStampOf(signer_info, tsa_trusted);
  if (stamp.present && !stamp.facts) {
    check.defect = SealDefect::kSignatureInvalid;
    ERR_clear_error();
    return check;
  }
  const bool time_stamped = stamp.facts && stamp.facts->tsa_trusted;
  if (time_stamped) {
    // The TSA's time is the one a third party vouches for: the seal's time, and the certificate's.
    signed_at = stamp.facts->gen_time;
    check.signed_at = common::FormatTimestamp(*signed_at);
  }
  check.defect = SealDefect::kNone;
  std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> signer_certificates(
      CMS_get0_signers(cms.get()), [](STACK_OF(X509) * list) { sk_X509_free(list); });
  X509* signer = signer_certificates && sk_X509_num(signer_certificates.get()) == 1
                     ? sk_X509_value(signer_certificates.get(), 0)
                     : nullptr;
  std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> carried(
      CMS_get1_certs(cms.get()), [](STACK_OF(X509) * list) { sk_X509_pop_free(list, X509_free); });
  if (signer != nullptr) {
    check.signer_subject = SubjectOf(signer);
    check.register_seal =
        anchors.Trusts(signer, carried.get(), signed_at.value_or(std::chrono::system_clock::now()));
  }
  check.level = time_stamped ? "B-T" : "B-B";
  // LT: the DSS holds certificates and an OCSP response that says this signer was good after the
  // time-stamp.
  if (time_stamped && signer != nullptr && dss != nullptr && dss->has_certificates) {
    for (const std::string& response : dss->ocsp_responses) {
      if (OcspSaysGood(response, signer, *signed_at)) {
        check.level = "B-LT";
        break;
      }
    }
  }
  ERR_clear_error();
  return check;
}

}  // namespace

SealCheck VerifyPades(std::string_view pdf, const TrustAnchors& anchors, const SignerTrust& tsa_trusted) {
  SealCheck check;
  check.form = SealForm::kPades;
  check.defect = SealDefect::kMalformed;
  if (pdf.size() > kMaxPadesBytes || pdf.substr(0, 5) != "%PDF-") {
    return check;
  }
  check.covered_sha256 = common::Sha256Hex(std::string(pdf));
  // The last signature is the seal: an update after it would have its own.
  const size_t marker = pdf.rfind("/ByteRange");
  if (marker == std::string_view::npos) {
    check.defect = SealDefect::kNoSignature;
    return check;
  }
  auto range = ReadByteRange(pdf, marker);
  if (!range || range->first_length >= range->second_start || range->second_start > pdf.size() ||
      range->second_length > pdf.size() - range->second_start) {
    return check;
  }
  // Between the two ranges: exactly the hex string of /Contents, "<...>".
  const size_t open = range->first_length;
  const size_t close = range->second_start - 1;
  if (pdf[open] != '<' || pdf[close] != '>' || close - open - 1 > kMaxSignatureHexDigits ||
      (close - open - 1) % 2 != 0) {
    return check;
  }
  size_t name_end = open;
  while (name_end > 0 && IsSpace(pdf[name_end - 1])) {
    --name_end;
  }
  const std::string_view contents_key = "/Contents";
  if (name_end < contents_key.size() ||
      pdf.substr(name_end - contents_key.size(), contents_key.size()) != contents_key) {
    return check;
  }
  std::string der;
  der.reserve((close - open - 1) / 2);
  for (size_t at = open + 1; at < close; at += 2) {
    const int high = HexValue(pdf[at]);
    const int low = HexValue(pdf[at + 1]);
    if (high < 0 || low < 0) {
      return check;
    }
    der.push_back(static_cast<char>(high * 16 + low));
  }
  // The rest of the signature dictionary lies around /Contents.
  const size_t area_start = open > kDictionaryWindow ? open - kDictionaryWindow : 0;
  const std::string_view before = pdf.substr(area_start, open - area_start);
  const std::string_view after = pdf.substr(range->second_start, kDictionaryWindow);
  const size_t dictionary_start = before.rfind(" obj");
  const std::string_view head =
      dictionary_start == std::string_view::npos ? before : before.substr(dictionary_start);
  const std::string_view tail = after.substr(0, after.find("endobj"));
  if (!NameFollows(head, "/SubFilter", "/ETSI.CAdES.detached") &&
      !NameFollows(tail, "/SubFilter", "/ETSI.CAdES.detached")) {
    return check;  // another kind of signature (adbe.pkcs7.*) is no PAdES seal of ours
  }
  std::optional<std::chrono::system_clock::time_point> signed_at;
  auto date = LiteralAfter(tail, "/M");
  if (!date) {
    date = LiteralAfter(head, "/M");
  }
  if (date) {
    signed_at = pdf::ParsePdfDate(*date);
    if (!signed_at) {
      return check;
    }
    check.signed_at = common::FormatTimestamp(*signed_at);
  }
  // Bytes after the signed range were added after sealing: the seal does not cover them, unless
  // they are only the DSS of an LT seal (validation data, no change to the document).
  const size_t signed_end = range->second_start + range->second_length;
  std::optional<DssUpdate> dss;
  if (signed_end != pdf.size()) {
    dss = ReadDssUpdate(pdf, signed_end);
  }
  check = CheckSignature(pdf, *range, der, signed_at, anchors, tsa_trusted, dss ? &*dss : nullptr, check);
  if (check.defect == SealDefect::kNone && signed_end != pdf.size() && !dss) {
    check.defect = SealDefect::kDigestMismatch;
    check.register_seal = false;
    check.level = "B-B";
  }
  return check;
}

}  // namespace kutse::stamping::verify
