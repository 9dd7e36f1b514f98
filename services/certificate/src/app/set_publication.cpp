#include "app/set_publication.hpp"

#include "db/certificate_repository.hpp"
#include "db/history_repository.hpp"

namespace kutse::certificate::app {

common::StatusOr<Certificate> SetPublication(pqxx::work& work, const auth::Identity& holder,
                                             const PublicationChange& change) {
  CertificateRepository certificates(work);
  auto current = change.number.size() > kMaxCertificateNumberLength
                     ? std::nullopt
                     : certificates.LockForHolder(change.number, holder.personal_code);
  if (!current) {
    return common::NotFound(common::Msg("certificate.not_found_for_holder"));
  }
  if (current->published == change.published) {
    return *current;
  }
  if (change.published && current->replaced_by) {
    return common::FailedPrecondition(
        common::Msg("certificate.publish_the_duplicate", {{"duplicate", *current->replaced_by}}));
  }
  Certificate changed = certificates.SetPublication(change.number, change.published);
  HistoryRepository(work).Add(
      change.number, holder.Subject(), change.published ? HistoryChange::kPublished : HistoryChange::kHidden,
      std::nullopt, {{"published", current->published}}, {{"published", change.published}});
  return changed;
}

}  // namespace kutse::certificate::app
