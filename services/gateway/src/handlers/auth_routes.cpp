#include "handlers/auth_routes.hpp"

#include "kutse/common/log.hpp"
#include "kutse/http/problem.hpp"
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
      throw http::HttpError(http::Problem{400,
                                          "bad_request",
                                          "return_to must be a path on this site.",
                                          {{"/return_to", "must start with a single /"}}});
    }
    login.return_to = *return_to;
  }
  if (auto hint = request.QueryParam("login_hint")) {
    if (hint->empty() || hint->size() > 64) {
      throw http::HttpError(http::Problem{400,
                                          "bad_request",
                                          "login_hint must be 1 to 64 characters.",
                                          {{"/login_hint", "1 to 64 characters"}}});
    }
    login.login_hint = *hint;
  }
  login.ui_locales = request.Language();
  return Redirect(context.login.Start(login));
}

http::Response FinishLogin(const AuthContext& context, http::Request& request) {
  if (auto error = request.QueryParam("error")) {
    // The person cancelled at the provider, or it refused: nothing to sign in.
    throw http::HttpError(401, "login_cancelled",
                          "Signing in was cancelled or refused by the identity provider.");
  }
  auto code = request.QueryParam("code");
  auto state = request.QueryParam("state");
  if (!code || !state || code->empty() || state->empty() || code->size() > 512 || state->size() > 128) {
    throw http::HttpError(400, "bad_request", "The sign-in answer lacks its code or state.");
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
