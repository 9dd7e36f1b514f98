// The notification service: turns certificate events into notices for their holders ("My notifications").
#pragma once

#include "kutse/runtime/service_runtime.hpp"

namespace kutse::notification {

void Configure(runtime::ServiceRuntime& runtime);
void LoadMessages();  // the service's texts, from services/notification/messages

}  // namespace kutse::notification
