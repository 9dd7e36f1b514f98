#include "certificate_service.hpp"

#include <memory>

#include "certificate_settings.hpp"
#include "db/sql.hpp"
#include "domain/duplicate_approval.hpp"
#include "events/duplicate_approved_handler.hpp"
#include "handlers/awarding_bodies.hpp"
#include "handlers/certificate_batch.hpp"
#include "handlers/certificate_detail.hpp"
#include "handlers/certificate_import.hpp"
#include "handlers/certificate_prints.hpp"
#include "handlers/certificate_record.hpp"
#include "handlers/certificate_status_change.hpp"
#include "handlers/data_access_log.hpp"
#include "handlers/my_certificates.hpp"
#include "handlers/public_certificates.hpp"
#include "handlers/register_status.hpp"
#include "handlers/standards.hpp"
#include "jobs/expiry_job.hpp"
#include "search/name_index_feed.hpp"

namespace kutse::certificate {

void Configure(runtime::ServiceRuntime& runtime) {
  const CertificateSettings settings = CertificateSettings::Read(runtime.Environment());
  runtime.SetStatements(sql::Statements());
  runtime.EnableOutboxRelay();
  runtime.Consumer().On(kDuplicateApprovedV1, OnDuplicateApproved);
  db::Pool& pool = runtime.Database();
  // The public name search's in-memory index, loaded and kept current by a thread of its own.
  auto names = std::make_shared<search::NameIndexFeed>(runtime.Settings().db_dsn);
  runtime.AddBackgroundJob([names] { names->Start(); }, [names] { names->Stop(); });
  runtime.Router().Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates",
      [&pool](http::Request& request) { return RecordCertificate(pool, request); },
      http::RouteOptions{64 * 1024, true});
  runtime.Router().Add("GET", "/api/v1/public/status", RegisterStatus);
  http::Router& router = runtime.Router();
  router.Add("GET", "/api/v1/me/certificates",
             [&pool](http::Request& request) { return ListMyCertificates(pool, request); });
  router.Add(
      "PUT", "/api/v1/me/certificates/{number}/publication",
      [&pool](http::Request& request) { return SetMyPublication(pool, request); },
      http::RouteOptions{1024, true});
  router.Add("GET", "/api/v1/me/data-access-log",
             [&pool](http::Request& request) { return ListMyDataAccess(pool, request); });
  router.Add(
      "POST", "/api/v1/bodies/{bodyId}/certificate-batches",
      [&pool](http::Request& request) { return RecordCertificateBatch(pool, request); },
      http::RouteOptions{kMaxBatchBodyBytes, true});
  router.Add("GET", "/api/v1/public/certificates", [&pool, names](http::Request& request) {
    return SearchPublicCertificates(pool, names.get(), request);
  });
  router.Add("GET", "/api/v1/public/certificates/{number}",
             [&pool](http::Request& request) { return GetPublicCertificate(pool, request); });
  router.Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates/{number}/invalidation",
      [&pool](http::Request& request) {
        return ChangeCertificateStatus(pool, request, CertificateStatus::kInvalidated);
      },
      http::RouteOptions{4096, true});
  router.Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates/{number}/annulment",
      [&pool](http::Request& request) {
        return ChangeCertificateStatus(pool, request, CertificateStatus::kAnnulled);
      },
      http::RouteOptions{4096, true});
  router.Add("GET", "/api/v1/me/certificates/{number}",
             [&pool](http::Request& request) { return GetMyCertificate(pool, request); });
  router.Add("GET", "/api/v1/bodies/{bodyId}/certificates/{number}",
             [&pool](http::Request& request) { return GetBodysCertificate(pool, request); });
  router.Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates/{number}/prints",
      [&pool](http::Request& request) { return RecordPrint(pool, request); }, http::RouteOptions{4096, true});
  router.Add("GET", "/api/v1/public/standards",
             [&pool](http::Request& request) { return ListStandards(pool, request); });
  router.Add("GET", "/api/v1/public/standards/{code}",
             [&pool](http::Request& request) { return GetStandard(pool, request); });
  router.Add(
      "PUT", "/api/v1/admin/standards/{code}",
      [&pool](http::Request& request) { return SaveStandard(pool, request); },
      http::RouteOptions{256 * 1024, true});
  router.Add("GET", "/api/v1/public/awarding-bodies",
             [&pool](http::Request& request) { return ListAwardingBodies(pool, request); });
  router.Add("GET", "/api/v1/public/awarding-bodies/{registryCode}",
             [&pool](http::Request& request) { return GetAwardingBody(pool, request); });
  router.Add(
      "PUT", "/api/v1/admin/awarding-bodies/{registryCode}",
      [&pool](http::Request& request) { return SaveAwardingBody(pool, request); },
      http::RouteOptions{256 * 1024, true});
  router.Add(
      "POST", "/api/v1/admin/certificate-imports",
      [&pool](http::Request& request) { return ImportCertificates(pool, request); },
      http::RouteOptions{kMaxBatchBodyBytes, true});
  auto expiry = std::make_shared<ExpiryJob>(pool, settings.expiry_interval);
  runtime.AddBackgroundJob([expiry] { expiry->Start(); }, [expiry] { expiry->Stop(); });
}

}  // namespace kutse::certificate
