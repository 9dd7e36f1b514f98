#include "domain/print_order.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

using common::Msg;

constexpr common::EnumName<PrintReason> kReasonNames[] = {
    {PrintReason::kFirstPrint, "first_print"},
    {PrintReason::kReprint, "reprint"},
    {PrintReason::kDuplicate, "duplicate"},
};

constexpr common::EnumName<PrintDelivery> kDeliveryNames[] = {
    {PrintDelivery::kInPerson, "in_person"},
    {PrintDelivery::kPost, "post"},
};

}  // namespace

const char* ToString(PrintReason reason) {
  return common::NameOf(kReasonNames, reason);
}

std::optional<PrintReason> ParsePrintReason(const std::string& text) {
  return common::ValueOf(kReasonNames, text);
}

const char* ToString(PrintDelivery delivery) {
  return common::NameOf(kDeliveryNames, delivery);
}

std::optional<PrintDelivery> ParsePrintDelivery(const std::string& text) {
  return common::ValueOf(kDeliveryNames, text);
}

common::Status CheckPrintable(const Certificate& certificate, const PrintOrder& order) {
  if (certificate.replaced_by) {
    return common::FailedPrecondition(Msg("print.replaced", {{"duplicate", *certificate.replaced_by}}));
  }
  if (certificate.status != CertificateStatus::kValid && certificate.status != CertificateStatus::kExpired) {
    return common::FailedPrecondition(Msg("print.not_in_force"));
  }
  if (order.reason == PrintReason::kDuplicate && !certificate.duplicate_of) {
    return common::FailedPrecondition(Msg("print.not_a_duplicate"));
  }
  return common::OkStatus();
}

}  // namespace kutse::certificate
