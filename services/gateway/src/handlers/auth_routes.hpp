// The sign-in routes of the gateway: GET /auth/login, GET /auth/callback, POST /auth/logout.
#pragma once

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"
#include "oidc/oidc_login.hpp"
#include "session/session_store.hpp"

namespace kutse::gateway {

struct AuthContext {
  OidcLogin& login;
  SessionStore& sessions;
  bool secure_cookies;
};

http::Response BeginLogin(const AuthContext& context, http::Request& request);
http::Response FinishLogin(const AuthContext& context, http::Request& request);
http::Response Logout(const AuthContext& context, http::Request& request);

}  // namespace kutse::gateway
