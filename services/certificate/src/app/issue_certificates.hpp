// Use case: an awarding body's clerk issues certificates, one or a batch of up to 10,000. Every
// draft is judged against the standards and the body's rights on the register's date, with the
// body's rights held still until the transaction ends; any error in any row refuses them all. Each
// certificate is recorded with its history, its certificate.issued.v1 event and the holder's
// data-access entry (the clerk saw the personal code).
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/certificate_draft.hpp"
#include "domain/row_list.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::app {

struct IssueCertificates {
  std::string body_id;
  RowList<CertificateDraft> drafts;  // with the errors of rows that could not be read
  bool as_batch = false;             // errors under /certificates/<row> instead of the body's root
  std::string correlation_id;
};

common::StatusOr<std::vector<Certificate>> Issue(pqxx::work& work, const common::Clock& clock,
                                                 const auth::Identity& clerk, const IssueCertificates& input);

}  // namespace kutse::certificate::app
