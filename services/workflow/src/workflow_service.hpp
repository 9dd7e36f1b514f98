// The request-workflow service: stage I requests, stage II applications, stage III exams.
// This first step brings up its process, schema and bus connection; the processes come with
// their own issues.
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::workflow {

void Configure(runtime::ServiceRuntime& runtime);

}  // namespace kutse::workflow
