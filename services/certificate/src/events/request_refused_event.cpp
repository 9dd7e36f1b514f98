#include "events/request_refused_event.hpp"

#include "kutse/common/message_catalog.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::certificate {

bus::CloudEvent RequestRefusedEvent(const RequestRefusal& refusal, std::chrono::system_clock::time_point at,
                                    const std::string& correlation_id) {
  const common::MessageCatalog& texts = common::MessageCatalog::Global();
  nlohmann::json data = {
      {"request_id", refusal.request_id},
      {"request_kind", refusal.kind == RefusedRequestKind::kDuplicate ? "duplicate" : "reprint"},
      {"certificate_number", refusal.certificate_number.empty() ? nlohmann::json(nullptr)
                                                                : nlohmann::json(refusal.certificate_number)},
      {"refused_event_id", refusal.refused_event_id},
      {"code", common::ToString(refusal.why.code())},
      {"message_key", refusal.why.message().key},
      {"message",
       {{"et", texts.Render(refusal.why.message(), "et")},
        {"en", texts.Render(refusal.why.message(), "en")}}},
      {"refused_at", common::FormatTimestamp(at)},
  };
  return bus::CloudEvent::Make("certificate", kRequestRefusedV1, refusal.request_id, std::move(data),
                               correlation_id);
}

}  // namespace kutse::certificate
