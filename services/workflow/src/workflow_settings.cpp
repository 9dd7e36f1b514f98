#include "workflow_settings.hpp"

namespace kutse::workflow {

WorkflowSettings WorkflowSettings::Read(const common::Config& config) {
  WorkflowSettings settings;
  settings.service_token_private_key_pem = config.FileContents("KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE");
  settings.upstream_certificate = config.Required("KUTSE_UPSTREAM_CERTIFICATE");
  return settings;
}

}  // namespace kutse::workflow
