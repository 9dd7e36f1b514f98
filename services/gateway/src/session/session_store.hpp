// Sessions and logins in progress, in the gateway's schema, so any gateway replica can serve any
// request. The cookie's value is never stored, only its SHA-256.
#pragma once

#include <optional>
#include <string>

#include "kutse/db/pool.hpp"
#include "oidc/tara_person.hpp"
#include "session/session.hpp"
#include "session/session_cache.hpp"

namespace kutse::gateway {

class SessionStore {
 public:
  SessionStore(db::Pool& pool, SessionPolicy policy, std::chrono::milliseconds cache_time_to_live)
      : pool_(pool), policy_(policy), cache_(cache_time_to_live) {}
  void StartListening(const std::string& dsn) { cache_.StartListening(dsn); }

  void SaveLoginAttempt(const std::string& state, const LoginAttempt& attempt);
  std::optional<LoginAttempt> TakeLoginAttempt(const std::string& state);

  // Returns the new session's cookie value.
  std::string Create(const TaraPerson& person);
  std::optional<Session> Find(const std::string& session_id);
  // Only from memory, never blocking: nullopt means "ask Find".
  std::optional<Session> FindCached(const std::string& session_id);
  void End(const std::string& session_id);
  const SessionPolicy& Policy() const { return policy_; }
  // This replica at once; the others through kRolesChangedChannel.
  void ForgetPerson(const std::string& personal_code) { cache_.EvictPerson(personal_code); }

 private:
  db::Pool& pool_;
  SessionPolicy policy_;
  SessionCache cache_;
};

}  // namespace kutse::gateway
