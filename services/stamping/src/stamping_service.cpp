#include "stamping_service.hpp"

#include "kutse/common/log.hpp"
#include "pdf/certificate_renderer.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_settings.hpp"

namespace kutse::stamping {

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const StampingSettings settings = StampingSettings::Read(runtime.Environment());
  // Built at start so a missing font or an unreadable seal stops the service at once rather than
  // failing the first stamp; the stamp routes will hold them.
  pdf::CertificateRenderer renderer(settings.font_dir);
  if (settings.seal) {
    seal::PadesSealer sealer(
        seal::SealKey::Load(settings.seal->key, settings.seal->certificates, settings.seal->password));
    common::log::Info("the e-seal is loaded");
  } else {
    common::log::Warn("no e-seal configured (KUTSE_SEAL_KEY_FILE): nothing can be sealed");
  }
  // Every stamped document will be recorded and announced through the outbox.
  runtime.EnableOutboxRelay();
}

}  // namespace kutse::stamping
