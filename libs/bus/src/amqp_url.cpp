#include "kutse/bus/amqp_url.hpp"

#include <stdexcept>

namespace kutse::bus {
namespace {

std::string Decode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out.push_back(static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

AmqpUrl AmqpUrl::Parse(const std::string& url) {
  const std::string scheme = "amqp://";
  if (url.rfind(scheme, 0) != 0) {
    throw std::invalid_argument("AMQP URL must start with amqp://");
  }
  AmqpUrl parsed;
  std::string rest = url.substr(scheme.size());
  size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  if (slash != std::string::npos) {
    parsed.vhost = Decode(rest.substr(slash + 1));
    if (parsed.vhost.empty()) {
      parsed.vhost = "/";
    }
  }
  size_t at = authority.rfind('@');
  if (at != std::string::npos) {
    std::string credentials = authority.substr(0, at);
    authority = authority.substr(at + 1);
    size_t colon = credentials.find(':');
    parsed.user = Decode(credentials.substr(0, colon));
    parsed.password = colon == std::string::npos ? "" : Decode(credentials.substr(colon + 1));
  }
  size_t colon = authority.rfind(':');
  parsed.host = authority.substr(0, colon);
  if (colon != std::string::npos) {
    try {
      parsed.port = std::stoi(authority.substr(colon + 1));
    } catch (const std::exception&) {
      throw std::invalid_argument("AMQP URL has a port that is not a number");
    }
  }
  if (parsed.host.empty() || parsed.port < 1 || parsed.port > 65535) {
    throw std::invalid_argument("AMQP URL needs a host and a port from 1 to 65535");
  }
  return parsed;
}

}  // namespace kutse::bus
