#include "kutse/http/router.hpp"

#include <algorithm>
#include <stdexcept>

#include "kutse/common/text.hpp"

namespace kutse::http {
namespace {

std::vector<std::string> Split(const std::string& path) {
  return common::Split(path.empty() ? path : path.substr(1), '/');
}

bool IsExact(const Route& route) {
  return route.segments.empty() || route.segments.back() != "*";
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Returns the number of literal segments matched (higher is more specific), or -1. Fills `params`
// only when given: Find scores every route first and decodes the parameters of the winner alone.
int Match(const Route& route, const std::vector<std::string>& parts,
          std::map<std::string, std::string>* params) {
  int literals = 0;
  for (size_t i = 0; i < route.segments.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (segment == "*") {
      if (params != nullptr) {
        std::string rest;
        for (size_t j = i; j < parts.size(); ++j) {
          rest += (j == i ? "" : "/") + parts[j];
        }
        (*params)["*"] = rest;
      }
      return literals;
    }
    if (i >= parts.size()) {
      return -1;
    }
    if (IsParam(segment)) {
      if (parts[i].empty()) {
        return -1;
      }
      if (params != nullptr) {
        (*params)[segment.substr(1, segment.size() - 2)] = PercentDecodePath(parts[i]);
      }
    } else if (segment == parts[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return route.segments.size() == parts.size() ? literals : -1;
}

}  // namespace

void Router::Add(const std::string& method, const std::string& pattern, SyncHandler handler,
                 RouteOptions options) {
  if (pattern.empty() || pattern[0] != '/') {
    throw std::invalid_argument("route pattern must start with /: " + pattern);
  }
  if (options.upload) {
    options.max_body_bytes = std::max(options.max_body_bytes, options.upload->max_bytes);
  }
  routes_.push_back(Route{method, pattern, Split(pattern), std::move(handler), nullptr, options});
}

void Router::AddAsync(const std::string& method, const std::string& pattern, AsyncHandler handler,
                      RouteOptions options) {
  Add(method, pattern, nullptr, options);
  routes_.back().async = std::move(handler);
}

RouteMatch Router::Find(const std::string& method, const std::string& path) const {
  RouteMatch best;
  int best_score = -1;
  int best_exact_elsewhere = -1;  // the best route of this path for another method, without a wildcard
  std::vector<std::string> exact_methods;
  auto parts = Split(path);
  for (const Route& route : routes_) {
    int score = Match(route, parts, nullptr);
    if (score < 0) {
      continue;
    }
    if (route.method != method) {
      if (std::find(best.allowed_methods.begin(), best.allowed_methods.end(), route.method) ==
          best.allowed_methods.end()) {
        best.allowed_methods.push_back(route.method);
      }
      if (IsExact(route)) {
        best_exact_elsewhere = std::max(best_exact_elsewhere, score);
        exact_methods.push_back(route.method);
      }
      continue;
    }
    if (score > best_score) {
      best_score = score;
      best.route = &route;
    }
  }
  // A prefix route ("/api/v1/*") does not take a path that a route of its own serves with another
  // method: PUT /api/v1/me is 405 (GET only), not forwarded to find nothing.
  if (best.route != nullptr && !IsExact(*best.route) && best_exact_elsewhere >= best_score) {
    best.route = nullptr;
    best.allowed_methods = exact_methods;
  }
  if (best.route != nullptr) {
    Match(*best.route, parts, &best.params);
  }
  return best;
}

size_t Router::LargestBodyLimit() const {
  size_t largest = kDefaultMaxBodyBytes;
  for (const Route& route : routes_) {
    largest = std::max(largest, route.options.max_body_bytes);
  }
  return largest;
}

}  // namespace kutse::http
