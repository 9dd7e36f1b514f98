#include "app/recorded_certificate.hpp"

#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"

namespace kutse::certificate::app {

std::vector<Certificate> RecordCertificates(pqxx::work& work, const std::vector<Certificate>& certificates,
                                            const std::string& recorded_by) {
  if (certificates.empty()) {
    return {};
  }
  std::vector<Certificate> stored = CertificateRepository(work).Insert(certificates, recorded_by);
  std::vector<HistoryEntry> entries;
  std::vector<std::string> numbers;
  entries.reserve(stored.size());
  numbers.reserve(stored.size());
  for (const auto& certificate : stored) {
    HistoryEntry entry;
    entry.changed_by = recorded_by;
    entry.change = certificate.origin == CertificateOrigin::kImported    ? HistoryChange::kImported
                   : certificate.origin == CertificateOrigin::kDuplicate ? HistoryChange::kDuplicateIssued
                                                                         : HistoryChange::kIssued;
    entry.reason = certificate.status_reason;
    entry.old_value = nullptr;
    entry.new_value = {{"status", ToString(certificate.status)}};
    entries.push_back(std::move(entry));
    numbers.push_back(certificate.number);
  }
  HistoryRepository(work).AddAll(entries, numbers);
  return stored;
}

}  // namespace kutse::certificate::app
