#include "domain/print_order.hpp"

namespace kutse::certificate {

std::variant<PrintOrder, FieldErrors> ParsePrintOrder(const nlohmann::json& body) {
  FieldErrors errors = UnknownFields(body, {"reason", "delivery", "note"});
  PrintOrder order;
  auto reason = RequiredText(body, "reason", 20, errors);
  if (reason && *reason != "first_print" && *reason != "reprint" && *reason != "duplicate") {
    errors.push_back({"/reason", "must be first_print, reprint or duplicate"});
  }
  auto delivery = RequiredText(body, "delivery", 20, errors);
  if (delivery && *delivery != "in_person" && *delivery != "post") {
    errors.push_back({"/delivery", "must be in_person or post"});
  }
  order.note = OptionalText(body, "note", 1000, errors);
  if (!errors.empty()) {
    return errors;
  }
  order.reason = *reason;
  order.delivery = *delivery;
  return order;
}

std::optional<std::string> PrintRefusal(const CertificateRecord& certificate, const PrintOrder& order) {
  if (certificate.replaced_by) {
    return "The certificate was replaced by duplicate " + *certificate.replaced_by + "; print the duplicate.";
  }
  if (certificate.status != CertificateStatus::kValid && certificate.status != CertificateStatus::kExpired) {
    return std::string("An invalidated or annulled certificate is not printed.");
  }
  if (order.reason == "duplicate" && !certificate.duplicate_of) {
    return std::string("This certificate is not a duplicate.");
  }
  return std::nullopt;
}

}  // namespace kutse::certificate
