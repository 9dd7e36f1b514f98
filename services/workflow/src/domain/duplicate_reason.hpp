// Why a holder asks for a duplicate: the paper was lost, their name changed, or data on the
// certificate are wrong. The names are those of workflow.duplicate_approved.v1's `reason`. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::workflow {

enum class DuplicateReason { kLost, kNewName, kInaccurateData };

const char* ToString(DuplicateReason reason);
std::optional<DuplicateReason> ParseDuplicateReason(const std::string& text);

}  // namespace kutse::workflow
