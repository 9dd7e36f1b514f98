#include "handlers/auth_routes.hpp"

#include "kutse/common/log.hpp"
#include "kutse/common/status.hpp"
#include "kutse/http/query.hpp"
#include "session/session_cookie.hpp"

namespace kutse::gateway {
namespace {

http::Response Redirect(const std::string& location) {
  return http::Response::Text(302, "text/plain; charset=utf-8", "")
      .WithHeader("Location", location)
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace

http::Response BeginLogin(const AuthContext& context, http::Request& request) {
  LoginRequest login;
  if (auto return_to = request.QueryParam("return_to")) {
    if (!IsSafeReturnPath(*return_to)) {
      throw common::StatusError(http::BadQuery("/return_to", common::Msg("login.return_to_path")));
    }
    login.return_to = *return_to;
  }
  if (auto hint = request.QueryParam("login_hint")) {
    if (hint->empty() || hint->size() > 64) {
      throw common::StatusError(
          http::BadQuery("/login_hint", common::Msg("field.text_length", {{"min", "1"}, {"max", "64"}})));
    }
    login.login_hint = *hint;
  }
  login.ui_locales = request.Language();
  return Redirect(context.login.Start(login));
}

http::Response FinishLogin(const AuthContext& context, http::Request& request) {
  if (auto error = request.QueryParam("error")) {
    // The person cancelled at the provider, or it refused: nothing to sign in.
    throw common::StatusError(
        common::Unauthenticated(common::Msg("login.cancelled")).WithReason("login_cancelled"));
  }
  auto code = request.QueryParam("code");
  auto state = request.QueryParam("state");
  if (!code || !state || code->empty() || state->empty() || code->size() > 512 || state->size() > 128) {
    throw common::StatusError(
        common::InvalidArgument(common::Msg("login.answer_incomplete")).WithReason("bad_request"));
  }
  CompletedLogin completed = context.login.Complete(*code, *state);
  std::string session_id = context.sessions.Create(completed.person);
  common::log::Info("signed in", {{"amr", completed.person.amr}, {"trace_id", request.request_id}});
  return Redirect(completed.return_to)
      .WithHeader("Set-Cookie", SessionCookieHeader(session_id, context.secure_cookies,
                                                    context.sessions.Policy().absolute_hours * 3600));
}

http::Response Logout(const AuthContext& context, http::Request& request) {
  // The caller resolver has already checked the CSRF token of a live session.
  auto cookie = request.Header("cookie");
  if (auto session_id = cookie ? CookieValue(*cookie, kSessionCookie) : std::nullopt) {
    context.sessions.End(*session_id);
  }
  return http::Response::NoContent()
      .WithHeader("Set-Cookie", ClearedSessionCookieHeader(context.secure_cookies))
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace kutse::gateway
