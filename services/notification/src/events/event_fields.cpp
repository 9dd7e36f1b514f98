#include "events/event_fields.hpp"

#include "kutse/common/personal_code.hpp"

namespace kutse::notification {

common::StatusOr<std::string> RequiredText(const bus::CloudEvent& event, const char* key) {
  if (!event.data.contains(key) || !event.data[key].is_string()) {
    return common::InvalidArgument(common::Msg("event.member_missing", {{"member", key}}));
  }
  return event.data[key].get<std::string>();
}

common::StatusOr<std::string> HolderOf(const bus::CloudEvent& event) {
  auto personal_code = RequiredText(event, "holder_personal_code");
  if (personal_code.ok() && !common::IsValidPersonalCode(*personal_code)) {
    return common::InvalidArgument(common::Msg("event.personal_code_invalid"));
  }
  return personal_code;
}

}  // namespace kutse::notification
