// amqp://user:password@host:port/vhost, as KUTSE_AMQP_URL gives it.
#pragma once

#include <string>

namespace kutse::bus {

struct AmqpUrl {
  std::string host = "127.0.0.1";
  int port = 5672;
  std::string user = "guest";
  std::string password = "guest";
  std::string vhost = "/";

  static AmqpUrl Parse(const std::string& url);  // throws std::invalid_argument (without the password)
};

}  // namespace kutse::bus
