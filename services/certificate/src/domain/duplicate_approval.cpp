#include "domain/duplicate_approval.hpp"

namespace kutse::certificate {

using common::Msg;

common::Status CheckCorrections(const DuplicateApproval& approval) {
  const CorrectedFields& corrected = approval.corrected;
  switch (approval.reason) {
    case DuplicateReason::kLost:
      if (!corrected.empty()) {
        return common::InvalidArgument(Msg("duplicate.lost_corrects_nothing"));
      }
      break;
    case DuplicateReason::kNewName:
      if (!corrected.holder_name || !(CorrectedFields{corrected.holder_name, {}, {}, {}, {}} == corrected)) {
        return common::InvalidArgument(Msg("duplicate.new_name_corrects_name"));
      }
      break;
    case DuplicateReason::kInaccurateData:
      if (corrected.empty()) {
        return common::InvalidArgument(Msg("duplicate.inaccurate_names_fields"));
      }
      break;
  }
  return common::OkStatus();
}

common::StatusOr<Certificate> MakeDuplicate(const Certificate& original, const DuplicateApproval& approval,
                                            const common::Date& today) {
  if (original.holder_personal_code != approval.holder_personal_code) {
    return common::PermissionDenied(Msg("duplicate.not_the_holders"));
  }
  // The issuing body decides on its certificates; the register keeper decides when that body no
  // longer exists or has lost its right.
  if (approval.approved_by != original.awarding_body_id && approval.approved_by != kRegisterKeeper) {
    return common::PermissionDenied(
        Msg("duplicate.approver_not_entitled", {{"approver", approval.approved_by}}));
  }
  if (original.replaced_by) {
    return common::FailedPrecondition(
        Msg("duplicate.already_replaced", {{"duplicate", *original.replaced_by}}));
  }
  if (original.status != CertificateStatus::kValid && original.status != CertificateStatus::kExpired) {
    return common::FailedPrecondition(Msg("duplicate.not_in_force"));
  }
  const CorrectedFields& corrected = approval.corrected;
  if (corrected.partial_qualification && original.type != CertificateType::kPartialQualification) {
    return common::FailedPrecondition(Msg("duplicate.partial_qualification_only"));
  }
  Certificate duplicate = original;
  duplicate.number.clear();
  duplicate.issue_date = today;
  duplicate.status_reason.reset();
  duplicate.historic_level.reset();
  duplicate.replaced_by.reset();
  duplicate.issued_at.clear();
  duplicate.holder_name = corrected.holder_name.value_or(original.holder_name);
  if (corrected.specialisation) {
    duplicate.specialisation = corrected.specialisation;
  }
  if (corrected.partial_qualification) {
    duplicate.partial_qualification = corrected.partial_qualification;
  }
  if (corrected.competences) {
    duplicate.competences = *corrected.competences;
  }
  duplicate.language = corrected.language.value_or(original.language);
  duplicate.origin = CertificateOrigin::kDuplicate;
  duplicate.duplicate_of = original.number;
  duplicate.duplicate_reason = approval.reason;
  duplicate.corrected_fields = corrected;
  duplicate.duplicate_request_id = approval.request_id;
  return duplicate;
}

}  // namespace kutse::certificate
