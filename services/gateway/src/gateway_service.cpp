#include "gateway_service.hpp"

#include <memory>

#include "clients/cors.hpp"
#include "db/sql.hpp"
#include "gateway_settings.hpp"
#include "handlers/admin_roles.hpp"
#include "handlers/auth_routes.hpp"
#include "handlers/body_api_clients.hpp"
#include "handlers/me_get.hpp"
#include "handlers/openapi_document.hpp"
#include "identity/caller_resolver.hpp"
#include "kutse/auth/token_signer.hpp"
#include "kutse/common/log.hpp"
#include "kutse/http/problem.hpp"
#include "proxy/address_rate_limit.hpp"
#include "proxy/forwarding.hpp"
#include "proxy/large_bodies.hpp"
#include "proxy/route_table.hpp"
#include "proxy/upstream_client.hpp"

namespace kutse::gateway {
namespace {

// The largest body a service takes (a batch of 10,000 certificates) plus room.
constexpr size_t kMaxForwardedBody = 5 * 1024 * 1024;

// What the gateway holds for its whole life; owned by Configure's closures.
struct GatewayState {
  RouteTable routes;
  std::unique_ptr<auth::TokenSigner> signer;
  std::unique_ptr<UpstreamClient> upstreams;
  std::string openapi;
  std::unique_ptr<SessionStore> sessions;
  std::unique_ptr<OidcLogin> login;
  std::unique_ptr<CallerResolver> callers;
  std::unique_ptr<RoleAssignments> roles;
  std::unique_ptr<ApiClients> clients;
  bool secure_cookies = true;
  std::unique_ptr<AddressRateLimit> uploads;
};

}  // namespace

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const GatewaySettings settings = GatewaySettings::Read(runtime.Environment());
  auto state = std::make_shared<GatewayState>();
  state->routes = DefaultRouteTable(settings.upstream_certificate, settings.upstream_workflow,
                                    settings.upstream_notification, settings.upstream_stamping);
  try {
    state->signer = std::make_unique<auth::TokenSigner>(
        auth::Es256Key::FromPrivatePem(settings.token_private_key_pem), std::chrono::seconds(60));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_TOKEN_PRIVATE_KEY_FILE: ") + error.what());
  }
  state->openapi = settings.openapi_document;
  state->upstreams = std::make_unique<UpstreamClient>(settings.upstream_connections);
  state->uploads =
      std::make_unique<AddressRateLimit>(settings.trusted_proxies, settings.verification_uploads_per_minute);

  runtime.SetStatements(sql::Statements());
  SessionPolicy policy{settings.session_idle_minutes, settings.session_absolute_hours};
  state->sessions = std::make_unique<SessionStore>(runtime.Database(), policy, settings.session_cache);
  state->sessions->StartListening(runtime.Settings().db_dsn);
  state->secure_cookies = settings.public_url.rfind("https://", 0) == 0;
  state->login = std::make_unique<OidcLogin>(
      ProviderClient(settings.oidc_issuer,
                     ClientCredentials{settings.oidc_client_id, settings.oidc_client_secret,
                                       settings.public_url + "/auth/callback"}),
      *state->sessions);

  CallerResolverOptions resolver_options;
  resolver_options.dev_identity_enabled = settings.dev_identity;
  resolver_options.bootstrap_admins = settings.bootstrap_admins;
  if (resolver_options.dev_identity_enabled) {
    common::log::Warn("DEVELOPMENT IDENTITY HEADER IS ENABLED: never run this configuration in production");
  }
  state->clients = std::make_unique<ApiClients>(runtime.Database(), settings.client_cache);
  state->callers = std::make_unique<CallerResolver>(*state->sessions, *state->clients, resolver_options);
  state->roles = std::make_unique<RoleAssignments>(runtime.Database());
  runtime.SetCallerResolver(
      [state](http::Request& request) { state->callers->Resolve(request); }, true,
      [state](http::Request& request) { return state->callers->TryResolveWithoutBlocking(request); });

  http::Router& router = runtime.Router();
  router.Add(
      "GET", "/openapi.yaml", [state](http::Request&) { return ServeOpenApi(state->openapi); },
      http::RouteOptions{http::kDefaultMaxBodyBytes, false, "application/yaml"});
  const http::RouteOptions redirect{http::kDefaultMaxBodyBytes, false, ""};
  auto auth = [state] { return AuthContext{*state->login, *state->sessions, state->secure_cookies}; };
  router.Add(
      "GET", "/auth/login", [auth](http::Request& request) { return BeginLogin(auth(), request); }, redirect);
  router.Add(
      "GET", "/auth/callback", [auth](http::Request& request) { return FinishLogin(auth(), request); },
      redirect);
  router.Add(
      "POST", "/auth/logout", [auth](http::Request& request) { return Logout(auth(), request); }, redirect);
  router.Add("GET", "/api/v1/me",
             [state](http::Request& request) { return GetMe(*state->sessions, request); });
  router.Add("GET", "/api/v1/admin/role-assignments",
             [state](http::Request& request) { return ListRoleAssignments(*state->roles, request); });
  router.Add(
      "POST", "/api/v1/admin/role-assignments",
      [state](http::Request& request) { return GrantRole(*state->roles, *state->sessions, request); },
      http::RouteOptions{8 * 1024, true});
  router.Add("DELETE", "/api/v1/admin/role-assignments/{assignmentId}", [state](http::Request& request) {
    return WithdrawRole(*state->roles, *state->sessions, request);
  });
  router.Add(
      "OPTIONS", "/api/v1/public/*",
      [state](http::Request& request) {
        auto origin = request.Header("origin");
        return PreflightAnswer(request, origin && state->clients->IsAllowedOrigin(*origin));
      },
      redirect);
  const std::string clients_path = "/api/v1/bodies/{bodyId}/api-clients";
  router.Add("GET", clients_path,
             [state](http::Request& request) { return ListApiClients(*state->clients, request); });
  router.Add(
      "POST", clients_path,
      [state](http::Request& request) { return CreateApiClient(*state->clients, request); },
      http::RouteOptions{8 * 1024, true});
  router.Add("POST", clients_path + "/{clientId}/secret",
             [state](http::Request& request) { return RotateApiClientSecret(*state->clients, request); });
  router.Add("DELETE", clients_path + "/{clientId}",
             [state](http::Request& request) { return RevokeApiClient(*state->clients, request); });
  auto forward = [state](http::Request& request, http::Reply reply) {
    auto upstream = state->routes.Find(request.path);
    if (!upstream) {
      throw common::StatusError(common::NotFound(common::Msg("http.no_route")));
    }
    std::optional<std::string> token;
    if (request.caller) {
      token = state->signer->Issue(*request.caller, upstream->service);
    }
    UpstreamRequest outgoing = BuildUpstreamRequest(request, *upstream, token);
    // What the answer needs (path, id, language, origin), not a copy of every header and the body:
    // this runs for every forwarded request.
    http::Request context;
    context.path = request.path;
    context.request_id = request.request_id;
    for (const char* name : {"accept-language", "origin"}) {
      if (auto value = request.Header(name)) {
        context.headers.emplace(name, *value);
      }
    }
    // Known from memory: the caller resolver made sure the registered origins were fresh.
    bool origin_registered = false;
    if (auto origin = request.Header("origin")) {
      origin_registered = state->clients->IsAllowedOriginCached(*origin).value_or(false);
    }
    // On the I/O thread that received the request when its caller was known from memory (the
    // common case: no thread hand-off at all), else from the worker back to that I/O thread.
    state->upstreams->Send(
        std::move(outgoing),
        [reply, context, origin_registered](UpstreamResponse answer) {
          http::Response response = ToClientResponse(std::move(answer), context);
          AddCorsHeaders(context, origin_registered, response);
          reply(std::move(response));
        },
        request.io_loop);
  };
  for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    // The owning service checks the body's media type and Accept against its own route.
    router.AddAsync(method, "/api/v1/*", forward, http::RouteOptions{kMaxForwardedBody, false, ""});
  }
  // More specific than /api/v1/*, so these alone take their larger files.
  for (const LargeBodyRoute& route : LargeBodyRoutes()) {
    auto limited = [state, forward](http::Request& request, http::Reply reply) {
      state->uploads->Check(request);
      forward(request, std::move(reply));
    };
    router.AddAsync(route.method, route.pattern,
                    route.limited_per_address ? http::AsyncHandler(limited) : http::AsyncHandler(forward),
                    http::RouteOptions{route.max_body_bytes, false, ""});
  }
}

}  // namespace kutse::gateway
