// The code from the confirmation message makes the waiting address the person's e-mail address. A
// wrong code is counted (committed, so it sticks); after kMaxCodeAttempts, or once expired, the code is
// spent and only a new address (PUT) sends another.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::notification::app {

enum class CodeCheck { kConfirmed, kWrong };

// Conflict when nothing waits, the code expired or too many attempts were made.
common::StatusOr<CodeCheck> ConfirmEmail(pqxx::work& work, const common::Clock& clock,
                                         const std::string& personal_code, const std::string& code);

}  // namespace kutse::notification::app
