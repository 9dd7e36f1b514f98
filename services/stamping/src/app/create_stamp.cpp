#include "app/create_stamp.hpp"

#include "kutse/common/base64url.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::stamping::app {

std::string NewVerificationCode() {
  return common::Base64UrlEncode(common::RandomBytes(18));
}

common::StatusOr<StampedFile> CreateStamp(const StampTools& tools, const auth::Identity& holder,
                                          const StampOrder& order) {
  if (tools.sealer == nullptr) {
    // Asked first: without a seal there is nothing to hand out, whatever the certificate.
    return common::Unavailable(common::Msg("stamping.no_seal"));
  }
  if (tools.unconfigured) {
    return common::Unavailable(common::Msg(*tools.unconfigured));
  }
  auto record = tools.fetch_facts(order.number);
  if (!record.ok()) {
    return record.status();
  }
  if (auto allowed = MayStamp(record.value(), holder.personal_code); !allowed.ok()) {
    return allowed;
  }
  StampedFile file;
  file.verification_code = NewVerificationCode();
  const auto at = tools.clock.Now();
  const CertificateDocument document =
      DocumentFor(record.value(), order.language, tools.public_url + "/verify/" + file.verification_code);
  const std::string pdf = tools.renderer.Render(document, order.language, at);
  file.bytes = tools.sealer->Seal(pdf, at, "Kutseregistri e-tempel / Register keeper's e-seal");
  file.filename = document.number + "-" + LanguageCode(order.language) + ".pdf";
  return file;
}

}  // namespace kutse::stamping::app
