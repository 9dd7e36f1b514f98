// The holder's data-access log: written whenever a clerk's or an admin's answer carried a holder's
// personal code, read back by the holder, newest first.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/data_access.hpp"
#include "kutse/auth/identity.hpp"

namespace kutse::certificate {

class AccessLogRepository {
 public:
  explicit AccessLogRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  void Log(const Certificate& certificate, const auth::Identity& staff, AccessPurpose purpose);
  void LogAll(const std::vector<Certificate>& certificates, const auth::Identity& staff,
              AccessPurpose purpose);
  // A handler's read of a holder's request in the workflow service (purpose request).
  void LogRequestRead(const RequestRead& read);
  // Entries older than `before_id` (all when nullopt), at most `limit`.
  std::vector<AccessEntry> Page(const std::string& holder_personal_code,
                                const std::optional<long long>& before_id, int limit);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
