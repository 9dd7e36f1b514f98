#include "workflow_service.hpp"

#include <memory>

#include "clients/certificate_facts_client.hpp"
#include "workflow_settings.hpp"

namespace kutse::workflow {

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const WorkflowSettings settings = WorkflowSettings::Read(runtime.Environment());
  std::shared_ptr<auth::ServiceTokenSigner> signer;
  try {
    signer = std::make_shared<auth::ServiceTokenSigner>(
        "workflow", auth::Es256Key::FromPrivatePem(settings.service_token_private_key_pem));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE: ") + error.what());
  }
  // Built at start, so a bad key or URL stops the service at once; the request routes (issue 10)
  // will take it to ask for a certificate's facts where a rule depends on them.
  [[maybe_unused]] auto certificate_facts = std::make_shared<CertificateFactsClient>(
      CertificateFactsClientOptions{settings.upstream_certificate}, signer);
  // Requests will publish their state changes through the outbox.
  runtime.EnableOutboxRelay();
}

}  // namespace kutse::workflow
