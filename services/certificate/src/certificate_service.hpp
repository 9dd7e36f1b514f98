// The certificate service: the register of occupational qualifications (services/certificate/README.md).
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::certificate {

void Configure(runtime::ServiceRuntime& runtime);
void LoadMessages();  // the service's texts, from services/certificate/messages

}  // namespace kutse::certificate
