// Use cases that read requests for the holder who made them: their list (newest first, a keyset
// page) and one request with its history and messages. Someone else's request is not found, just
// as an unknown id.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/request.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::workflow::app {

std::vector<Request> MyRequests(pqxx::transaction_base& tx, const auth::Identity& holder,
                                std::optional<long long> before_seq, int limit);
common::StatusOr<RequestDetail> MyRequest(pqxx::transaction_base& tx, const auth::Identity& holder,
                                          const std::string& id);
// The request with its history and messages as stored now.
RequestDetail DetailOf(pqxx::transaction_base& tx, Request request);

}  // namespace kutse::workflow::app
