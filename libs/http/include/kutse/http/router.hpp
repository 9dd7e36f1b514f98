// Routes: method + path pattern ("/api/v1/bodies/{bodyId}/certificates", or a trailing "/*" for a
// prefix) to a handler, with per-route body limits. A synchronous handler runs on the worker pool;
// an asynchronous one runs on the I/O thread and must never block (the gateway's forwarder).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"
#include "kutse/http/upload.hpp"

namespace kutse::http {

using SyncHandler = std::function<Response(Request&)>;
using Reply = std::function<void(Response)>;  // call exactly once, from any thread
using AsyncHandler = std::function<void(Request&, Reply)>;

inline constexpr size_t kDefaultMaxBodyBytes = 64 * 1024;

struct RouteOptions {
  size_t max_body_bytes = kDefaultMaxBodyBytes;
  bool json_body = false;  // a body must come as application/json
  // What a successful answer is, checked against Accept; empty: not checked here (a redirect, or
  // the gateway's forwarding, where the owning service checks it). A route that answers with a
  // file of one of several types lists them, separated by commas.
  std::string produces = "application/json";
  // The body is a file: CheckUpload runs before the handler. Raises max_body_bytes to its max_bytes.
  std::optional<UploadRules> upload = std::nullopt;
};

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;
  SyncHandler sync;
  AsyncHandler async;
  RouteOptions options;
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method
  std::map<std::string, std::string> params;
  std::vector<std::string> allowed_methods;  // non-empty when the path exists for other methods
};

class Router {
 public:
  void Add(const std::string& method, const std::string& pattern, SyncHandler handler,
           RouteOptions options = {});
  void AddAsync(const std::string& method, const std::string& pattern, AsyncHandler handler,
                RouteOptions options = {});
  RouteMatch Find(const std::string& method, const std::string& path) const;
  size_t LargestBodyLimit() const;

 private:
  std::vector<Route> routes_;
};

}  // namespace kutse::http
