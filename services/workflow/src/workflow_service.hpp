// The request-workflow service: stage I requests, stage II applications, stage III exams.
// This first step brings up its process, schema and bus connection, and its client for the
// certificate facts its request rules depend on (ADR 0008); the processes come with their own issues.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::workflow {

void LoadMessages();  // the service's texts, from services/workflow/messages
void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::workflow
