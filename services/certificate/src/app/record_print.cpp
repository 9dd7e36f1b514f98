#include "app/record_print.hpp"

#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"
#include "db/print_repository.hpp"

namespace kutse::certificate::app {

common::StatusOr<PrintEntry> RecordPrint(pqxx::work& work, const auth::Identity& staff,
                                         const PrintRequest& request) {
  auto certificate = request.number.size() > kMaxCertificateNumberLength
                         ? std::nullopt
                         : CertificateRepository(work).LockForBody(request.number, request.body_id);
  if (!certificate) {
    return common::NotFound(common::Msg("certificate.not_found_for_body"));
  }
  if (common::Status printable = CheckPrintable(*certificate, request.order); !printable.ok()) {
    return printable;
  }
  PrintEntry entry = PrintRepository(work).Add(request.number, staff.Subject(), request.order);
  HistoryRepository(work).Add(request.number, staff.Subject(), HistoryChange::kPrinted, request.order.note,
                              nullptr,
                              {{"print_id", entry.id},
                               {"reason", ToString(request.order.reason)},
                               {"delivery", ToString(request.order.delivery)}});
  return entry;
}

}  // namespace kutse::certificate::app
