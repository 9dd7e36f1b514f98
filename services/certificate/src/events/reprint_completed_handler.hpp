// Consumer of workflow.reprint_completed.v1: reads it and runs app::RecordReprint in the inbox's
// transaction; a refusal goes back to the request as certificate.request_refused.v1.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

common::Status OnReprintCompleted(pqxx::work& work, const common::Clock& clock, const bus::CloudEvent& event);

}  // namespace kutse::certificate
