// The servers the test command started, as its environment variables describe them. A missing
// variable fails the test with a clear message: integration tests never silently skip.
#pragma once

#include <string>

namespace kutse::testing {

std::string RequiredEnv(const std::string& name);
std::string AdminDsn();                              // superuser, for creating throw-away schemas
std::string ServiceDsn(const std::string& service);  // as role kutse_<service>, database kutse
std::string AmqpUrl();                               // amqp://user:password@host:port/vhost
std::string UniqueName(const std::string& prefix);   // prefix_<random hex>, safe as an identifier

}  // namespace kutse::testing
