#include "app/record_duplicate_issued.hpp"

#include "app/act_on_request.hpp"
#include "db/request_repository.hpp"

namespace kutse::workflow::app {

common::Status RecordDuplicateIssued(pqxx::work& work, const common::Clock& clock,
                                     const IssuedDuplicate& issued, const std::string& correlation_id) {
  auto waiting = RequestRepository(work).LockApprovedDuplicate(issued.duplicate_of);
  if (!waiting) {
    return common::OkStatus();
  }
  RequestChange change{waiting->id, DuplicateIssued{issued.certificate_number}, std::nullopt,
                       http::Precondition::kOptional, correlation_id};
  auto applied = ApplyChange(work, clock, Actor::System(), change);
  return applied.ok() ? common::OkStatus() : applied.status();
}

}  // namespace kutse::workflow::app
