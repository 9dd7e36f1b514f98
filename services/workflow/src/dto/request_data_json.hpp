// A request's kind data as JSON: the delivery of a reprint, the claim of a duplicate. The same
// shape is stored in workflow.requests.data and shown in the answers (openapi.yaml RequestDelivery,
// RequestDuplicate), so the two never drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/request.hpp"

namespace kutse::workflow::dto {

nlohmann::json DeliveryJson(const ReprintDelivery& delivery);
nlohmann::json DuplicateJson(const DuplicateClaim& claim);
// {code, message_key, message: {et, en}, refused_at} (openapi.yaml RequestRefusal).
nlohmann::json RefusalJson(const DecisionRefusal& refusal);
// {"delivery": ...} for a reprint, the duplicate's claim for a duplicate, {} for a question; and
// the certificate service's refusal when there is one.
nlohmann::json KindDataJson(const Request& request);
// The kind data of a stored row back into the request (whose kind is already read).
void ReadKindData(const nlohmann::json& data, Request& request);

}  // namespace kutse::workflow::dto
