#include "handlers/idempotent_create.hpp"

#include "kutse/common/sha256.hpp"
#include "kutse/db/idempotency_key.hpp"
#include "kutse/db/idempotency_store.hpp"

namespace kutse::certificate {
namespace {

const db::IdempotencyStore& Store() {
  static const db::IdempotencyStore store("certificate");
  return store;
}

}  // namespace

IdempotencyClaim ClaimOf(const http::Request& request, const std::string& scope) {
  IdempotencyClaim claim;
  claim.key = common::ValueOrThrow(db::ParseIdempotencyKey(request.Header("idempotency-key")));
  claim.request_hash = common::Sha256Hex(request.PathParam("bodyId") + "\n" + scope + request.body);
  return claim;
}

common::StatusOr<nlohmann::json> CreateOnce(
    db::Pool& pool, const auth::Identity& caller, const IdempotencyClaim& claim,
    const std::function<common::StatusOr<nlohmann::json>(pqxx::work&)>& create_and_render) {
  auto answer = pool.Transaction([&](pqxx::work& work) {
    return Store().Once(work, caller.Subject(), claim.key, claim.request_hash,
                        [&]() -> common::StatusOr<db::StoredResponse> {
                          auto created = create_and_render(work);
                          if (!created.ok()) {
                            return created.status();
                          }
                          return db::StoredResponse{201, std::move(created).value()};
                        });
  });
  if (!answer.ok()) {
    return answer.status();
  }
  return std::move(answer).value().body;
}

}  // namespace kutse::certificate
