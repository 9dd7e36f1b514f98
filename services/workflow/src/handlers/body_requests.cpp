#include "handlers/body_requests.hpp"

#include "app/act_on_request.hpp"
#include "app/decide_on_request.hpp"
#include "app/handler_reads.hpp"
#include "app/read_requests.hpp"
#include "dto/request_parsers.hpp"
#include "dto/request_views.hpp"
#include "handlers/attachment_download.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/etag.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::workflow {
namespace {

HandlerRoute RouteOf(const Actor& handler) {
  return handler.kind == ActorKind::kClerk ? HandlerRoute::Body(handler.body_id)
                                           : HandlerRoute::RegisterKeeper();
}

http::Response DetailAnswer(const HandlerContext& context, const RequestDetail& detail) {
  return http::Response::Json(200, dto::RequestDetailView(detail, context.clock.Today()))
      .WithHeader("ETag", http::EntityTag::OfVersion(detail.request.version).ToString());
}

app::RequestChange ChangeOf(const http::Request& request, Action action) {
  return app::RequestChange{request.PathParam("id"), std::move(action), request.Header("if-match"),
                            http::Precondition::kOptional, request.request_id};
}

// A decision: If-Match required, and its word to the certificate service (app/decide_on_request).
// The caller is checked before the body is read, so a stranger learns nothing from a 422.
template <typename ActionOf>
http::Response Decide(const HandlerContext& context, http::Request& request, HandlerOf who,
                      ActionOf action_of) {
  Actor handler = who(request);
  app::RequestChange change = ChangeOf(request, action_of(request));
  RequestDetail detail = common::ValueOrThrow(context.pool.Transaction(
      [&](pqxx::work& work) { return app::DecideOnRequest(work, context.clock, handler, change); }));
  return DetailAnswer(context, detail);
}

}  // namespace

Actor RequireClerk(const http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!common::IsRegistryCode(body_id)) {
    throw common::StatusError(common::NotFound(common::Msg("request.no_such_body")));
  }
  // The register keeper's admins have their own inbox: a body decides while it can.
  if (!caller.IsPerson() || !caller.IsClerkOf(body_id)) {
    throw common::StatusError(common::PermissionDenied(common::Msg("request.clerks_only")));
  }
  return Actor::Clerk(caller.personal_code, body_id);
}

Actor RequireRegisterKeeper(const http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  if (!caller.IsPerson() || !caller.IsAdmin()) {
    throw common::StatusError(common::PermissionDenied(common::Msg("request.register_keeper_only")));
  }
  return Actor::RegisterKeeper(caller.personal_code);
}

http::Response ListInbox(const HandlerContext& context, http::Request& request, HandlerOf who) {
  Actor handler = who(request);
  int limit = http::PageSize(request, 20);
  InboxQuery query = common::ValueOrThrow(dto::ParseInboxQuery(
      request.QueryParam("kind"), request.QueryParam("state"), request.QueryParam("cursor")));
  query.route = RouteOf(handler);
  auto requests = context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::Inbox(read, context.clock, query, limit + 1); });
  return http::Response::Json(200, dto::InboxPage(std::move(requests), limit, context.clock.Today()));
}

http::Response GetInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  Actor handler = who(request);
  // A read of the holder's data: the read's event is written in the same transaction.
  RequestDetail detail = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    return app::ReadRequestAsHandler(work, context.clock, handler, request.PathParam("id"),
                                     request.request_id);
  }));
  return DetailAnswer(context, detail);
}

http::Response GetInboxAttachment(const HandlerContext& context, http::Request& request, HandlerOf who) {
  Actor handler = who(request);
  app::AttachmentDownload download = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    return app::ReadAttachmentAsHandler(work, context.clock, handler, request.PathParam("id"),
                                        request.PathParam("attachmentId"), request.request_id);
  }));
  return AttachmentAnswer(std::move(download));
}

http::Response TakeInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  Actor handler = who(request);
  app::RequestChange change = ChangeOf(request, Take{});
  RequestDetail detail = common::ValueOrThrow(context.pool.Transaction(
      [&](pqxx::work& work) { return app::ActOnRequest(work, context.clock, handler, change); }));
  return DetailAnswer(context, detail);
}

http::Response AcceptInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  return Decide(context, request, who, [](http::Request&) -> Action { return Accept{}; });
}

http::Response RejectInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  return Decide(context, request, who, [](http::Request& body) -> Action {
    return Reject{common::ValueOrThrow(dto::ParseReason(body.JsonBody()))};
  });
}

http::Response MarkInboxRequestDelivered(const HandlerContext& context, http::Request& request,
                                         HandlerOf who) {
  return Decide(context, request, who, [](http::Request& body) -> Action {
    return MarkDelivered{common::ValueOrThrow(dto::ParseDelivered(body.JsonBody()))};
  });
}

http::Response ApproveInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  return Decide(context, request, who, [](http::Request&) -> Action { return Approve{}; });
}

http::Response AnswerInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  return Decide(context, request, who, [](http::Request& body) -> Action {
    return Answer{common::ValueOrThrow(dto::ParseMessage(body.JsonBody()))};
  });
}

http::Response CloseInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who) {
  return Decide(context, request, who, [](http::Request&) -> Action { return Close{}; });
}

}  // namespace kutse::workflow
