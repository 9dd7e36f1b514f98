#include "proxy/route_table.hpp"

namespace kutse::gateway {

void RouteTable::Add(const std::string& prefix, const Upstream& upstream) {
  routes_.push_back(Route{Segments(prefix), upstream});
}

void RouteTable::AddBulkEnding(const std::string& ending) {
  bulk_endings_.push_back(ending);
}

namespace {

// "/api/v1/bodies/../../internal" names /internal once curl squashes the dots on the way out: a path
// with a "." or ".." segment belongs to no service.
bool HasDotSegment(const std::string& path) {
  for (size_t start = 0; start < path.size();) {
    size_t end = path.find('/', start);
    end = end == std::string::npos ? path.size() : end;
    const size_t length = end - start;
    if ((length == 1 || length == 2) && path.compare(start, length, std::string(length, '.')) == 0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

bool IsPlaceholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// A prefix matches a path that begins with its segments; a placeholder stands for any one segment.
bool Matches(const std::vector<std::string>& prefix, const std::vector<std::string>& path) {
  if (path.size() < prefix.size()) {
    return false;
  }
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (IsPlaceholder(prefix[i]) ? path[i].empty() : prefix[i] != path[i]) {
      return false;
    }
  }
  return true;
}

size_t PlaceholderCount(const std::vector<std::string>& segments) {
  size_t count = 0;
  for (const auto& segment : segments) {
    count += IsPlaceholder(segment) ? 1 : 0;
  }
  return count;
}

}  // namespace

std::vector<std::string> RouteTable::Segments(const std::string& path) {
  std::vector<std::string> segments;
  for (size_t start = 1; start <= path.size();) {
    size_t end = path.find('/', start);
    end = end == std::string::npos ? path.size() : end;
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// More segments win ("/api/v1/bodies/{bodyId}/requests" over "/api/v1/bodies"); between equally long
// prefixes a named segment wins over a placeholder.
bool RouteTable::MoreSpecific(const Route& candidate, const Route& best) {
  if (candidate.segments.size() != best.segments.size()) {
    return candidate.segments.size() > best.segments.size();
  }
  return PlaceholderCount(candidate.segments) < PlaceholderCount(best.segments);
}

std::optional<Upstream> RouteTable::Find(const std::string& path) const {
  if (HasDotSegment(path)) {
    return std::nullopt;
  }
  const std::vector<std::string> segments = Segments(path);
  const Route* best = nullptr;
  for (const auto& route : routes_) {
    if (Matches(route.segments, segments) && (best == nullptr || MoreSpecific(route, *best))) {
      best = &route;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  Upstream upstream = best->upstream;
  for (const auto& ending : bulk_endings_) {
    if (path.size() >= ending.size() &&
        path.compare(path.size() - ending.size(), ending.size(), ending) == 0) {
      upstream.timeout = kBulkUpstreamTimeout;
    }
  }
  return upstream;
}

RouteTable DefaultRouteTable(const std::string& certificate_url, const std::string& workflow_url,
                             const std::string& notification_url, const std::string& stamping_url) {
  RouteTable table;
  table.Add("/api/v1/bodies", {"certificate", certificate_url});
  table.Add("/api/v1/public", {"certificate", certificate_url});
  table.Add("/api/v1/admin/standards", {"certificate", certificate_url});
  table.Add("/api/v1/admin/awarding-bodies", {"certificate", certificate_url});
  table.Add("/api/v1/admin/certificate-imports", {"certificate", certificate_url});
  table.Add("/api/v1/me/certificates", {"certificate", certificate_url});
  table.Add("/api/v1/me/data-access-log", {"certificate", certificate_url});
  table.Add("/api/v1/me/notifications", {"notification", notification_url});
  table.Add("/api/v1/me/notification-settings", {"notification", notification_url});
  table.Add("/api/v1/admin/notification-deliveries", {"notification", notification_url});
  table.Add("/api/v1/admin/notification-digests", {"notification", notification_url});
  table.Add("/api/v1/me/requests", {"workflow", workflow_url});
  table.Add("/api/v1/bodies/{bodyId}/requests", {"workflow", workflow_url});
  table.Add("/api/v1/admin/requests", {"workflow", workflow_url});
  table.Add("/api/v1/stamps", {"stamping", stamping_url});
  // Longer than /api/v1/me/certificates, so the holder's stamps of a certificate go to stamping.
  table.Add("/api/v1/me/certificates/{number}/stamps", {"stamping", stamping_url});
  table.Add("/api/v1/me/stamps", {"stamping", stamping_url});
  // Longer than /api/v1/public: the public's verification of a stamp is the stamping service's.
  table.Add("/api/v1/public/verifications", {"stamping", stamping_url});
  table.AddBulkEnding("/certificate-batches");
  table.AddBulkEnding("/certificate-imports");
  return table;
}

}  // namespace kutse::gateway
