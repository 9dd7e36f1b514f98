#include "app/create_stamp.hpp"

#include "kutse/common/base64url.hpp"
#include "kutse/common/ids.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "seal/asice_container.hpp"

namespace kutse::stamping::app {

std::string NewVerificationCode() {
  return common::Base64UrlEncode(common::RandomBytes(18));
}

common::StatusOr<StampedFile> CreateStamp(const StampTools& tools, const auth::Identity& holder,
                                          const StampOrder& order) {
  if (tools.sealer == nullptr || tools.asice_sealer == nullptr) {
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
  Stamp& stamp = file.stamp;
  stamp.id = common::NewUuid();
  stamp.verification_code = NewVerificationCode();
  stamp.holder_personal_code = holder.personal_code;
  stamp.language = LanguageCode(order.language);
  const auto at = tools.clock.Now();
  stamp.created_at = common::FormatTimestamp(at);
  const CertificateDocument document =
      DocumentFor(record.value(), order.language, tools.public_url + "/verify/" + stamp.verification_code);
  stamp.certificate_number = document.number;
  const std::string pdf = tools.renderer.Render(document, order.language, at);
  const std::string stem = document.number + "-" + LanguageCode(order.language);
  try {
    if (order.format == StampFormat::kAsice) {
      stamp.format = "asice";
      stamp.level = tools.asice_sealer->Level();
      file.bytes = tools.asice_sealer->Seal(pdf, seal::AsiceFileName(stem, ".pdf"), at);
      file.content_type = seal::kAsiceMediaType;
      file.filename = stem + ".asice";
      stamp.sha256 = common::Sha256Hex(file.bytes);
      stamp.document_sha256 = common::Sha256Hex(pdf);
    } else {
      stamp.level = tools.sealer->Level();
      file.bytes = tools.sealer->Seal(pdf, at, "Kutseregistri e-tempel / Register keeper's e-seal");
      file.content_type = "application/pdf";
      file.filename = stem + ".pdf";
      stamp.sha256 = common::Sha256Hex(file.bytes);
      stamp.document_sha256 = stamp.sha256;
    }
  } catch (const seal::TrustServiceUnavailable& error) {
    // Nothing was recorded or handed out; the holder tries again once the TSA or OCSP answers.
    common::log::Warn("a stamp could not be made", {{"reason", error.what()}});
    return common::Unavailable(common::Msg("stamping.trust_service_unavailable"));
  }
  tools.record(stamp, order.correlation_id);
  return file;
}

}  // namespace kutse::stamping::app
