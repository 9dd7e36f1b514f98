// Which service owns which part of /api/v1: the longest matching path prefix wins (a "{name}" segment
// matches any one segment); and how long the gateway waits for it. No I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace kutse::gateway {

// Most answers take milliseconds; a batch of 10,000 certificates or a file of the old register is
// written in one transaction and may take many seconds on a busy database.
inline constexpr std::chrono::milliseconds kDefaultUpstreamTimeout{10000};
inline constexpr std::chrono::milliseconds kBulkUpstreamTimeout{120000};

struct Upstream {
  std::string service;   // also the audience of the internal token
  std::string base_url;  // http://host:port
  std::chrono::milliseconds timeout = kDefaultUpstreamTimeout;
};

class RouteTable {
 public:
  // Whole segments only: "/api/v1/me/requests" owns /api/v1/me/requests/1 but not /api/v1/me/requestsX.
  void Add(const std::string& prefix, const Upstream& upstream);
  // Paths ending so (after any prefix) are bulk writes: the owning service gets kBulkUpstreamTimeout.
  void AddBulkEnding(const std::string& ending);
  // None for a path outside every prefix, or with a "." or ".." segment (which could leave them).
  std::optional<Upstream> Find(const std::string& path) const;

 private:
  struct Route {
    std::vector<std::string> segments;
    Upstream upstream;
  };
  static std::vector<std::string> Segments(const std::string& path);
  static bool MoreSpecific(const Route& candidate, const Route& best);

  std::vector<Route> routes_;
  std::vector<std::string> bulk_endings_;
};

// The prefixes of this step, each owned by one service.
RouteTable DefaultRouteTable(const std::string& certificate_url, const std::string& workflow_url,
                             const std::string& notification_url, const std::string& stamping_url);

}  // namespace kutse::gateway
