// Loopback ports for tests that start their own servers, or need one where nothing listens.
#pragma once

namespace kutse::testing {

// A loopback port nothing listens on: bound, then closed again (connecting to it is refused).
int ClosedPort();

}  // namespace kutse::testing
