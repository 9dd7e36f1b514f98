// Sessions by the SHA-256 of the cookie's value, inside a caller's transaction or read. Their times
// are the database's now(), so every replica agrees on when a session ends.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "oidc/tara_person.hpp"
#include "session/session.hpp"

namespace kutse::gateway {

struct FoundSession {
  Session session;
  bool touch_due = false;  // last extended over a minute ago: Touch it
};

class SessionRepository {
 public:
  explicit SessionRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  void Create(const std::string& id_hash, const TaraPerson& person, const std::string& csrf_token,
              const SessionPolicy& policy);
  // A live session only: not ended, neither limit passed.
  std::optional<FoundSession> Find(const std::string& id_hash);
  // Extends the idle limit, never beyond the absolute one.
  void Touch(const std::string& id_hash, int idle_minutes);
  // Ends it and tells every replica once the transaction commits.
  void End(const std::string& id_hash);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::gateway
