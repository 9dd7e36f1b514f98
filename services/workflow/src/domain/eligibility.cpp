#include "domain/eligibility.hpp"

#include "domain/certificate_status.hpp"

namespace kutse::workflow {
namespace {

using common::Msg;

// A reprint or a duplicate is of the document in use: valid or expired, and not replaced.
common::Status CheckInUse(const CertificateFacts& facts) {
  if (facts.replaced_by) {
    return common::FailedPrecondition(
        Msg("request.certificate_replaced", {{"duplicate", *facts.replaced_by}}));
  }
  if (facts.status != CertificateStatus::kValid && facts.status != CertificateStatus::kExpired) {
    return common::FailedPrecondition(
        Msg("request.certificate_not_in_force", {{"status", ToString(facts.status)}}));
  }
  return common::OkStatus();
}

}  // namespace

common::Status CheckEligibility(RequestKind kind, const CertificateFacts& facts,
                                const std::string& caller_personal_code, bool open_duplicate_exists) {
  if (caller_personal_code.empty() || facts.holder_personal_code != caller_personal_code) {
    return common::NotFound(Msg("request.certificate_not_found"));
  }
  switch (kind) {
    case RequestKind::kQuestion:
      return common::OkStatus();
    case RequestKind::kReprint:
      return CheckInUse(facts);
    case RequestKind::kDuplicate: {
      common::Status in_use = CheckInUse(facts);
      if (!in_use.ok()) {
        return in_use;
      }
      if (open_duplicate_exists) {
        return common::AlreadyExists(Msg("request.duplicate_already_open"));
      }
      return common::OkStatus();
    }
  }
  return common::OkStatus();
}

}  // namespace kutse::workflow
