#include "session/session_store.hpp"

#include "db/sql.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/common/text.hpp"
#include "oidc/pkce.hpp"

namespace kutse::gateway {
namespace {

// Authentication methods are short words; anything else is dropped rather than stored.
std::string JoinMethods(const std::vector<std::string>& methods) {
  std::string joined;
  for (const auto& method : methods) {
    if (!method.empty() && method.size() <= 32 &&
        method.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
            std::string::npos) {
      joined += (joined.empty() ? "" : ",") + method;
    }
  }
  return joined;
}

}  // namespace

void SessionStore::SaveLoginAttempt(const std::string& state, const LoginAttempt& attempt) {
  pool_.Transaction([&](pqxx::work& work) {
    work.exec_prepared(sql::kCreateLoginAttempt, state, attempt.nonce, attempt.code_verifier,
                       attempt.return_to);
  });
}

std::optional<LoginAttempt> SessionStore::TakeLoginAttempt(const std::string& state) {
  return pool_.Transaction([&](pqxx::work& work) -> std::optional<LoginAttempt> {
    auto rows = work.exec_prepared(sql::kTakeLoginAttempt, state);
    if (rows.empty()) {
      return std::nullopt;
    }
    return LoginAttempt{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                        rows[0][2].as<std::string>(), rows[0][3].as<bool>()};
  });
}

std::string SessionStore::Create(const TaraPerson& person) {
  std::string session_id = NewOpaqueToken();
  std::string csrf_token = NewOpaqueToken();
  pool_.Transaction([&](pqxx::work& work) {
    work.exec_prepared(sql::kCreateSession, common::Sha256Hex(session_id), person.personal_code,
                       person.given_name, person.family_name, csrf_token, JoinMethods(person.amr), person.acr,
                       policy_.idle_minutes, policy_.absolute_hours);
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
  auto found = pool_.Read([&](pqxx::nontransaction& read) -> std::optional<std::pair<Session, bool>> {
    auto rows = read.exec_prepared(sql::kFindSession, id_hash);
    if (rows.empty()) {
      return std::nullopt;
    }
    const auto& row = rows[0];
    Session session{row[0].as<std::string>(),
                    row[1].as<std::string>(),
                    row[2].as<std::string>(),
                    row[3].as<std::string>(),
                    common::Split(row[4].as<std::string>(), ','),
                    row[5].as<std::string>(),
                    row[6].as<std::string>(),
                    {}};
    session.staff_roles = common::Split(row[8].as<std::string>(), ',');
    return std::make_pair(session, row[7].as<bool>());
  });
  if (!found) {
    return std::nullopt;
  }
  if (found->second) {
    // Extending the idle limit at most once a minute keeps reads from turning into writes.
    pool_.Transaction(
        [&](pqxx::work& work) { work.exec_prepared(sql::kTouchSession, id_hash, policy_.idle_minutes); });
  }
  // Kept for the cache's short lifetime: until then the I/O thread resolves this caller from
  // memory and forwards without a database read or a hand-off to the worker pool.
  cache_.Put(id_hash, found->first, generation);
  return found->first;
}

void SessionStore::End(const std::string& session_id) {
  const std::string id_hash = common::Sha256Hex(session_id);
  pool_.Transaction([&](pqxx::work& work) {
    work.exec_prepared(sql::kEndSession, id_hash);
    work.exec_prepared(sql::kAnnounceSessionEnded, id_hash);  // delivered on commit
  });
  cache_.Evict(id_hash);  // at once here; other replicas when the notification reaches them
}

}  // namespace kutse::gateway
