// The Idempotency-Key request header of the routes that create things (architecture.md: a repeat
// returns the first result): read strictly, because it becomes a database key and is compared byte
// for byte. IdempotencyStore keeps the answers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::db {

inline constexpr size_t kMaxIdempotencyKeyLength = 200;

// No header: nullopt (the request is simply not idempotent). Otherwise 1 to 200 printable ASCII
// characters (space to tilde) with no space at either end, as the client sent it; anything else is
// invalid argument, reason bad_request.
common::StatusOr<std::optional<std::string>> ParseIdempotencyKey(const std::optional<std::string>& header);

}  // namespace kutse::db
