// Use case: the issuing body's staff (or an admin) enter a printed paper of a certificate: the first
// print, a reprint or a duplicate's print, handed over or posted. Only a document in use is printed.
// The print history grows, and so does the certificate's history.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/print_order.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

struct PrintRequest {
  std::string body_id;
  std::string number;
  PrintOrder order;
};

common::StatusOr<PrintEntry> RecordPrint(pqxx::work& work, const auth::Identity& staff,
                                         const PrintRequest& request);

}  // namespace kutse::certificate::app
