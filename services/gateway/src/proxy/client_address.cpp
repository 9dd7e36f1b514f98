#include "proxy/client_address.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cstring>
#include <stdexcept>

#include "kutse/common/text.hpp"

namespace kutse::gateway {
namespace {

struct Parsed {
  int family = 0;
  std::array<unsigned char, 16> bytes{};
};

std::string Trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return "";
  }
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// An IPv4 or IPv6 address; an IPv4-mapped IPv6 address is taken as the IPv4 one.
std::optional<Parsed> ParseAddress(const std::string& text) {
  Parsed parsed;
  if (inet_pton(AF_INET, text.c_str(), parsed.bytes.data()) == 1) {
    parsed.family = AF_INET;
    return parsed;
  }
  // "[::1]" as some proxies write it.
  std::string bare =
      text.size() > 2 && text.front() == '[' && text.back() == ']' ? text.substr(1, text.size() - 2) : text;
  if (inet_pton(AF_INET6, bare.c_str(), parsed.bytes.data()) != 1) {
    return std::nullopt;
  }
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(parsed.bytes.data(), kMapped, sizeof kMapped) == 0) {
    std::memmove(parsed.bytes.data(), parsed.bytes.data() + 12, 4);
    std::memset(parsed.bytes.data() + 4, 0, 12);
    parsed.family = AF_INET;
    return parsed;
  }
  parsed.family = AF_INET6;
  return parsed;
}

std::string Text(const Parsed& address) {
  char text[INET6_ADDRSTRLEN] = "";
  inet_ntop(address.family, address.bytes.data(), text, sizeof text);
  return text;
}

bool PrefixMatches(const std::array<unsigned char, 16>& a, const std::array<unsigned char, 16>& b, int bits) {
  const int whole = bits / 8;
  if (std::memcmp(a.data(), b.data(), static_cast<size_t>(whole)) != 0) {
    return false;
  }
  const int rest = bits % 8;
  if (rest == 0) {
    return true;
  }
  const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
  return (a[static_cast<size_t>(whole)] & mask) == (b[static_cast<size_t>(whole)] & mask);
}

}  // namespace

TrustedProxies TrustedProxies::Parse(const std::string& list) {
  TrustedProxies proxies;
  for (const std::string& raw : common::Split(list, ',')) {
    const std::string entry = Trimmed(raw);
    if (entry.empty()) {
      continue;
    }
    const size_t slash = entry.find('/');
    auto address = ParseAddress(entry.substr(0, slash));
    if (!address) {
      throw std::invalid_argument("not an IP address or CIDR range: " + entry);
    }
    const int maximum = address->family == AF_INET ? 32 : 128;
    int bits = maximum;
    if (slash != std::string::npos) {
      const std::string digits = entry.substr(slash + 1);
      if (digits.empty() || digits.size() > 3 ||
          digits.find_first_not_of("0123456789") != std::string::npos || std::stoi(digits) > maximum) {
        throw std::invalid_argument("not an IP address or CIDR range: " + entry);
      }
      bits = std::stoi(digits);
    }
    proxies.ranges_.push_back(Range{address->family, address->bytes, bits});
  }
  return proxies;
}

bool TrustedProxies::Contains(const std::string& address) const {
  auto parsed = ParseAddress(address);
  if (!parsed) {
    return false;
  }
  for (const Range& range : ranges_) {
    if (range.family == parsed->family && PrefixMatches(range.bytes, parsed->bytes, range.prefix_bits)) {
      return true;
    }
  }
  return false;
}

std::string TrustedProxies::ClientAddress(const std::string& peer,
                                          const std::optional<std::string>& forwarded_for) const {
  auto current = ParseAddress(peer);
  if (!current) {
    return peer;  // not an IP peer (a Unix socket in a test): count it as itself
  }
  std::vector<std::string> entries =
      forwarded_for ? common::Split(*forwarded_for, ',') : std::vector<std::string>();
  while (Contains(Text(*current)) && !entries.empty()) {
    auto previous = ParseAddress(Trimmed(entries.back()));
    entries.pop_back();
    if (!previous) {
      break;  // a trusted proxy would not write this: keep the last address it did vouch for
    }
    current = previous;
  }
  return Text(*current);
}

std::string AddressBudgetKey(const std::string& canonical_address) {
  auto parsed = ParseAddress(canonical_address);
  if (!parsed || parsed->family == AF_INET) {
    return canonical_address;
  }
  std::memset(parsed->bytes.data() + 8, 0, 8);
  return Text(*parsed) + "/64";
}

}  // namespace kutse::gateway
