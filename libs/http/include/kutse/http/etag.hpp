// Optimistic concurrency over HTTP (RFC 9110 §8.8.3, §13.1.1-2): a strong ETag made from a row's
// version, the If-Match and If-None-Match lists a client sends back, and the checks an update runs
// before it writes, so that of two clerks editing the same thing the second is told instead of
// silently overwriting the first. No I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kutse/common/status.hpp"

namespace kutse::http {

struct EntityTag {
  std::string opaque;  // what stands between the quotes
  bool weak = false;

  // A strong tag of a row version: "17". The version must change with every change of the row.
  static EntityTag OfVersion(long long version);
  std::string ToString() const;  // as the ETag header carries it: "17" or W/"17"
};

// RFC 9110 §8.8.3.2: strong comparison (If-Match) needs both strong and alike; weak comparison
// (If-None-Match) only alike.
bool StrongMatch(const EntityTag& a, const EntityTag& b);
bool WeakMatch(const EntityTag& a, const EntityTag& b);

// An If-Match or If-None-Match field value: "*" or a comma-separated list of entity tags (empty
// list elements allowed, as RFC 9110 §5.6.1 asks of recipients).
struct EntityTagCondition {
  bool any = false;  // "*"
  std::vector<EntityTag> tags;
};
// A value that is neither is invalid argument, reason bad_request, naming `header` in its message.
common::StatusOr<EntityTagCondition> ParseEntityTagCondition(std::string_view value,
                                                             const std::string& header);

enum class Precondition { kOptional, kRequired };

// The If-Match check of an update. `current` is the resource's tag now, nullopt when it does not
// exist. No header: OK, unless required (failed precondition, reason precondition_required: 428).
// "*" holds when the resource exists; a list when one of its tags matches `current` strongly.
// When it does not hold: failed precondition, reason precondition_failed (412).
common::Status CheckIfMatch(const std::optional<std::string>& if_match,
                            const std::optional<EntityTag>& current,
                            Precondition precondition = Precondition::kOptional);

// Whether If-None-Match holds: no header, or "*" while the resource does not exist, or no tag that
// matches `current` weakly. A GET or HEAD that finds it false answers 304 Not Modified.
common::StatusOr<bool> IfNoneMatchHolds(const std::optional<std::string>& if_none_match,
                                        const std::optional<EntityTag>& current);
// The same for a write (e.g. create-only with "If-None-Match: *"): false is precondition_failed (412).
common::Status CheckIfNoneMatch(const std::optional<std::string>& if_none_match,
                                const std::optional<EntityTag>& current);

}  // namespace kutse::http
