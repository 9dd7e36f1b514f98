#include "certificate_service.hpp"

#include <memory>

#include "certificate_settings.hpp"
#include "db/sql.hpp"
#include "events/duplicate_approved_event.hpp"
#include "events/duplicate_approved_handler.hpp"
#include "events/personal_data_read_event.hpp"
#include "events/personal_data_read_handler.hpp"
#include "events/reprint_completed_event.hpp"
#include "events/reprint_completed_handler.hpp"
#include "events/request_news_event.hpp"
#include "events/request_news_handler.hpp"
#include "handlers/awarding_bodies.hpp"
#include "handlers/certificate_detail.hpp"
#include "handlers/certificate_facts.hpp"
#include "handlers/certificate_import.hpp"
#include "handlers/certificate_issuing.hpp"
#include "handlers/certificate_prints.hpp"
#include "handlers/certificate_status_change.hpp"
#include "handlers/data_access_log.hpp"
#include "handlers/my_certificates.hpp"
#include "handlers/public_certificates.hpp"
#include "handlers/register_status.hpp"
#include "handlers/standards.hpp"
#include "jobs/expiry_job.hpp"
#include "search/name_index_feed.hpp"

namespace kutse::certificate {
namespace {

// A handler of this service, bound to the context it needs.
template <typename Handler>
http::SyncHandler Bound(std::shared_ptr<HandlerContext> context, Handler handler) {
  return [context, handler](http::Request& request) { return handler(*context, request); };
}

}  // namespace

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const CertificateSettings settings = CertificateSettings::Read(runtime.Environment());
  runtime.SetStatements(sql::Statements());
  runtime.EnableOutboxRelay();
  const common::Clock* clock = &common::SystemClock::Instance();
  runtime.Consumer().On(kDuplicateApprovedV1, [clock](pqxx::work& work, const bus::CloudEvent& event) {
    return OnDuplicateApproved(work, *clock, event);
  });
  runtime.Consumer().On(kReprintCompletedV1, [clock](pqxx::work& work, const bus::CloudEvent& event) {
    return OnReprintCompleted(work, *clock, event);
  });
  // A handler's read of a holder's request in the workflow is a read of the holder's data.
  runtime.Consumer().On(kPersonalDataReadV1, OnPersonalDataRead);
  // The copy of the workflow's requests, for the open ones "My certificates" shows.
  runtime.Consumer().On(kRequestSubmittedV1, OnRequestNews);
  runtime.Consumer().On(kRequestStatusChangedV1, OnRequestNews);
  // The public name search's in-memory index, loaded and kept current by a thread of its own.
  auto names = std::make_shared<search::NameIndexFeed>(runtime.Settings().db_dsn);
  runtime.AddBackgroundJob([names] { names->Start(); }, [names] { names->Stop(); });
  // The context keeps the index alive for as long as a handler can reach it.
  auto context = std::shared_ptr<HandlerContext>(new HandlerContext{runtime.Database(), *clock, names.get()},
                                                 [names](HandlerContext* owned) { delete owned; });
  auto expiry = std::make_shared<ExpiryJob>(runtime.Database(), *clock, settings.expiry_interval);
  runtime.AddBackgroundJob([expiry] { expiry->Start(); }, [expiry] { expiry->Stop(); });

  http::Router& router = runtime.Router();
  const http::RouteOptions small_json{4096, true};
  router.Add("GET", "/api/v1/public/status", RegisterStatus);
  router.Add("GET", "/api/v1/public/certificates", Bound(context, SearchPublicCertificates));
  router.Add("GET", "/api/v1/public/certificates/{number}", Bound(context, GetPublicCertificate));
  router.Add("GET", "/api/v1/public/standards", Bound(context, ListStandards));
  router.Add("GET", "/api/v1/public/standards/{code}", Bound(context, GetStandard));
  router.Add("GET", "/api/v1/public/awarding-bodies", Bound(context, ListAwardingBodies));
  router.Add("GET", "/api/v1/public/awarding-bodies/{registryCode}", Bound(context, GetAwardingBody));

  router.Add("GET", "/api/v1/me/certificates", Bound(context, ListMyCertificates));
  router.Add("GET", "/api/v1/me/certificates/{number}", Bound(context, GetMyCertificate));
  router.Add("PUT", "/api/v1/me/certificates/{number}/publication", Bound(context, SetMyPublication),
             http::RouteOptions{1024, true});
  router.Add("GET", "/api/v1/me/data-access-log", Bound(context, ListMyDataAccess));

  router.Add("POST", "/api/v1/bodies/{bodyId}/certificates", Bound(context, IssueCertificate),
             http::RouteOptions{64 * 1024, true});
  router.Add("POST", "/api/v1/bodies/{bodyId}/certificate-batches", Bound(context, IssueCertificateBatch),
             http::RouteOptions{kMaxBatchBodyBytes, true});
  router.Add("GET", "/api/v1/bodies/{bodyId}/certificates/{number}", Bound(context, GetBodysCertificate));
  router.Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates/{number}/invalidation",
      [context](http::Request& request) {
        return ChangeCertificateStatus(*context, request, CertificateStatus::kInvalidated);
      },
      small_json);
  router.Add(
      "POST", "/api/v1/bodies/{bodyId}/certificates/{number}/annulment",
      [context](http::Request& request) {
        return ChangeCertificateStatus(*context, request, CertificateStatus::kAnnulled);
      },
      small_json);
  router.Add("POST", "/api/v1/bodies/{bodyId}/certificates/{number}/prints", Bound(context, RecordPrint),
             small_json);

  router.Add("PUT", "/api/v1/admin/standards/{code}", Bound(context, SaveStandard),
             http::RouteOptions{256 * 1024, true});
  router.Add("PUT", "/api/v1/admin/awarding-bodies/{registryCode}", Bound(context, SaveAwardingBody),
             http::RouteOptions{256 * 1024, true});
  router.Add("POST", "/api/v1/admin/certificate-imports", Bound(context, ImportCertificates),
             http::RouteOptions{kMaxBatchBodyBytes, true});

  // For other services only, each with its own service token (ADR 0005); the gateway forwards only
  // /api/v1/, so no person reaches these.
  router.Add("GET", "/internal/v1/certificates/{number}/facts", Bound(context, GetCertificateFacts));
}

}  // namespace kutse::certificate
