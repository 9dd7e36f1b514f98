#include "kutse/db/idempotency_store.hpp"

#include <stdexcept>

namespace kutse::db {
namespace {

bool IsPlainIdentifier(const std::string& name) {
  if (name.empty() || name.size() > 63 || (name[0] >= '0' && name[0] <= '9')) {
    return false;
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

IdempotencyStore::IdempotencyStore(const std::string& schema) {
  if (!IsPlainIdentifier(schema)) {
    throw std::invalid_argument("an idempotency store's schema must be a plain lower-case identifier");
  }
  const std::string table = schema + ".idempotency_keys";
  claim_ = "INSERT INTO " + table +
           " (caller, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (caller, key) DO NOTHING";
  find_ = "SELECT request_hash, response_status, response_body::text FROM " + table +
          " WHERE caller = $1 AND key = $2";
  save_ = "UPDATE " + table +
          " SET response_status = $3, response_body = $4::jsonb WHERE caller = $1 AND key = $2";
  release_ = "DELETE FROM " + table + " WHERE caller = $1 AND key = $2 AND response_body IS NULL";
}

common::StatusOr<IdempotencyClaim> IdempotencyStore::Claim(pqxx::transaction_base& tx,
                                                           const std::string& caller, const std::string& key,
                                                           const std::string& request_hash) const {
  // Twice at most: a row that was there for the INSERT may be gone for the SELECT (a clean-up
  // deleted it in between), and then the key is free again.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (tx.exec_params(claim_, caller, key, request_hash).affected_rows() == 1) {
      return IdempotencyClaim{true, {}};
    }
    // In READ COMMITTED this statement sees what the INSERT waited for.
    auto rows = tx.exec_params(find_, caller, key);
    if (rows.empty()) {
      continue;
    }
    if (rows[0][0].as<std::string>() != request_hash) {
      return common::AlreadyExists(common::Msg("db.idempotency_key_reused")).WithReason("conflict");
    }
    if (rows[0][2].is_null()) {
      // Committed without an answer: a caller that claimed and never saved. Nothing to repeat.
      return common::Internal(common::Msg("db.idempotency_answer_missing"));
    }
    return IdempotencyClaim{
        false, StoredResponse{rows[0][1].as<int>(), nlohmann::json::parse(rows[0][2].as<std::string>())}};
  }
  return common::Aborted(common::Msg("db.idempotency_key_busy"));
}

void IdempotencyStore::Save(pqxx::transaction_base& tx, const std::string& caller, const std::string& key,
                            const StoredResponse& answer) const {
  if (tx.exec_params(save_, caller, key, answer.status, answer.body.dump()).affected_rows() != 1) {
    throw std::logic_error("an idempotent answer saved without claiming its key first");
  }
}

void IdempotencyStore::Release(pqxx::transaction_base& tx, const std::string& caller,
                               const std::string& key) const {
  tx.exec_params(release_, caller, key);
}

common::StatusOr<StoredResponse> IdempotencyStore::Once(
    pqxx::transaction_base& tx, const std::string& caller, const std::optional<std::string>& key,
    const std::string& request_hash, const std::function<common::StatusOr<StoredResponse>()>& produce) const {
  if (!key) {
    return produce();
  }
  common::StatusOr<IdempotencyClaim> claim = Claim(tx, caller, *key, request_hash);
  if (!claim.ok()) {
    return claim.status();
  }
  if (!claim->first) {
    return claim->answer;
  }
  common::StatusOr<StoredResponse> answer = produce();
  if (!answer.ok()) {
    Release(tx, caller, *key);
    return answer;
  }
  Save(tx, caller, *key, *answer);
  return answer;
}

}  // namespace kutse::db
