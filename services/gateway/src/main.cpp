// kutse-gateway: wiring only. The gateway issues internal tokens, so it verifies none.
#include "gateway_service.hpp"

int main() {
  return kutse::runtime::RunService("gateway", kutse::runtime::RuntimeOptions{false},
                                    kutse::gateway::Configure);
}
