// The stamping service: PDF renderings of certificates and the register keeper's e-seal.
// This first step brings up its process, schema and bus connection; sealing comes with its issue.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::stamping {

void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::stamping
