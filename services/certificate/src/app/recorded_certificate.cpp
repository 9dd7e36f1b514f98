#include "app/recorded_certificate.hpp"

#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"

namespace kutse::certificate::app {

Certificate RecordCertificate(pqxx::work& work, const Certificate& certificate,
                              const std::string& recorded_by) {
  Certificate stored = CertificateRepository(work).Insert(certificate, recorded_by);
  HistoryChange change = certificate.origin == CertificateOrigin::kImported ? HistoryChange::kImported
                         : certificate.origin == CertificateOrigin::kDuplicate
                             ? HistoryChange::kDuplicateIssued
                             : HistoryChange::kIssued;
  HistoryRepository(work).Add(stored.number, recorded_by, change, certificate.status_reason, nullptr,
                              {{"status", ToString(stored.status)}});
  return stored;
}

}  // namespace kutse::certificate::app
