// The events of the stamping service (proto-docs/events/), written to the outbox in the transaction
// that records the stamp:
//   stamp.created.v1   a holder was handed a sealed copy of a certificate.
// The data carry the holder's personal code (the schema marks it internal) but never the
// verification code: whoever has that can see the stamp, so it stays with the holder.
#pragma once

#include <string>

#include "domain/stamp.hpp"
#include "kutse/bus/cloud_event.hpp"

namespace kutse::stamping {

inline constexpr const char* kStampCreatedV1 = "stamp.created.v1";

bus::CloudEvent StampCreatedEvent(const Stamp& stamp, const std::string& correlation_id);

}  // namespace kutse::stamping
