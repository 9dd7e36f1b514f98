// GET /api/v1/me: who is signed in, with roles, session expiry and the CSRF token the SPA must
// send back on every unsafe request.
#pragma once

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"
#include "session/session_store.hpp"

namespace kutse::gateway {

http::Response GetMe(SessionStore& sessions, http::Request& request);

}  // namespace kutse::gateway
