#include "db/login_attempt_repository.hpp"

#include "db/sql.hpp"

namespace kutse::gateway {

void LoginAttemptRepository::Add(const std::string& state, const LoginAttempt& attempt) {
  tx_.exec_prepared(sql::kCreateLoginAttempt.name, state, attempt.nonce, attempt.code_verifier,
                    attempt.return_to);
}

std::optional<LoginAttempt> LoginAttemptRepository::Take(const std::string& state) {
  auto rows = tx_.exec_prepared(sql::kTakeLoginAttempt.name, state);
  if (rows.empty()) {
    return std::nullopt;
  }
  const auto& row = rows[0];
  return LoginAttempt{row["nonce"].as<std::string>(), row["code_verifier"].as<std::string>(),
                      row["return_to"].as<std::string>(), row["still_valid"].as<bool>()};
}

}  // namespace kutse::gateway
