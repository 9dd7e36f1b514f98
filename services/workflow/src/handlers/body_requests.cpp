#include "handlers/body_requests.hpp"

#include "app/act_on_request.hpp"
#include "app/read_requests.hpp"
#include "dto/request_parsers.hpp"
#include "dto/request_views.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/query.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::workflow {
namespace {

// Not found for a malformed body id, permission denied for anyone but a clerk of that body (the
// register keeper's admins have their own inbox: a body decides while it can).
Actor RequireClerk(const http::Request& request) {
  const auth::Identity& caller = runtime::RequireCaller(request);
  const std::string& body_id = request.PathParam("bodyId");
  if (!common::IsRegistryCode(body_id)) {
    throw common::StatusError(common::NotFound(common::Msg("request.no_such_body")));
  }
  if (!caller.IsPerson() || !caller.IsClerkOf(body_id)) {
    throw common::StatusError(common::PermissionDenied(common::Msg("request.clerks_only")));
  }
  return Actor::Clerk(caller.personal_code, body_id);
}

}  // namespace

http::Response ListBodyInbox(const HandlerContext& context, http::Request& request) {
  Actor clerk = RequireClerk(request);
  int limit = http::PageSize(request, 20);
  InboxQuery query = common::ValueOrThrow(dto::ParseInboxQuery(
      request.QueryParam("kind"), request.QueryParam("state"), request.QueryParam("cursor")));
  query.route = HandlerRoute::Body(clerk.body_id);
  auto requests = context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::Inbox(read, context.clock, query, limit + 1); });
  return http::Response::Json(200, dto::InboxPage(std::move(requests), limit, context.clock.Today()));
}

http::Response TakeBodyRequest(const HandlerContext& context, http::Request& request) {
  Actor clerk = RequireClerk(request);
  app::RequestChange change{request.PathParam("id"), Take{}, request.Header("if-match"),
                            http::Precondition::kOptional, request.request_id};
  RequestDetail detail = common::ValueOrThrow(context.pool.Transaction(
      [&](pqxx::work& work) { return app::ActOnRequest(work, context.clock, clerk, change); }));
  return http::Response::Json(200, dto::RequestDetailView(detail, context.clock.Today()))
      .WithHeader("ETag", http::EntityTag::OfVersion(detail.request.version).ToString());
}

}  // namespace kutse::workflow
