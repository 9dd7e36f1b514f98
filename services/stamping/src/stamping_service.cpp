#include "stamping_service.hpp"

#include <memory>

#include "clients/certificate_facts_client.hpp"
#include "db/sql.hpp"
#include "db/stamp_repository.hpp"
#include "events/stamp_events.hpp"
#include "handlers/my_stamps.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/log.hpp"
#include "pdf/certificate_renderer.hpp"
#include "seal/asice_sealer.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_settings.hpp"

namespace kutse::stamping {
namespace {

// Everything the handlers share, kept alive as long as the routes are.
struct Tools {
  pdf::CertificateRenderer renderer;
  std::unique_ptr<seal::PadesSealer> sealer;
  std::unique_ptr<seal::AsiceSealer> asice_sealer;
  std::shared_ptr<CertificateFactsClient> facts;
};

}  // namespace

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const StampingSettings settings = StampingSettings::Read(runtime.Environment());
  // Built at start so a missing font, an unreadable seal or a bad token key stops the service at
  // once rather than failing the first stamp.
  auto tools =
      std::make_shared<Tools>(Tools{pdf::CertificateRenderer(settings.font_dir), nullptr, nullptr, nullptr});
  if (settings.seal) {
    const seal::SealKey key =
        seal::SealKey::Load(settings.seal->key, settings.seal->certificates, settings.seal->password);
    tools->sealer = std::make_unique<seal::PadesSealer>(key);
    tools->asice_sealer = std::make_unique<seal::AsiceSealer>(key);
    common::log::Info("the e-seal is loaded");
  } else {
    common::log::Warn("no e-seal configured (KUTSE_SEAL_KEY_FILE): nothing can be sealed");
  }
  std::optional<std::string> unconfigured;
  if (settings.service_token_private_key_pem.empty() || settings.upstream_certificate.empty() ||
      settings.public_url.empty()) {
    common::log::Warn(
        "stamping needs KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE, KUTSE_UPSTREAM_CERTIFICATE and "
        "KUTSE_PUBLIC_URL: "
        "nothing can be stamped");
    unconfigured = "stamping.not_configured";
  } else {
    std::shared_ptr<auth::ServiceTokenSigner> signer;
    try {
      signer = std::make_shared<auth::ServiceTokenSigner>(
          "stamping", auth::Es256Key::FromPrivatePem(settings.service_token_private_key_pem));
    } catch (const std::invalid_argument& error) {
      throw common::ConfigError(std::string("setting KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE: ") + error.what());
    }
    tools->facts = std::make_shared<CertificateFactsClient>(settings.upstream_certificate, signer);
  }
  runtime.SetStatements(sql::Statements());
  // Every stamp is recorded and announced (stamp.created.v1) through the outbox.
  runtime.EnableOutboxRelay();

  db::Pool& pool = runtime.Database();
  // Without a seal or another setting stamps need the route stays, and answers 503 saying why.
  auto context = std::make_shared<HandlerContext>(HandlerContext{
      app::StampTools{[tools](const std::string& number) { return tools->facts->Fetch(number); },
                      [&pool](const Stamp& stamp, const std::string& correlation_id) {
                        pool.Transaction([&](pqxx::work& work) {
                          StampRepository(work).Insert(stamp);
                          bus::EnqueueEvent(work, "stamping", StampCreatedEvent(stamp, correlation_id));
                        });
                      },
                      tools->renderer, tools->sealer.get(), tools->asice_sealer.get(), unconfigured,
                      settings.public_url, common::SystemClock::Instance()}});
  // The context refers into `tools`: keep both for the routes' lifetime.
  auto keep =
      std::make_shared<std::pair<std::shared_ptr<Tools>, std::shared_ptr<HandlerContext>>>(tools, context);

  http::Router& router = runtime.Router();
  router.Add(
      "POST", "/api/v1/me/certificates/{number}/stamps",
      [keep](http::Request& request) { return CreateMyStamp(*keep->second, request); },
      http::RouteOptions{4 * 1024, true, ""});  // Accept: checked by the handler
}

}  // namespace kutse::stamping
