// The certificate service's own settings (services/certificate/settings.txt), read once at start
// into one struct; the shared ones are runtime::RuntimeSettings.
#pragma once

#include <chrono>

#include "kutse/common/config.hpp"

namespace kutse::certificate {

struct CertificateSettings {
  std::chrono::milliseconds expiry_interval{60000};

  // Throws common::ConfigError naming the setting that is malformed.
  static CertificateSettings Read(const common::Config& config);
};

}  // namespace kutse::certificate
