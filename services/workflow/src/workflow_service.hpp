// The request-workflow service: stage I requests, stage II applications, stage III exams.
// This first step brings up its process, schema and bus connection, and the request rules in
// src/domain; the routes and events come with their own steps.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::workflow {

void Configure(runtime::ServiceRuntime& runtime);
void LoadMessages();  // the service's texts, from services/workflow/messages

}  // namespace kutse::workflow
