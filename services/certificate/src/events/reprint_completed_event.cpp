#include "events/reprint_completed_event.hpp"

#include "domain/certificate_number.hpp"
#include "events/event_members.hpp"
#include "kutse/common/personal_code.hpp"

namespace kutse::certificate {

common::StatusOr<ReprintCompletion> ParseReprintCompletion(const nlohmann::json& data) {
  if (!data.is_object()) {
    return common::InvalidArgument(common::Msg("reprint.event_form"));
  }
  auto request_id = TextMember(data, "request_id", 100);
  auto number = TextMember(data, "certificate_number", kMaxCertificateNumberLength);
  auto completed_by = TextMember(data, "completed_by", 100);
  auto holder = TextMember(data, "holder_personal_code", 11);
  auto delivery = TextMember(data, "delivery", 20);
  if (!request_id || !number || !IsCertificateNumber(*number) || !completed_by || !delivery) {
    return common::InvalidArgument(common::Msg("reprint.event_form"));
  }
  if (!holder || !common::IsValidPersonalCode(*holder)) {
    return common::InvalidArgument(common::Msg("duplicate.holder_code_invalid"));
  }
  ReprintCompletion completion{*request_id, *number, *holder, PrintDelivery::kInPerson, *completed_by};
  if (*delivery == "posted") {
    completion.delivery = PrintDelivery::kPost;
  } else if (*delivery != "handed_over") {
    return common::InvalidArgument(common::Msg("reprint.delivery_values"));
  }
  return completion;
}

}  // namespace kutse::certificate
