#include "stamping_service.hpp"

#include <memory>

#include "clients/certificate_facts_client.hpp"
#include "clients/trust_service_clients.hpp"
#include "db/sql.hpp"
#include "db/stamp_repository.hpp"
#include "events/stamp_events.hpp"
#include "handlers/my_stamps.hpp"
#include "handlers/verifications.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/log.hpp"
#include "pdf/certificate_renderer.hpp"
#include "seal/asice_container.hpp"
#include "seal/asice_sealer.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_settings.hpp"
#include "verify/asice_verifier.hpp"
#include "verify/pades_verifier.hpp"
#include "verify/trust_anchors.hpp"

namespace kutse::stamping {
namespace {

// Everything the handlers share, kept alive as long as the routes are.
struct Tools {
  pdf::CertificateRenderer renderer;
  // Before the sealers, which refer to it: null when the service seals baseline B-B.
  std::unique_ptr<TrustServiceClients> trust_services;
  std::unique_ptr<seal::PadesSealer> sealer;
  std::unique_ptr<seal::AsiceSealer> asice_sealer;
  std::shared_ptr<CertificateFactsClient> facts;
  verify::TrustAnchors anchors;
  verify::TrustAnchors tsa_anchors;  // empty: no TSA's time is believed
};

// The configured anchors, else the seal the service seals with, else none.
verify::TrustAnchors AnchorsFor(const StampingSettings& settings, const seal::SealKey* seal) {
  if (!settings.trust_anchor_pem.empty()) {
    try {
      return verify::TrustAnchors::FromPem(settings.trust_anchor_pem);
    } catch (const std::runtime_error& error) {
      throw common::ConfigError(std::string("setting KUTSE_STAMPING_TRUST_ANCHOR_FILE: ") + error.what());
    }
  }
  return seal != nullptr ? verify::TrustAnchors::Of(seal->Certificate()) : verify::TrustAnchors();
}

}  // namespace

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const StampingSettings settings = StampingSettings::Read(runtime.Environment());
  // Built at start so a missing font, an unreadable seal or a bad token key stops the service at
  // once rather than failing the first stamp.
  auto tools = std::make_shared<Tools>(
      Tools{pdf::CertificateRenderer(settings.font_dir), nullptr, nullptr, nullptr, nullptr, {}, {}});
  if (settings.trust_services) {
    tools->trust_services = std::make_unique<TrustServiceClients>(*settings.trust_services);
  }
  std::optional<seal::SealKey> seal_key;
  if (settings.seal) {
    seal_key = seal::SealKey::Load(settings.seal->key, settings.seal->certificates, settings.seal->password);
    tools->sealer = std::make_unique<seal::PadesSealer>(*seal_key, tools->trust_services.get());
    tools->asice_sealer = std::make_unique<seal::AsiceSealer>(*seal_key, tools->trust_services.get());
    // Host names only: a URL may carry credentials.
    common::log::Info("the e-seal is loaded",
                      {{"seal_level", tools->sealer->Level()},
                       {"trust_services", tools->trust_services ? tools->trust_services->Describe()
                                                                : std::string("none (baseline B-B)")}});
  } else {
    common::log::Warn("no e-seal configured (KUTSE_SEAL_KEY_FILE): nothing can be sealed");
  }
  tools->anchors = AnchorsFor(settings, seal_key ? &*seal_key : nullptr);
  if (!settings.tsa_trust_pem.empty()) {
    try {
      tools->tsa_anchors = verify::TrustAnchors::FromPem(settings.tsa_trust_pem);
    } catch (const std::runtime_error& error) {
      throw common::ConfigError(std::string("setting KUTSE_STAMPING_TSA_TRUST_FILE: ") + error.what());
    }
  }
  if (tools->anchors.Empty()) {
    common::log::Warn(
        "no trust anchor (KUTSE_STAMPING_TRUST_ANCHOR_FILE) and no seal: no seal verifies as the register's");
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
  auto
      context =
          std::make_shared<HandlerContext>(
              HandlerContext{app::StampTools{
                                 [tools](const std::string& number) { return tools->facts->Fetch(number); },
                                 [&pool](const Stamp& stamp, const std::string& correlation_id) {
                                   pool.Transaction([&](pqxx::work& work) {
                                     StampRepository(work).Insert(stamp);
                                     bus::EnqueueEvent(work, "stamping",
                                                       StampCreatedEvent(stamp, correlation_id));
                                   });
                                 },
                                 tools->renderer, tools->sealer.get(), tools->asice_sealer.get(),
                                 unconfigured, settings.public_url, common::SystemClock::Instance()},
                             app::VerificationTools{[&pool](const std::string& code) {
                                                      return pool.Read([&](pqxx::nontransaction& read) {
                                                        return StampRepository(read).LiveByCode(code);
                                                      });
                                                    },
                                                    [&pool](const std::string& sha256) {
                                                      return pool.Read([&](pqxx::nontransaction& read) {
                                                        return StampRepository(read).LiveBySha256(sha256);
                                                      });
                                                    },
                                                    tools->facts ? app::FetchFacts(
                                                                       [tools](const std::string& number) {
                                                                         return tools->facts->Fetch(number);
                                                                       })
                                                                 : app::FetchFacts(),
                                                    // One verifier per media type an uploaded document is
                                                    // sniffed as.
                                                    {
                                                        {"application/pdf",
                                                         [tools](std::string_view document) {
                                                           return verify::VerifyPades(
                                                               document, tools->anchors,
                                                               verify::TrustedBy(tools->tsa_anchors));
                                                         }},
                                                        {seal::kAsiceMediaType,
                                                         [tools](std::string_view document) {
                                                           return verify::VerifyAsice(
                                                               document, verify::TrustedBy(tools->anchors),
                                                               {}, verify::TrustedBy(tools->tsa_anchors));
                                                         }}}},
                             pool});
  // The context refers into `tools`: keep both for the routes' lifetime.
  auto keep =
      std::make_shared<std::pair<std::shared_ptr<Tools>, std::shared_ptr<HandlerContext>>>(tools, context);

  http::Router& router = runtime.Router();
  router.Add(
      "POST", "/api/v1/me/certificates/{number}/stamps",
      [keep](http::Request& request) { return CreateMyStamp(*keep->second, request); },
      http::RouteOptions{4 * 1024, true, ""});  // Accept: checked by the handler
  router.Add("GET", "/api/v1/me/stamps",
             [keep](http::Request& request) { return ListMyStamps(*keep->second, request); });
  router.Add("POST", "/api/v1/me/stamps/{stamp}/withdrawal",
             [keep](http::Request& request) { return WithdrawMyStamp(*keep->second, request); });
  router.Add("GET", "/api/v1/public/verifications/{verificationCode}",
             [keep](http::Request& request) { return VerifyStampByCode(*keep->second, request); });
  router.Add(
      "POST", "/api/v1/public/verifications",
      [keep](http::Request& request) { return VerifyUploadedDocument(*keep->second, request); },
      http::RouteOptions{
          http::kDefaultMaxBodyBytes, false, "application/json",
          http::UploadRules{{"application/pdf", seal::kAsiceMediaType}, verify::kMaxPadesBytes}});
}

}  // namespace kutse::stamping
