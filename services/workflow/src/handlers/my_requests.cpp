#include "handlers/my_requests.hpp"

#include "app/act_on_request.hpp"
#include "app/attach_file.hpp"
#include "app/read_requests.hpp"
#include "dto/attachment_views.hpp"
#include "dto/request_parsers.hpp"
#include "dto/request_views.hpp"
#include "handlers/attachment_download.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/db/idempotency_key.hpp"
#include "kutse/db/idempotency_store.hpp"
#include "kutse/http/etag.hpp"
#include "kutse/http/query.hpp"
#include "kutse/http/request_checks.hpp"
#include "kutse/http/upload.hpp"
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
  app::RequestChange change{request.PathParam("id"),       std::move(action),  request.Header("if-match"),
                            http::Precondition::kOptional, request.request_id, context.answer_days};
  RequestDetail detail = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    return app::ActOnRequest(work, context.clock, Actor::Holder(holder.personal_code), change);
  }));
  return DetailAnswer(context, detail);
}

}  // namespace

http::Response CreateMyRequest(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::NewRequest input{common::ValueOrThrow(dto::ParseNewRequest(request.JsonBody())), request.request_id,
                        context.answer_days};
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

http::Response AttachToMyRequest(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  // The dispatcher's upload check has passed: the declared type is the one the bytes show.
  Attachment file{http::UploadFileName(request),
                  http::MediaTypeOf(request.Header("content-type").value_or("")), request.body.size(),
                  common::Sha256Hex(request.body)};
  app::NewAttachment attachment{request.PathParam("id"), std::move(file), std::move(request.body),
                                request.Header("if-match"), request.request_id};
  StoredAttachment stored = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    return app::AttachFile(work, context.clock, Actor::Holder(holder.personal_code), attachment);
  }));
  return http::Response::Json(201, dto::AttachmentView(stored))
      .WithHeader("Location",
                  "/api/v1/me/requests/" + attachment.request_id + "/attachments/" + stored.file.id);
}

http::Response GetMyAttachment(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::AttachmentDownload download = common::ValueOrThrow(context.pool.Read([&](pqxx::nontransaction& read) {
    return app::AttachmentOf(read, Actor::Holder(holder.personal_code), request.PathParam("id"),
                             request.PathParam("attachmentId"));
  }));
  return AttachmentAnswer(std::move(download));
}

}  // namespace kutse::workflow
