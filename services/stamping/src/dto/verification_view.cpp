#include "dto/verification_view.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::stamping::dto {
namespace {

using nlohmann::json;

const char* DefectName(verify::SealDefect defect) {
  switch (defect) {
    case verify::SealDefect::kNone:
      return nullptr;
    case verify::SealDefect::kMalformed:
      return "malformed";
    case verify::SealDefect::kNoSignature:
      return "no_signature";
    case verify::SealDefect::kDigestMismatch:
      return "digest_mismatch";
    case verify::SealDefect::kSignatureInvalid:
      return "signature_invalid";
  }
  return nullptr;
}

const char* KindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kCertificate:
      return "certificate";
    case DocumentKind::kPartialQualification:
      return "partial_qualification";
    case DocumentKind::kInitialQualification:
      return "initial_qualification";
  }
  return "certificate";
}

json SealView(const verify::SealCheck& seal) {
  const char* defect = DefectName(seal.defect);
  return {{"form", seal.form == verify::SealForm::kPades ? "pades" : "asice"},
          {"intact", seal.Intact()},
          {"defect", defect != nullptr ? json(defect) : json(nullptr)},
          {"register_seal", seal.Intact() && seal.register_seal},
          {"signer", common::JsonOrNull(seal.signer_subject)},
          {"signed_at", common::JsonOrNull(seal.signed_at)},
          {"level", common::JsonOrNull(seal.level)}};
}

json StampRecordView(const Stamp& stamp) {
  return {{"format", stamp.format},
          {"language", stamp.language},
          {"level", stamp.level},
          {"created_at", stamp.created_at}};
}

std::optional<std::string> DateText(const std::optional<common::Date>& date) {
  return date ? std::optional<std::string>(date->ToString()) : std::nullopt;
}

// A replaced certificate is no longer the document to rely on, whatever its own status says.
std::string StatusToday(const CertificateOnRecord& record) {
  return record.replaced_by ? "replaced" : record.status;
}

json CertificateView(const CertificateOnRecord& record, const Stamp& stamp) {
  // As the stamped document prints it: the qualification in the document's language.
  const DocumentLanguage language =
      ParseDocumentLanguage(stamp.language).value_or(DocumentLanguage::kEstonian);
  const CertificateDocument document = DocumentFor(record, language, "");
  return {{"number", document.number},
          {"type", KindName(document.kind)},
          {"holder_name", document.holder_name},
          {"qualification_name", document.qualification_name},
          {"estqf_level", document.estqf_level},
          {"eqf_level", common::JsonOrNull(document.eqf_level)},
          {"specialisation", common::JsonOrNull(document.specialisation)},
          {"partial_qualification", common::JsonOrNull(document.partial_qualification)},
          {"awarding_body_name", document.awarding_body_name},
          {"issue_date", document.issue_date.ToString()},
          {"valid_from", document.valid_from.ToString()},
          {"valid_until", common::JsonOrNull(DateText(document.valid_until))},
          {"duplicate_of", common::JsonOrNull(document.duplicate_of)},
          {"status_today", StatusToday(record)},
          {"replaced_by", common::JsonOrNull(record.replaced_by)}};
}

}  // namespace

nlohmann::json VerificationView(const app::Verification& verification) {
  // Without a document, the register's live record is its own seal's word.
  const bool seal_valid = verification.seal ? verification.seal->Intact() && verification.seal->register_seal
                                            : verification.stamp.has_value();
  json certificate = nullptr;
  json status = nullptr;
  if (verification.certificate && verification.stamp) {
    certificate = CertificateView(*verification.certificate, *verification.stamp);
    status = certificate["status_today"];
  }
  return {{"seal_valid", seal_valid},
          {"certificate_status", status},
          {"seal", verification.seal ? SealView(*verification.seal) : json(nullptr)},
          {"stamp", verification.stamp ? StampRecordView(*verification.stamp) : json(nullptr)},
          {"certificate", certificate}};
}

}  // namespace kutse::stamping::dto
