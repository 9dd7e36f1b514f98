// Consumer of workflow.personal_data_read.v1: a handler's read of a holder's request enters the
// holder's data-access log, in the inbox's transaction (so a repeat of the event enters nothing).
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate {

common::Status OnPersonalDataRead(pqxx::work& work, const bus::CloudEvent& event);

}  // namespace kutse::certificate
