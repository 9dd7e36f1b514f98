// Reading the fields every certificate event carries; a malformed event is refused with a reason
// (it then goes through the retry tiers to the dead-letter queue, where an operator sees it).
#pragma once

#include <string>

#include "kutse/bus/cloud_event.hpp"

namespace kutse::notification {

std::string RequiredText(const bus::CloudEvent& event, const char* key);
std::string HolderOf(const bus::CloudEvent& event);  // a valid personal code, or std::invalid_argument

}  // namespace kutse::notification
