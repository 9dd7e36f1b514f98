#include "workflow_service.hpp"

#include <memory>

#include "clients/certificate_facts_client.hpp"
#include "db/sql.hpp"
#include "domain/attachment.hpp"
#include "events/certificate_events.hpp"
#include "handlers/body_requests.hpp"
#include "handlers/my_requests.hpp"
#include "workflow_settings.hpp"

namespace kutse::workflow {
namespace {

// A handler of this service, bound to the context it needs.
template <typename Handler>
http::SyncHandler Bound(std::shared_ptr<HandlerContext> context, Handler handler) {
  return [context, handler](http::Request& request) { return handler(*context, request); };
}

using InboxHandler = http::Response (*)(const HandlerContext&, http::Request&, HandlerOf);

// A handler's route, for the handlers of one inbox.
http::SyncHandler BoundFor(std::shared_ptr<HandlerContext> context, InboxHandler handler, HandlerOf who) {
  return [context, handler, who](http::Request& request) { return handler(*context, request, who); };
}

// A request's attached files: PDF, JPEG or PNG by their bytes, at most 10 MB (domain/attachment.hpp).
const http::RouteOptions& AttachmentUpload() {
  static const http::RouteOptions options{
      kMaxAttachmentBytes, false, "application/json",
      http::UploadRules{{"application/pdf", "image/jpeg", "image/png"}, kMaxAttachmentBytes}};
  return options;
}
const http::RouteOptions& AttachmentDownload() {
  static const http::RouteOptions options{1024, false, "application/pdf, image/jpeg, image/png"};
  return options;
}

// The same inbox and steps for a body's clerks and for the register keeper's admins.
void AddInboxRoutes(http::Router& router, const std::shared_ptr<HandlerContext>& context,
                    const std::string& base, HandlerOf who) {
  const http::RouteOptions no_body{1024, false};  // the step is the path; a body is ignored
  const http::RouteOptions small{16 * 1024, true};
  router.Add("GET", base, BoundFor(context, ListInbox, who));
  router.Add("GET", base + "/{id}", BoundFor(context, GetInboxRequest, who));
  router.Add("GET", base + "/{id}/attachments/{attachmentId}", BoundFor(context, GetInboxAttachment, who),
             AttachmentDownload());
  router.Add("POST", base + "/{id}/take", BoundFor(context, TakeInboxRequest, who), no_body);
  router.Add("POST", base + "/{id}/accept", BoundFor(context, AcceptInboxRequest, who), no_body);
  router.Add("POST", base + "/{id}/reject", BoundFor(context, RejectInboxRequest, who), small);
  router.Add("POST", base + "/{id}/mark-delivered", BoundFor(context, MarkInboxRequestDelivered, who), small);
  router.Add("POST", base + "/{id}/approve", BoundFor(context, ApproveInboxRequest, who), no_body);
  router.Add("POST", base + "/{id}/answer", BoundFor(context, AnswerInboxRequest, who), small);
  router.Add("POST", base + "/{id}/close", BoundFor(context, CloseInboxRequest, who), no_body);
}

}  // namespace

void Configure(runtime::ServiceRuntime& runtime) {
  LoadMessages();
  const WorkflowSettings settings = WorkflowSettings::Read(runtime.Environment());
  std::shared_ptr<auth::ServiceTokenSigner> signer;
  try {
    signer = std::make_shared<auth::ServiceTokenSigner>(
        "workflow", auth::Es256Key::FromPrivatePem(settings.service_token_private_key_pem));
  } catch (const std::invalid_argument& error) {
    throw common::ConfigError(std::string("setting KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE: ") + error.what());
  }
  // Built at start, so a bad key or URL stops the service at once; the request routes ask it for a
  // certificate's facts where a rule depends on them.
  auto certificate_facts = std::make_shared<CertificateFactsClient>(
      CertificateFactsClientOptions{settings.upstream_certificate}, signer);
  runtime.SetStatements(sql::Statements());
  // Requests publish their changes through the outbox.
  runtime.EnableOutboxRelay();
  // What the certificate service made of a decision comes back as its events.
  const common::Clock* clock = &common::SystemClock::Instance();
  runtime.Consumer().On(kCertificateIssuedV1, [clock](pqxx::work& work, const bus::CloudEvent& event) {
    return OnCertificateIssued(work, *clock, event);
  });
  runtime.Consumer().On(kCertificateRequestRefusedV1,
                        [clock](pqxx::work& work, const bus::CloudEvent& event) {
                          return OnRequestRefused(work, *clock, event);
                        });
  auto context = std::make_shared<HandlerContext>(HandlerContext{
      runtime.Database(), *clock,
      [certificate_facts](const std::string& number) { return certificate_facts->Fetch(number); },
      settings.answer_days});

  http::Router& router = runtime.Router();
  const http::RouteOptions no_body{1024, false};  // the step is the path; a body is ignored
  const http::RouteOptions message{16 * 1024, true};
  router.Add("POST", "/api/v1/me/requests", Bound(context, CreateMyRequest),
             http::RouteOptions{32 * 1024, true});
  router.Add("GET", "/api/v1/me/requests", Bound(context, ListMyRequests));
  router.Add("GET", "/api/v1/me/requests/{id}", Bound(context, GetMyRequest));
  router.Add("POST", "/api/v1/me/requests/{id}/withdraw", Bound(context, WithdrawMyRequest), no_body);
  router.Add("POST", "/api/v1/me/requests/{id}/messages", Bound(context, ReplyToMyRequest), message);
  router.Add("POST", "/api/v1/me/requests/{id}/close", Bound(context, CloseMyRequest), no_body);
  router.Add("POST", "/api/v1/me/requests/{id}/attachments", Bound(context, AttachToMyRequest),
             AttachmentUpload());
  router.Add("GET", "/api/v1/me/requests/{id}/attachments/{attachmentId}", Bound(context, GetMyAttachment),
             AttachmentDownload());

  AddInboxRoutes(router, context, "/api/v1/bodies/{bodyId}/requests", RequireClerk);
  AddInboxRoutes(router, context, "/api/v1/admin/requests", RequireRegisterKeeper);
}

}  // namespace kutse::workflow
