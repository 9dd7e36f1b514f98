#include "certificate_service.hpp"

#include <memory>

#include "db/sql.hpp"
#include "handlers/certificate_batch.hpp"
#include "handlers/certificate_record.hpp"
#include "handlers/certificate_status_change.hpp"
#include "handlers/data_access_log.hpp"
#include "handlers/my_certificates.hpp"
#include "handlers/public_certificates.hpp"
#include "handlers/register_status.hpp"
#include "jobs/expiry_job.hpp"

namespace kutse::certificate {

void Configure(runtime::ServiceRuntime& runtime) {
  runtime.SetStatements(sql::Statements());
  runtime.EnableOutboxRelay();
  db::Pool& pool = runtime.Database();
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
  router.Add("GET", "/api/v1/public/certificates",
             [&pool](http::Request& request) { return SearchPublicCertificates(pool, request); });
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
  auto expiry = std::make_shared<ExpiryJob>(pool, std::chrono::milliseconds(runtime.Settings().Integer(
                                                      "KUTSE_EXPIRY_INTERVAL_MS", 60000, 100, 86400000)));
  runtime.AddBackgroundJob([expiry] { expiry->Start(); }, [expiry] { expiry->Stop(); });
}

}  // namespace kutse::certificate
