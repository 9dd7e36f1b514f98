#include "app/attach_file.hpp"

#include "app/act_on_request.hpp"
#include "db/request_repository.hpp"
#include "kutse/common/ids.hpp"

namespace kutse::workflow::app {

common::StatusOr<StoredAttachment> AttachFile(pqxx::work& work, const common::Clock& clock,
                                              const Actor& holder, NewAttachment attachment) {
  attachment.file.id = common::NewUuid();
  RequestChange change{attachment.request_id, Attach{attachment.file}, attachment.if_match,
                       http::Precondition::kOptional, attachment.correlation_id};
  auto applied = ApplyChange(work, clock, holder, change);
  if (!applied.ok()) {
    return applied.status();
  }
  return RequestRepository(work).AddAttachment(applied->after.id, attachment.file, attachment.bytes, holder,
                                               applied->transition.at);
}

}  // namespace kutse::workflow::app
