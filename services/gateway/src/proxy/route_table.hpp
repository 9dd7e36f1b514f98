// Which service owns which part of /api/v1: the longest matching path prefix wins. No I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kutse::gateway {

struct Upstream {
  std::string service;   // also the audience of the internal token
  std::string base_url;  // http://host:port
};

class RouteTable {
 public:
  void Add(const std::string& prefix, const Upstream& upstream);
  std::optional<Upstream> Find(const std::string& path) const;

 private:
  std::vector<std::pair<std::string, Upstream>> routes_;
};

// The prefixes of this step, each owned by one service.
RouteTable DefaultRouteTable(const std::string& certificate_url, const std::string& workflow_url,
                             const std::string& notification_url, const std::string& stamping_url);

}  // namespace kutse::gateway
