// Use case: the request-workflow service says a reprint request was carried out
// (workflow.reprint_completed.v1). The reprint enters the certificate's print history, and its
// history, once per request however often the news comes. Refused (not found, not printable) when
// the certificate is not the holder's or is no longer in use.
#pragma once

#include <pqxx/pqxx>

#include "domain/reprint_completion.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

common::Status RecordReprint(pqxx::work& work, const ReprintCompletion& completion);

}  // namespace kutse::certificate::app
