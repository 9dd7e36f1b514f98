// The stamping service: PDF renderings of certificates and the register keeper's e-seal.
// Today it renders and seals as a library (pdf/, seal/); the stamp routes come with issue 12 item 4.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::stamping {

void LoadMessages();  // generated from messages/*.json
void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::stamping
