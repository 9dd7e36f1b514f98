// workflow.personal_data_read.v1 (proto-docs/events/workflow.personal_data_read.v1.schema.json)
// read into a RequestRead: a handler of the workflow service saw a holder's request. Whatever does
// not fit is an invalid argument, refused at once (there is no decision to answer).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/data_access.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

inline constexpr const char* kPersonalDataReadV1 = "workflow.personal_data_read.v1";

common::StatusOr<RequestRead> ParseRequestRead(const nlohmann::json& data);

}  // namespace kutse::certificate
