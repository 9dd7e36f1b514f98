#include "workflow_settings.hpp"

#include "domain/answer_deadline.hpp"

namespace kutse::workflow {

WorkflowSettings WorkflowSettings::Read(const common::Config& config) {
  WorkflowSettings settings;
  settings.service_token_private_key_pem = config.FileContents("KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE");
  settings.upstream_certificate = config.Required("KUTSE_UPSTREAM_CERTIFICATE");
  settings.answer_days = config.Integer("KUTSE_REQUEST_ANSWER_DAYS", kDefaultAnswerDays, 1, 365);
  return settings;
}

}  // namespace kutse::workflow
