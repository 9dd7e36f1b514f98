// The holder's routes under /api/v1/me/requests: make a request (Idempotency-Key), list them, read
// one with its history and messages (ETag), withdraw, reply to a question, close a question,
// attach a file (the raw body, ADR 0006) and download one.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::workflow {

http::Response CreateMyRequest(const HandlerContext& context, http::Request& request);
http::Response ListMyRequests(const HandlerContext& context, http::Request& request);
http::Response GetMyRequest(const HandlerContext& context, http::Request& request);
http::Response WithdrawMyRequest(const HandlerContext& context, http::Request& request);
http::Response ReplyToMyRequest(const HandlerContext& context, http::Request& request);
http::Response CloseMyRequest(const HandlerContext& context, http::Request& request);
http::Response AttachToMyRequest(const HandlerContext& context, http::Request& request);
http::Response GetMyAttachment(const HandlerContext& context, http::Request& request);

}  // namespace kutse::workflow
