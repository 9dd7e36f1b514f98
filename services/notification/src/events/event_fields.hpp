// Reading the fields every certificate event carries. A malformed event is an invalid argument:
// the consumer sends it to the dead-letter queue at once, where an operator sees it.
#pragma once

#include <string>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"

namespace kutse::notification {

common::StatusOr<std::string> RequiredText(const bus::CloudEvent& event, const char* key);
common::StatusOr<std::string> HolderOf(const bus::CloudEvent& event);  // a valid personal code

}  // namespace kutse::notification
