// workflow.duplicate_approved.v1 (proto-docs/events/workflow.duplicate_approved.v1.schema.json) read
// into the domain's DuplicateApproval. Whatever does not fit is an invalid argument: the consumer
// dead-letters it at once, since sending it again cannot make it fit.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/duplicate_approval.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

inline constexpr const char* kDuplicateApprovedV1 = "workflow.duplicate_approved.v1";

common::StatusOr<DuplicateApproval> ParseDuplicateApproval(const nlohmann::json& data);

}  // namespace kutse::certificate
