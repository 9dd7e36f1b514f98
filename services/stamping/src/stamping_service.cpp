#include "stamping_service.hpp"

namespace kutse::stamping {

void Configure(runtime::ServiceRuntime& runtime) {
  // Every stamped document will be recorded and announced through the outbox.
  runtime.EnableOutboxRelay();
}

}  // namespace kutse::stamping
