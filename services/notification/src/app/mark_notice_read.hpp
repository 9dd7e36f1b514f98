// Marking one of the holder's notices read ("My notifications"). Someone else's notice, or an id that
// names none, is not found: the holder cannot tell the two apart.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::notification::app {

common::Status MarkNoticeRead(pqxx::work& work, const std::string& holder_personal_code,
                              const std::string& id);

}  // namespace kutse::notification::app
