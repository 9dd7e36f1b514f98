#include "app/record_reprint.hpp"

#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"
#include "db/print_repository.hpp"
#include "domain/history_entry.hpp"

namespace kutse::certificate::app {

common::Status RecordReprint(pqxx::work& work, const ReprintCompletion& completion) {
  // The lock comes first: the same news twice at once then finds the other's entry here.
  auto certificate = CertificateRepository(work).LockForHolder(completion.certificate_number,
                                                               completion.holder_personal_code);
  PrintRepository prints(work);
  if (prints.OfRequest(completion.request_id)) {
    return common::OkStatus();
  }
  if (!certificate) {
    return common::NotFound(common::Msg("duplicate.no_certificate"));
  }
  const PrintOrder order = ReprintOrder(completion);
  if (common::Status printable = CheckPrintable(*certificate, order); !printable.ok()) {
    return printable;
  }
  const std::string printed_by = WorkflowActor(completion.completed_by);
  PrintEntry entry = prints.Add(certificate->number, printed_by, order, completion.request_id);
  HistoryRepository(work).Add(certificate->number, printed_by, HistoryChange::kPrinted, order.note, nullptr,
                              {{"print_id", entry.id},
                               {"reason", ToString(order.reason)},
                               {"delivery", ToString(order.delivery)},
                               {"request_id", completion.request_id}});
  return common::OkStatus();
}

}  // namespace kutse::certificate::app
