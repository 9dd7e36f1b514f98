// The workflow service's own settings (services/workflow/settings.txt), read once at start into one
// struct; the shared ones are runtime::RuntimeSettings.
#pragma once

#include <string>

#include "kutse/common/config.hpp"

namespace kutse::workflow {

struct WorkflowSettings {
  // The PEM text of the key the workflow signs its service tokens with (ADR 0005).
  std::string service_token_private_key_pem;
  std::string upstream_certificate;  // http://certificate:8080
  int answer_days = 30;              // a request's answer deadline, in days after its submission

  // Throws common::ConfigError naming the setting that is missing or malformed.
  static WorkflowSettings Read(const common::Config& config);
};

}  // namespace kutse::workflow
