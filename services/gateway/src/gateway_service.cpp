#include "gateway_service.hpp"

#include <memory>

#include "handlers/openapi_document.hpp"
#include "identity/dev_identity.hpp"
#include "kutse/auth/token_signer.hpp"
#include "kutse/common/log.hpp"
#include "kutse/http/problem.hpp"
#include "proxy/forwarding.hpp"
#include "proxy/route_table.hpp"
#include "proxy/upstream_client.hpp"

namespace kutse::gateway {
namespace {

constexpr size_t kMaxForwardedBody = 1024 * 1024;

// What the gateway holds for its whole life; owned by Configure's closures.
struct GatewayState {
  RouteTable routes;
  std::unique_ptr<auth::TokenSigner> signer;
  std::unique_ptr<UpstreamClient> upstreams;
  std::string openapi;
};

}  // namespace

void Configure(runtime::ServiceRuntime& runtime) {
  const common::Config& config = runtime.Settings();
  auto state = std::make_shared<GatewayState>();
  state->routes = DefaultRouteTable(
      config.Required("KUTSE_UPSTREAM_CERTIFICATE"), config.Required("KUTSE_UPSTREAM_WORKFLOW"),
      config.Required("KUTSE_UPSTREAM_NOTIFICATION"), config.Required("KUTSE_UPSTREAM_STAMPING"));
  try {
    state->signer = std::make_unique<auth::TokenSigner>(
        auth::Es256Key::FromPrivatePem(config.FileContents("KUTSE_TOKEN_PRIVATE_KEY_FILE")),
        std::chrono::seconds(60));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_TOKEN_PRIVATE_KEY_FILE: ") + error.what());
  }
  state->openapi = config.FileContents("KUTSE_OPENAPI_FILE");
  state->upstreams =
      std::make_unique<UpstreamClient>(config.Integer("KUTSE_UPSTREAM_CONNECTIONS", 64, 1, 1024));

  if (config.Flag("KUTSE_DEV_IDENTITY")) {
    common::log::Warn("DEVELOPMENT IDENTITY HEADER IS ENABLED: never run this configuration in production");
    runtime.SetCallerResolver([](http::Request& request) {
      if (auto header = request.Header(kDevIdentityHeader)) {
        request.caller = ParseDevIdentity(*header);
        if (!request.caller) {
          throw http::HttpError(401, "unauthenticated", "The development identity header is malformed.");
        }
      }
    });
  } else {
    runtime.SetCallerResolver([](http::Request&) {});  // sessions arrive with the login issue
  }

  http::Router& router = runtime.Router();
  router.Add("GET", "/openapi.yaml", [state](http::Request&) { return ServeOpenApi(state->openapi); });
  auto forward = [state](http::Request& request, http::Reply reply) {
    auto upstream = state->routes.Find(request.path);
    if (!upstream) {
      throw http::HttpError(404, "not_found", "There is no resource at this address.");
    }
    std::optional<std::string> token;
    if (request.caller) {
      token = state->signer->Issue(*request.caller, upstream->service);
    }
    UpstreamRequest outgoing = BuildUpstreamRequest(request, *upstream, token);
    http::Request context = request;  // for the answer: path, id, language; not the body
    context.body.clear();
    state->upstreams->Send(std::move(outgoing), [reply, context](UpstreamResponse answer) {
      reply(ToClientResponse(std::move(answer), context));
    });
  };
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    router.AddAsync(method, "/api/v1/*", forward, http::RouteOptions{kMaxForwardedBody, false});
  }
}

}  // namespace kutse::gateway
