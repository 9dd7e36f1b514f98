// The gateway's own settings (services/gateway/settings.txt), read once at start into one struct;
// the shared ones are runtime::RuntimeSettings.
#pragma once

#include <chrono>
#include <set>
#include <string>

#include "kutse/common/config.hpp"
#include "kutse/runtime/runtime_settings.hpp"
#include "proxy/client_address.hpp"

namespace kutse::gateway {

// The gateway issues the internal tokens, so it verifies none.
inline constexpr runtime::RuntimeOptions kRuntimeOptions{false};

struct GatewaySettings {
  std::string token_private_key_pem;
  std::string openapi_document;
  std::string upstream_certificate;
  std::string upstream_workflow;
  std::string upstream_notification;
  std::string upstream_stamping;
  int upstream_connections = 64;
  std::string public_url;
  std::string oidc_issuer;
  std::string oidc_client_id;
  std::string oidc_client_secret;
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  std::chrono::milliseconds session_cache{5000};
  std::chrono::milliseconds client_cache{5000};
  std::set<std::string> bootstrap_admins;  // personal codes
  bool dev_identity = false;
  // Proxies whose X-Forwarded-For is believed (the ingress); empty: none, the peer is the client.
  TrustedProxies trusted_proxies;
  int verification_uploads_per_minute = 30;  // per client address; 0: no limit

  // Throws common::ConfigError naming the setting that is missing or malformed.
  static GatewaySettings Read(const common::Config& config);
};

}  // namespace kutse::gateway
