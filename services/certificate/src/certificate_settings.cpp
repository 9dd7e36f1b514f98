#include "certificate_settings.hpp"

namespace kutse::certificate {

CertificateSettings CertificateSettings::Read(const common::Config& config) {
  CertificateSettings settings;
  settings.expiry_interval =
      std::chrono::milliseconds(config.Integer("KUTSE_EXPIRY_INTERVAL_MS", 60000, 100, 86400000));
  return settings;
}

}  // namespace kutse::certificate
