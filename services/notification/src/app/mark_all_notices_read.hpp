// "Mark all read": every unread notice of the holder up to the one the holder saw newest (`up_to`,
// one of theirs), so that a notice arriving meanwhile stays unread. Someone else's id is not found.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::notification::app {

// How many notices were marked read.
common::StatusOr<long long> MarkAllNoticesRead(pqxx::work& work, const std::string& holder_personal_code,
                                               const std::string& up_to);

}  // namespace kutse::notification::app
