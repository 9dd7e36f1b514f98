#include "events/event_fields.hpp"

#include <stdexcept>

#include "kutse/common/personal_code.hpp"

namespace kutse::notification {

std::string RequiredText(const bus::CloudEvent& event, const char* key) {
  if (!event.data.contains(key) || !event.data[key].is_string()) {
    throw std::invalid_argument(event.type + " without " + key);
  }
  return event.data[key].get<std::string>();
}

std::string HolderOf(const bus::CloudEvent& event) {
  std::string personal_code = RequiredText(event, "holder_personal_code");
  if (!common::IsValidPersonalCode(personal_code)) {
    throw std::invalid_argument(event.type + " with an invalid personal code");
  }
  return personal_code;
}

}  // namespace kutse::notification
