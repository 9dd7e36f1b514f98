// The gateway: the only public entry. Resolves who is calling, forwards /api/v1/... to the owning
// service with a short-lived internal token, serves the OpenAPI document.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::gateway {

void Configure(runtime::ServiceRuntime& runtime);
void LoadMessages();  // the gateway's texts, from services/gateway/messages

}  // namespace kutse::gateway
