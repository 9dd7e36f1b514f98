// A callee's side of service-to-service calls (ADR 0005): the bearer token of a request is either
// the gateway's (a person or an API client) or a calling service's own, told apart by the key it
// names, and a route that only a given service may call says so with RequireService.
#pragma once

#include <string>

#include "kutse/auth/identity.hpp"
#include "kutse/auth/service_token.hpp"
#include "kutse/auth/token_verifier.hpp"
#include "kutse/http/request.hpp"

namespace kutse::runtime {

// Sets request.caller from "Authorization: Bearer <token>": a token naming one of `services`' keys
// must verify there (else StatusError unauthenticated, the reason logged at warn); any other goes
// to ResolveCaller with the gateway's verifier. No header: the caller stays anonymous.
void ResolveCallerOrService(auth::TokenVerifier& gateway, const auth::ServiceTokenVerifier& services,
                            http::Request& request);

// The calling service when it is `service`; StatusError unauthenticated when anonymous, permission
// denied for a person, an API client or another service.
const auth::Identity& RequireService(const http::Request& request, const std::string& service);

// Loads libs/runtime's own message texts (generated from libs/runtime/messages/*.json).
void LoadEmbeddedMessages();

}  // namespace kutse::runtime
