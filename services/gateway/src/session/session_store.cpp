#include "session/session_store.hpp"

#include "db/login_attempt_repository.hpp"
#include "db/session_repository.hpp"
#include "kutse/common/sha256.hpp"
#include "oidc/pkce.hpp"

namespace kutse::gateway {

void SessionStore::SaveLoginAttempt(const std::string& state, const LoginAttempt& attempt) {
  pool_.Transaction([&](pqxx::work& work) { LoginAttemptRepository(work).Add(state, attempt); });
}

std::optional<LoginAttempt> SessionStore::TakeLoginAttempt(const std::string& state) {
  return pool_.Transaction([&](pqxx::work& work) { return LoginAttemptRepository(work).Take(state); });
}

std::string SessionStore::Create(const TaraPerson& person) {
  std::string session_id = NewOpaqueToken();
  std::string csrf_token = NewOpaqueToken();
  pool_.Transaction([&](pqxx::work& work) {
    SessionRepository(work).Create(common::Sha256Hex(session_id), person, csrf_token, policy_);
  });
  return session_id;
}

std::optional<Session> SessionStore::FindCached(const std::string& session_id) {
  return cache_.Get(common::Sha256Hex(session_id));
}

std::optional<Session> SessionStore::Find(const std::string& session_id) {
  const std::string id_hash = common::Sha256Hex(session_id);
  if (auto cached = cache_.Get(id_hash)) {
    return cached;
  }
  const uint64_t generation = cache_.Generation();
  auto found = pool_.Read([&](pqxx::nontransaction& read) { return SessionRepository(read).Find(id_hash); });
  if (!found) {
    return std::nullopt;
  }
  if (found->touch_due) {
    // Extending the idle limit at most once a minute keeps reads from turning into writes.
    pool_.Transaction(
        [&](pqxx::work& work) { SessionRepository(work).Touch(id_hash, policy_.idle_minutes); });
  }
  // Kept for the cache's short lifetime: until then the I/O thread resolves this caller from
  // memory and forwards without a database read or a hand-off to the worker pool.
  cache_.Put(id_hash, found->session, generation);
  return found->session;
}

void SessionStore::End(const std::string& session_id) {
  const std::string id_hash = common::Sha256Hex(session_id);
  pool_.Transaction([&](pqxx::work& work) { SessionRepository(work).End(id_hash); });
  cache_.Evict(id_hash);  // at once here; other replicas when the notification reaches them
}

}  // namespace kutse::gateway
