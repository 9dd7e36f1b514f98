// kutse-gateway: wiring only. The gateway issues internal tokens, so it verifies none.
#include "gateway_service.hpp"
#include "gateway_settings.hpp"

int main() {
  return kutse::runtime::RunService("gateway", kutse::gateway::kRuntimeOptions, kutse::gateway::Configure);
}
