// The stamping.stamps table: every stamp made (V002__stamps.sql), read back for its holder's list
// and, while its verification link stands, for the public's verification.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/stamp.hpp"

namespace kutse::stamping {

class StampRepository {
 public:
  explicit StampRepository(pqxx::transaction_base& tx) : tx_(tx) {}
  void Insert(const Stamp& stamp);
  // The holder's stamps, newest first, older than `before_seq` when given.
  std::vector<Stamp> Page(const std::string& holder, std::optional<long long> before_seq, int limit);
  // Sets withdrawn_at once (a repeat keeps the first time); nullopt when the holder has no stamp with
  // this id or verification code.
  std::optional<Stamp> Withdraw(const std::string& holder, const std::optional<std::string>& id,
                                const std::optional<std::string>& code, const std::string& now);
  // Only stamps whose verification link was not withdrawn.
  std::optional<Stamp> LiveByCode(const std::string& code);
  std::optional<Stamp> LiveBySha256(const std::string& sha256);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::stamping
