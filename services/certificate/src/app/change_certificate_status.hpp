// Use case: the issuing body's clerk or an admin declares a certificate invalid or annuls it, with
// a reason, along proto-docs/domain.md's arrows only (domain/certificate_status.hpp). The change is kept
// in the history, announced as certificate.status_changed.v1 and entered in the holder's
// data-access log.
#pragma once

#include <pqxx/pqxx>
#include <string>

#include "domain/certificate.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

struct StatusChange {
  std::string body_id;
  std::string number;
  CertificateStatus to = CertificateStatus::kInvalidated;  // invalidated or annulled
  std::string reason;
  std::string correlation_id;
};

common::StatusOr<Certificate> ChangeStatus(pqxx::work& work, const common::Clock& clock,
                                           const auth::Identity& staff, const StatusChange& change);

}  // namespace kutse::certificate::app
