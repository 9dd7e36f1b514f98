#include "handlers/my_requests.hpp"

#include "app/act_on_request.hpp"
#include "app/read_requests.hpp"
#include "dto/request_parsers.hpp"
#include "dto/request_views.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/db/idempotency_key.hpp"
#include "kutse/db/idempotency_store.hpp"
#include "kutse/http/etag.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::workflow {
namespace {

const db::IdempotencyStore& Store() {
  static const db::IdempotencyStore store("workflow");
  return store;
}

http::Response DetailAnswer(const HandlerContext& context, const RequestDetail& detail) {
  return http::Response::Json(200, dto::RequestDetailView(detail, context.clock.Today()))
      .WithHeader("ETag", http::EntityTag::OfVersion(detail.request.version).ToString());
}

// A holder's step on their request, with the If-Match they may send.
http::Response Act(const HandlerContext& context, http::Request& request, Action action) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::RequestChange change{request.PathParam("id"), std::move(action), request.Header("if-match"),
                            http::Precondition::kOptional, request.request_id};
  RequestDetail detail = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    return app::ActOnRequest(work, context.clock, Actor::Holder(holder.personal_code), change);
  }));
  return DetailAnswer(context, detail);
}

}  // namespace

http::Response CreateMyRequest(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::NewRequest input{common::ValueOrThrow(dto::ParseNewRequest(request.JsonBody())), request.request_id};
  auto key = common::ValueOrThrow(db::ParseIdempotencyKey(request.Header("idempotency-key")));
  const std::string hash = common::Sha256Hex("me/requests\n" + request.body);
  db::StoredResponse answer = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    // The facts are asked inside the claim, so a repeat gets the first answer without asking again.
    return Store().Once(work, holder.Subject(), key, hash, [&]() -> common::StatusOr<db::StoredResponse> {
      auto created = app::SubmitRequest(work, context.clock, context.fetch_facts, holder, input);
      if (!created.ok()) {
        return created.status();
      }
      return db::StoredResponse{201, dto::RequestDetailView(*created, context.clock.Today())};
    });
  }));
  return http::Response::Json(answer.status, answer.body);
}

http::Response ListMyRequests(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  int limit = http::PageSize(request, 20);
  auto before = common::ValueOrThrow(dto::RequestListCursor(request.QueryParam("cursor")));
  auto requests = context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::MyRequests(read, holder, before, limit + 1); });
  return http::Response::Json(200, dto::RequestPage(std::move(requests), limit, context.clock.Today()));
}

http::Response GetMyRequest(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  RequestDetail detail = common::ValueOrThrow(context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::MyRequest(read, holder, request.PathParam("id")); }));
  return DetailAnswer(context, detail);
}

http::Response WithdrawMyRequest(const HandlerContext& context, http::Request& request) {
  return Act(context, request, Withdraw{});
}

http::Response ReplyToMyRequest(const HandlerContext& context, http::Request& request) {
  return Act(context, request, Reply{common::ValueOrThrow(dto::ParseMessage(request.JsonBody()))});
}

http::Response CloseMyRequest(const HandlerContext& context, http::Request& request) {
  return Act(context, request, Close{});
}

}  // namespace kutse::workflow
