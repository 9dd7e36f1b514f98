// The request-workflow service: stage I requests, stage II applications, stage III exams.
// This step brings up its process, schema and bus connection, the request rules in src/domain and
// its client for the certificate facts those rules depend on (ADR 0008); routes and events follow.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::workflow {

void LoadMessages();  // the service's texts, from services/workflow/messages
void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::workflow
