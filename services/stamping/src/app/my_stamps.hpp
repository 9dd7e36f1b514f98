// The holder's own stamps (issue 12 item 4): the list, newest first, and the withdrawal of a stamp's
// online verification link. Withdrawal is idempotent and keeps the row: the stamp stays in the
// list, marked withdrawn, and its link then answers like an unknown one.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/stamp.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::stamping::app {

// Up to `limit` of the holder's stamps older than `before_seq` (all when nullopt).
std::vector<Stamp> MyStamps(pqxx::transaction_base& read, const auth::Identity& holder,
                            std::optional<long long> before_seq, int limit);

// `reference` is the stamp's id or its verification code. Not found for someone else's stamp, an
// unknown one or a reference of neither form (the same answer, so nothing is learnt of others').
common::StatusOr<Stamp> WithdrawMyStamp(pqxx::transaction_base& work, const auth::Identity& holder,
                                        const std::string& reference, const common::Clock& clock);

}  // namespace kutse::stamping::app
