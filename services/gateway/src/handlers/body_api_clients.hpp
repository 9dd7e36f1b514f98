// /api/v1/bodies/{bodyId}/api-clients: the body's clerks (or an admin) create, list, rotate and
// revoke the credentials of their home page's API client. A secret is shown once, at creation or
// rotation.
#pragma once

#include "clients/api_clients.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::gateway {

http::Response ListApiClients(ApiClients& clients, http::Request& request);
http::Response CreateApiClient(ApiClients& clients, http::Request& request);
http::Response RotateApiClientSecret(ApiClients& clients, http::Request& request);
http::Response RevokeApiClient(ApiClients& clients, http::Request& request);

}  // namespace kutse::gateway
