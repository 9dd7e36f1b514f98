// Consumer of workflow.duplicate_approved.v1: issues the duplicate, marks the original replaced
// and announces the duplicate as certificate.issued.v1, all in the inbox's transaction. A repeat
// of the same request does nothing; an approval that cannot be carried out (not the holder's
// certificate, already replaced, invalidated or annulled) is refused and ends in the dead-letter
// queue for an operator.
#pragma once

#include <pqxx/pqxx>

#include "kutse/bus/cloud_event.hpp"

namespace kutse::certificate {

void OnDuplicateApproved(pqxx::work& work, const bus::CloudEvent& event);

}  // namespace kutse::certificate
