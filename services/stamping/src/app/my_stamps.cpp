#include "app/my_stamps.hpp"

#include "db/stamp_repository.hpp"
#include "domain/stamp_reference.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::stamping::app {

std::vector<Stamp> MyStamps(pqxx::transaction_base& read, const auth::Identity& holder,
                            std::optional<long long> before_seq, int limit) {
  return StampRepository(read).Page(holder.personal_code, before_seq, limit);
}

common::StatusOr<Stamp> WithdrawMyStamp(pqxx::transaction_base& work, const auth::Identity& holder,
                                        const std::string& reference, const common::Clock& clock) {
  auto parsed = ParseStampReference(reference);
  std::optional<Stamp> stamp;
  if (parsed) {
    stamp = StampRepository(work).Withdraw(holder.personal_code, parsed->id, parsed->code,
                                           common::FormatTimestamp(clock.Now()));
  }
  if (!stamp) {
    return common::NotFound(common::Msg("stamping.stamp_not_found"));
  }
  return std::move(*stamp);
}

}  // namespace kutse::stamping::app
