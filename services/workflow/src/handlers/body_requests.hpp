// An awarding body's routes under /api/v1/bodies/{bodyId}/requests, for its clerks: the inbox of
// its open requests (filter by kind and state; overdue first, then the oldest), and taking one into
// work. Of two clerks only the first takes it (the row lock and the state machine); one who sends
// the If-Match of what they read is told 412 when it changed in between.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::workflow {

http::Response ListBodyInbox(const HandlerContext& context, http::Request& request);
http::Response TakeBodyRequest(const HandlerContext& context, http::Request& request);

}  // namespace kutse::workflow
