// The certificate service: the register. This step records certificates and announces them.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::certificate {

void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::certificate
