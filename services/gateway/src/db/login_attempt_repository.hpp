// Logins between the redirect to the provider and its callback, inside a caller's transaction.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "session/session.hpp"

namespace kutse::gateway {

class LoginAttemptRepository {
 public:
  explicit LoginAttemptRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  void Add(const std::string& state, const LoginAttempt& attempt);  // valid for ten minutes
  // Removes the attempt and returns it, expired or not; nullopt when there is none.
  std::optional<LoginAttempt> Take(const std::string& state);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::gateway
