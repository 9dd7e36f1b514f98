#include "workflow_service.hpp"

namespace kutse::workflow {

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  // Requests will publish their state changes through the outbox.
  runtime.EnableOutboxRelay();
}

}  // namespace kutse::workflow
