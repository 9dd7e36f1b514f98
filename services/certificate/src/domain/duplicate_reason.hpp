// Why a holder asks for a duplicate: the certificate was lost, their name changed, or its data are
// inaccurate (the last two carry corrected fields). No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class DuplicateReason { kLost, kNewName, kInaccurateData };

const char* ToString(DuplicateReason reason);
std::optional<DuplicateReason> ParseDuplicateReason(const std::string& text);

}  // namespace kutse::certificate
