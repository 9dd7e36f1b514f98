// The internal route another service asks for the current facts of one certificate
// (GET /internal/v1/certificates/{number}/facts, ADR 0008): only the workflow and stamping services,
// each with its own service token; the gateway never forwards /internal/, and openapi.yaml does not list it.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

http::Response GetCertificateFacts(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
