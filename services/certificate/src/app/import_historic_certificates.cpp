#include "app/import_historic_certificates.hpp"

#include <map>

#include "app/recorded_certificate.hpp"
#include "db/certificate_repository.hpp"
#include "db/standard_repository.hpp"
#include "domain/historic_entry.hpp"

namespace kutse::certificate::app {

using common::Msg;

common::StatusOr<ImportResult> ImportHistoric(pqxx::work& work, const auth::Identity& admin,
                                              const RowList<Certificate>& entries) {
  CertificateRepository certificates(work);
  certificates.SerializeImports();
  std::vector<std::string> numbers;
  std::vector<std::string> standard_codes;
  for (const auto& [row, entry] : entries.rows) {
    numbers.push_back(entry.number);
    if (entry.standard_code) {
      standard_codes.push_back(*entry.standard_code);
    }
  }
  std::map<std::string, Certificate> present;
  for (auto& stored : certificates.ByNumbers(numbers)) {
    present.emplace(stored.number, std::move(stored));
  }
  auto standards = StandardRepository(work).ByCodes(standard_codes);
  common::FieldErrors errors = entries.errors;
  std::map<std::string, size_t> row_of_number;
  for (const auto& [row, entry] : entries.rows) {
    const std::string prefix = RowPointer(row);
    if (auto [first, added] = row_of_number.emplace(entry.number, row); !added) {
      errors.push_back(
          {prefix + "/number", Msg("import.number_repeats_row", {{"row", std::to_string(first->second)}})});
    }
    if (entry.standard_code && standards.count(*entry.standard_code) == 0) {
      errors.push_back({prefix + "/standard_code", Msg("import.unknown_standard")});
    }
    auto stored = present.find(entry.number);
    if (stored != present.end() && !IsSameEntry(entry, stored->second)) {
      errors.push_back({prefix + "/number", Msg("import.number_taken")});
    }
  }
  if (common::Status refused = RowsRefused(std::move(errors)); !refused.ok()) {
    return refused;
  }
  std::vector<Certificate> missing;
  for (const auto& [row, entry] : entries.rows) {
    if (present.count(entry.number) == 0) {
      missing.push_back(entry);
    }
  }
  RecordCertificates(work, missing, admin.Subject());
  return ImportResult{missing.size(), entries.rows.size() - missing.size()};
}

}  // namespace kutse::certificate::app
