#include "dto/certificate_requests.hpp"

#include "kutse/http/json_fields.hpp"

namespace kutse::certificate::dto {

using common::FieldErrors;
using common::Msg;

common::StatusOr<std::string> ParseStatusChangeReason(const nlohmann::json& body) {
  FieldErrors errors = http::UnknownFields(body, {"reason"});
  auto reason = http::RequiredText(body, "reason", http::Lines(1000), errors);
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors), Msg("status_change.give_reason"));
  }
  return *reason;
}

common::StatusOr<bool> ParsePublication(const nlohmann::json& body) {
  FieldErrors errors = http::UnknownFields(body, {"published"});
  auto published = http::RequiredBoolean(body, "published", errors);
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors), Msg("publication.send_boolean"));
  }
  return *published;
}

common::StatusOr<PrintOrder> ParsePrintOrder(const nlohmann::json& body) {
  FieldErrors errors = http::UnknownFields(body, {"reason", "delivery", "note"});
  PrintOrder order;
  auto reason = http::RequiredText(body, "reason", 20, errors);
  if (reason) {
    if (auto parsed = ParsePrintReason(*reason)) {
      order.reason = *parsed;
    } else {
      errors.push_back({"/reason", Msg("print.reason_values")});
    }
  }
  auto delivery = http::RequiredText(body, "delivery", 20, errors);
  if (delivery) {
    if (auto parsed = ParsePrintDelivery(*delivery)) {
      order.delivery = *parsed;
    } else {
      errors.push_back({"/delivery", Msg("print.delivery_values")});
    }
  }
  order.note = http::OptionalText(body, "note", http::Lines(1000), errors, http::Null::kAllowed);
  if (!errors.empty()) {
    return http::InvalidFields(std::move(errors));
  }
  return order;
}

}  // namespace kutse::certificate::dto
