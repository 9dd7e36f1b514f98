#include "support/test_env.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "kutse/common/ids.hpp"

namespace kutse::testing {

std::string RequiredEnv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(name + " is not set: run the tests through deploy/local/test");
  }
  return value;
}

std::string AdminDsn() {
  return RequiredEnv("KUTSE_TEST_PG_ADMIN_DSN");
}

std::string ServiceDsn(const std::string& service) {
  std::ifstream file(RequiredEnv("KUTSE_TEST_DB_PASSWORD_DIR") + "/db_" + service + ".password");
  std::string password;
  std::getline(file, password);
  return "host=" + RequiredEnv("KUTSE_TEST_PG_HOST") + " port=" + RequiredEnv("KUTSE_TEST_PG_PORT") +
         " dbname=kutse user=kutse_" + service + " password=" + password;
}

std::string AmqpUrl() {
  return "amqp://" + RequiredEnv("KUTSE_TEST_AMQP_USER") + ":" + RequiredEnv("KUTSE_TEST_AMQP_PASSWORD") +
         "@" + RequiredEnv("KUTSE_TEST_AMQP_HOST") + ":" + RequiredEnv("KUTSE_TEST_AMQP_PORT") + "/" +
         RequiredEnv("KUTSE_TEST_AMQP_VHOST");
}

std::string UniqueName(const std::string& prefix) {
  return prefix + "_" + common::RandomHex(6);
}

}  // namespace kutse::testing
