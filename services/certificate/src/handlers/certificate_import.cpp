#include "handlers/certificate_import.hpp"

#include <map>

#include "db/certificate_repository.hpp"
#include "db/reference_repository.hpp"
#include "domain/historic_entry.hpp"
#include "handlers/row_list.hpp"
#include "kutse/common/log.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ImportCertificates(db::Pool& pool, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  nlohmann::json body = request.JsonBody();
  const common::Date today =
      pool.Read([](pqxx::nontransaction& read) { return ReferenceRepository(read).RegisterToday(); });
  auto entries = ParseRowList<NewCertificate>(
      body, [&today](const nlohmann::json& row) { return ParseHistoricEntry(row, today); });
  auto [imported, unchanged] = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    repository.SerializeImports();
    std::vector<std::string> numbers;
    std::vector<std::string> standard_codes;
    for (const auto& [row, entry] : entries.rows) {
      numbers.push_back(*entry.number);
      if (entry.standard_code) {
        standard_codes.push_back(*entry.standard_code);
      }
    }
    std::map<std::string, CertificateRecord> present;
    for (auto& record : repository.ByNumbers(numbers)) {
      present.emplace(record.number, std::move(record));
    }
    auto standards = ReferenceRepository(work).StandardsByCodes(standard_codes);
    FieldErrors errors = entries.errors;
    std::map<std::string, size_t> row_of_number;
    for (const auto& [row, entry] : entries.rows) {
      const std::string prefix = RowPointer(row);
      if (!row_of_number.emplace(*entry.number, row).second) {
        errors.push_back({prefix + "/number", "repeats row " + std::to_string(row_of_number[*entry.number])});
      }
      if (entry.standard_code && standards.count(*entry.standard_code) == 0) {
        errors.push_back({prefix + "/standard_code", "is not an occupational standard"});
      }
      auto stored = present.find(*entry.number);
      if (stored != present.end() && !IsSameEntry(entry, stored->second)) {
        errors.push_back({prefix + "/number", "is already in the register with other data"});
      }
    }
    RefuseRowsIfAny(errors);
    size_t added = 0;
    for (const auto& [row, entry] : entries.rows) {
      if (present.count(*entry.number) == 0) {
        repository.Insert(entry, admin.Subject());
        ++added;
      }
    }
    return std::make_pair(added, entries.rows.size() - added);
  });
  common::log::Info("historic certificates imported", {{"imported", imported}, {"unchanged", unchanged}});
  return http::Response::Json(200, {{"imported", imported}, {"unchanged", unchanged}});
}

}  // namespace kutse::certificate
