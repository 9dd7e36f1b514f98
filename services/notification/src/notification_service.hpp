// The notification service: turns events into notices. This step: in-app notices of issued certificates.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::notification {

void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::notification
