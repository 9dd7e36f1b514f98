// The handlers' routes: an awarding body's under /api/v1/bodies/{bodyId}/requests for its clerks,
// the register keeper's under /api/v1/admin/requests for its admins; the same steps on each. The
// inbox of open requests (filter by kind and state; overdue first, then the oldest), one request
// with its ETag, taking one into work (If-Match optional) and the decisions (If-Match required:
// 428 without, 412 when stale), so of two handlers only one ever decides.
#pragma once

#include "domain/actor.hpp"
#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::workflow {

// Who handles the requests of the route's inbox: the actor, or a thrown refusal.
using HandlerOf = Actor (*)(const http::Request& request);
// A clerk of the path's {bodyId} (404 for a malformed id, 403 for anyone else, admins included).
Actor RequireClerk(const http::Request& request);
// An admin of the register keeper (403 for anyone else).
Actor RequireRegisterKeeper(const http::Request& request);

http::Response ListInbox(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response GetInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);
// A file attached to one request of the inbox, as it was sent.
http::Response GetInboxAttachment(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response TakeInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response AcceptInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response RejectInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response MarkInboxRequestDelivered(const HandlerContext& context, http::Request& request,
                                         HandlerOf who);
http::Response ApproveInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response AnswerInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);
http::Response CloseInboxRequest(const HandlerContext& context, http::Request& request, HandlerOf who);

}  // namespace kutse::workflow
