// Use cases that read certificates for a signed-in person: the holder's own ("My certificates",
// one certificate with its history and prints, the log of staff who read their data) and the
// issuing body's staff's view of one certificate, which is itself entered in that log.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/data_access.hpp"
#include "domain/history_entry.hpp"
#include "domain/open_request.hpp"
#include "domain/print_order.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

struct CertificateDetail {
  Certificate certificate;
  std::vector<HistoryEntry> history;
  std::vector<PrintEntry> prints;
};

// "My certificates": every certificate of the holder, and the open requests on any of them.
struct MyCertificateList {
  std::vector<Certificate> certificates;
  std::vector<OpenRequest> open_requests;
};

MyCertificateList MyCertificates(pqxx::transaction_base& tx, const auth::Identity& holder);
// Not found for someone else's certificate just as for an unknown number.
common::StatusOr<CertificateDetail> MyCertificate(pqxx::transaction_base& tx, const auth::Identity& holder,
                                                  const std::string& number);
common::StatusOr<CertificateDetail> BodysCertificate(pqxx::work& work, const auth::Identity& staff,
                                                     const std::string& body_id, const std::string& number);
// A page of the holder's data-access log, newest first, before the entry `before_id`.
std::vector<AccessEntry> MyDataAccess(pqxx::transaction_base& tx, const auth::Identity& holder,
                                      const std::optional<long long>& before_id, int limit);

}  // namespace kutse::certificate::app
