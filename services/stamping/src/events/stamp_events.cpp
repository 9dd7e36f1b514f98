#include "events/stamp_events.hpp"

namespace kutse::stamping {

bus::CloudEvent StampCreatedEvent(const Stamp& stamp, const std::string& correlation_id) {
  nlohmann::json data = {{"stamp_id", stamp.id},
                         {"certificate_number", stamp.certificate_number},
                         {"holder_personal_code", stamp.holder_personal_code},
                         {"format", stamp.format},
                         {"language", stamp.language},
                         {"level", stamp.level},
                         {"sha256", stamp.sha256},
                         {"document_sha256", stamp.document_sha256},
                         {"created_at", stamp.created_at}};
  return bus::CloudEvent::Make("stamping", kStampCreatedV1, stamp.id, std::move(data), correlation_id);
}

}  // namespace kutse::stamping
