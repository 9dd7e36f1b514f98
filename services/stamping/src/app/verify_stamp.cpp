#include "app/verify_stamp.hpp"

#include "domain/stamp_reference.hpp"

namespace kutse::stamping::app {
namespace {

common::Status Unknown() {
  return common::NotFound(common::Msg("stamping.verification_not_found"));
}

// The certificate the stamp covers, now.
common::Status AddCertificate(const VerificationTools& tools, Verification& verification) {
  if (!tools.fetch_facts) {
    return common::Unavailable(common::Msg("stamping.not_configured"));
  }
  auto record = tools.fetch_facts(verification.stamp->certificate_number);
  if (!record.ok()) {
    // The register keeps every certificate it ever held: a stamp's number it does not know is a
    // fault of the service, not something the public could ask better.
    if (record.status().code() == common::StatusCode::kNotFound) {
      return common::Internal(common::Msg("stamping.certificate_facts_unreadable"));
    }
    return record.status();
  }
  verification.certificate = std::move(record.value());
  return common::Status();
}

}  // namespace

common::StatusOr<Verification> VerifyByCode(const VerificationTools& tools, const std::string& code) {
  if (!IsVerificationCode(code)) {
    return Unknown();
  }
  Verification verification;
  verification.stamp = tools.by_code(code);
  if (!verification.stamp) {
    return Unknown();
  }
  if (auto added = AddCertificate(tools, verification); !added.ok()) {
    return added;
  }
  return verification;
}

common::StatusOr<Verification> VerifyDocument(const VerificationTools& tools, std::string_view document,
                                              const std::string& media_type) {
  const auto verifier = tools.verifiers.find(media_type);
  if (verifier == tools.verifiers.end()) {
    return common::InvalidArgument(common::Msg("stamping.document_type"))
        .WithReason("unsupported_media_type");
  }
  Verification verification;
  verification.seal = verifier->second(document);
  const verify::SealCheck& seal = *verification.seal;
  if (seal.defect == verify::SealDefect::kMalformed) {
    return common::InvalidArgument(common::Msg("stamping.document_unreadable"));
  }
  if (!seal.Intact() || !seal.register_seal || !seal.covered_sha256) {
    return verification;
  }
  verification.stamp = tools.by_sha256(*seal.covered_sha256);
  if (verification.stamp) {
    if (auto added = AddCertificate(tools, verification); !added.ok()) {
      return added;
    }
  }
  return verification;
}

}  // namespace kutse::stamping::app
