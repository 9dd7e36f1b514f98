#include "proxy/route_table.hpp"

namespace kutse::gateway {

void RouteTable::Add(const std::string& prefix, const Upstream& upstream) {
  routes_.emplace_back(prefix, upstream);
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

}  // namespace

std::optional<Upstream> RouteTable::Find(const std::string& path) const {
  if (HasDotSegment(path)) {
    return std::nullopt;
  }
  const std::pair<std::string, Upstream>* best = nullptr;
  for (const auto& route : routes_) {
    const std::string& prefix = route.first;
    bool matches = path == prefix || (path.rfind(prefix, 0) == 0 && path[prefix.size()] == '/');
    if (matches && (best == nullptr || prefix.size() > best->first.size())) {
      best = &route;
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  Upstream upstream = best->second;
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
  table.Add("/api/v1/me/requests", {"workflow", workflow_url});
  table.Add("/api/v1/stamps", {"stamping", stamping_url});
  table.AddBulkEnding("/certificate-batches");
  table.AddBulkEnding("/certificate-imports");
  return table;
}

}  // namespace kutse::gateway
