// The holder's request bodies read into domain types: a new request (its kind decides which
// members it takes), a message of a question's thread. Every wrong member is reported at once
// (422); the domain's own rules (lengths, addresses, the claim) are checked again by the use case.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "db/request_repository.hpp"
#include "domain/request.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::dto {

// {kind, certificate_number} and, by kind: reprint {delivery: {method, address?}}; duplicate
// {reason, corrections?: [{field, value}], note?}; question {message}.
common::StatusOr<RequestInput> ParseNewRequest(const nlohmann::json& body);
// {message}: a reply to a question.
common::StatusOr<std::string> ParseMessage(const nlohmann::json& body);
// {reason}: why a handler rejects a request.
common::StatusOr<std::string> ParseReason(const nlohmann::json& body);
// {delivery: posted | handed_over}: how a reprint reached the holder.
common::StatusOr<DeliveryOutcome> ParseDelivered(const nlohmann::json& body);
// The optional `cursor` of the holder's list: the seq of the last request of the page before.
common::StatusOr<std::optional<long long>> RequestListCursor(const std::optional<std::string>& cursor);
std::string EncodeRequestListCursor(long long seq);
// The inbox's `kind`, `state` and `cursor` query parameters (400 naming the wrong one).
common::StatusOr<InboxQuery> ParseInboxQuery(const std::optional<std::string>& kind,
                                             const std::optional<std::string>& state,
                                             const std::optional<std::string>& cursor);
std::string EncodeInboxCursor(const InboxKey& key);

}  // namespace kutse::workflow::dto
