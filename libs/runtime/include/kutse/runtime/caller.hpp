// Reading and requiring the caller inside a service: the identity comes only from the gateway's
// verified internal token, never from a bare header.
#pragma once

#include "kutse/auth/identity.hpp"
#include "kutse/auth/token_verifier.hpp"
#include "kutse/http/request.hpp"

namespace kutse::runtime {

// Sets request.caller from "Authorization: Bearer <token>"; a bad token throws StatusError
// (unauthenticated). The Require* functions throw unauthenticated or permission_denied.
void ResolveCaller(auth::TokenVerifier& verifier, http::Request& request);

const auth::Identity& RequireCaller(const http::Request& request);  // unauthenticated when anonymous
const auth::Identity& RequirePerson(const http::Request& request);  // or denied for an API client
const auth::Identity& RequireAdmin(const http::Request& request);   // or denied for anyone else

}  // namespace kutse::runtime
