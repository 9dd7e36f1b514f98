// workflow.reprint_completed.v1 (proto-docs/events/workflow.reprint_completed.v1.schema.json) read
// into the domain's ReprintCompletion. Whatever does not fit is an invalid argument, refused at once.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/reprint_completion.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

inline constexpr const char* kReprintCompletedV1 = "workflow.reprint_completed.v1";

common::StatusOr<ReprintCompletion> ParseReprintCompletion(const nlohmann::json& data);

}  // namespace kutse::certificate
