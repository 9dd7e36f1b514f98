// Who is calling, as far as the network can tell: the address a limit for anonymous callers counts
// by. Behind the ingress every connection comes from a proxy, whose X-Forwarded-For names the
// client. Only the proxies named in configuration are believed: starting from the connection's
// peer, each trusted proxy's entry (the rightmost not yet read) is taken in turn, and the first
// address that is no trusted proxy is the client. Entries left of it are the client's own claim and
// never read, so a caller cannot choose its address by sending the header itself. No I/O.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kutse::gateway {

class TrustedProxies {
 public:
  TrustedProxies() = default;

  // "10.0.0.0/8, 127.0.0.1, fd00::/8": addresses or CIDR ranges, IPv4 or IPv6, separated by commas;
  // empty: no proxy is trusted. Throws std::invalid_argument naming the entry that is not one.
  static TrustedProxies Parse(const std::string& list);

  bool Contains(const std::string& address) const;

  // The client's address in a canonical text form (IPv4 dotted, IPv6 as inet_ntop writes it, an
  // IPv4-mapped IPv6 peer as IPv4).
  std::string ClientAddress(const std::string& peer, const std::optional<std::string>& forwarded_for) const;

 private:
  struct Range {
    int family = 0;  // AF_INET or AF_INET6
    std::array<unsigned char, 16> bytes{};
    int prefix_bits = 0;
  };
  std::vector<Range> ranges_;
};

// The key a per-address limit counts by: an IPv4 address itself, an IPv6 address by its /64 (one
// household or server usually holds a whole /64, and would otherwise have 2^64 budgets).
std::string AddressBudgetKey(const std::string& canonical_address);

}  // namespace kutse::gateway
