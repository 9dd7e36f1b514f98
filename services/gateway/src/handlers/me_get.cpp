#include "handlers/me_get.hpp"

#include "kutse/runtime/caller.hpp"
#include "session/session_cookie.hpp"

namespace kutse::gateway {

http::Response GetMe(SessionStore& sessions, http::Request& request) {
  const auth::Identity& caller = runtime::RequirePerson(request);
  nlohmann::json body = {
      {"personal_code", caller.personal_code}, {"name", caller.name}, {"roles", caller.roles}};
  auto cookie = request.Header("cookie");
  auto session_id = cookie ? CookieValue(*cookie, kSessionCookie) : std::nullopt;
  auto session = session_id ? sessions.Find(*session_id) : std::nullopt;
  if (session) {
    body["given_name"] = session->given_name;
    body["family_name"] = session->family_name;
    body["csrf_token"] = session->csrf_token;
    body["session_expires_at"] = session->expires_at;
    body["authentication"] = {{"amr", session->amr}, {"acr", session->acr}};
  }
  return http::Response::Json(200, body).WithHeader("Cache-Control", "no-store");
}

}  // namespace kutse::gateway
