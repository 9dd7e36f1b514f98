#include "domain/duplicate_reason.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

constexpr common::EnumName<DuplicateReason> kNames[] = {
    {DuplicateReason::kLost, "lost"},
    {DuplicateReason::kNewName, "new_name"},
    {DuplicateReason::kInaccurateData, "inaccurate_data"},
};

}  // namespace

const char* ToString(DuplicateReason reason) {
  return common::NameOf(kNames, reason);
}

std::optional<DuplicateReason> ParseDuplicateReason(const std::string& text) {
  return common::ValueOf(kNames, text);
}

}  // namespace kutse::workflow
