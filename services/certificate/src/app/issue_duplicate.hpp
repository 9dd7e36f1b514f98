// Use case: the request-workflow service approved a duplicate request (workflow.duplicate_approved.v1).
// The duplicate is issued with a new number, the original is kept and marked replaced (and leaves
// the public register), and the duplicate is announced as certificate.issued.v1. One request gives
// one duplicate, even if its approval comes again under other event ids. A refusal (not the
// holder's certificate, an approver without the right, already replaced, not in force) is permanent.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/duplicate_approval.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

common::Status IssueDuplicate(pqxx::work& work, const common::Clock& clock, const DuplicateApproval& approval,
                              const std::string& correlation_id);

}  // namespace kutse::certificate::app
