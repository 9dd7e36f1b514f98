#include "handlers/idempotent_create.hpp"

#include "db/idempotency_repository.hpp"
#include "kutse/db/migrations.hpp"

namespace kutse::certificate {

IdempotencyClaim ClaimOf(const http::Request& request, const std::string& scope) {
  IdempotencyClaim claim;
  claim.key = request.Header("idempotency-key");
  if (claim.key && (claim.key->empty() || claim.key->size() > 200)) {
    throw common::StatusError(
        common::InvalidArgument(common::Msg("http.idempotency_key_length")).WithReason("bad_request"));
  }
  claim.request_hash = db::Sha256Hex(request.PathParam("bodyId") + "\n" + scope + request.body);
  return claim;
}

common::StatusOr<nlohmann::json> CreateOnce(
    db::Pool& pool, const auth::Identity& caller, const IdempotencyClaim& claim,
    const std::function<common::StatusOr<nlohmann::json>(pqxx::work&)>& create_and_render) {
  return pool.Transaction([&](pqxx::work& work) -> common::StatusOr<nlohmann::json> {
    IdempotencyRepository answers(work);
    if (claim.key && !answers.Claim(caller.Subject(), *claim.key, claim.request_hash)) {
      auto stored = answers.Find(caller.Subject(), *claim.key);
      if (!stored || stored->request_hash != claim.request_hash) {
        return common::AlreadyExists(common::Msg("http.idempotency_key_reused"));
      }
      return stored->body;
    }
    common::StatusOr<nlohmann::json> answer = create_and_render(work);
    if (answer.ok() && claim.key) {
      answers.Save(caller.Subject(), *claim.key, *answer);
    }
    return answer;
  });
}

}  // namespace kutse::certificate
