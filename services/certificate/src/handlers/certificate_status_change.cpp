#include "handlers/certificate_status_change.hpp"

#include "db/certificate_repository.hpp"
#include "domain/field_checks.hpp"
#include "events/certificate_status_changed.hpp"
#include "handlers/issuing.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/common/time_format.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {
namespace {

std::string ReasonOf(const http::Request& request) {
  nlohmann::json body = request.JsonBody();
  std::vector<http::FieldError> errors = UnknownFields(body, {"reason"});
  if (!body.contains("reason") || !body["reason"].is_string() || body["reason"].get<std::string>().empty() ||
      body["reason"].get<std::string>().size() > 1000) {
    errors.push_back({"/reason", "required: 1 to 1000 characters"});
  }
  if (!errors.empty()) {
    throw http::HttpError(http::Problem{422, "validation_failed", "Give the reason for the change.", errors});
  }
  return body["reason"];
}

}  // namespace

http::Response ChangeCertificateStatus(db::Pool& pool, http::Request& request, CertificateStatus to) {
  const auth::Identity& caller =
      RequireBodyStaff(request, "Only the issuing body's clerks or an admin change a certificate's status.");
  const std::string& body_id = request.PathParam("bodyId");
  std::string reason = ReasonOf(request);
  const std::string& number = request.PathParam("number");
  CertificateRecord changed = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    auto current = repository.LockForBody(number, body_id);
    if (!current) {
      throw http::HttpError(404, "not_found", "This body issued no certificate with this number.");
    }
    if (!CanChange(current->status, to)) {
      throw http::HttpError(409, "conflict",
                            std::string("A certificate that is ") + ToString(current->status) +
                                " cannot become " + ToString(to) + ".");
    }
    CertificateRecord after = repository.SetStatus(number, to, reason);
    repository.AddHistory(number, caller.Subject(), ToString(to), reason,
                          {{"status", ToString(current->status)}}, {{"status", ToString(to)}});
    repository.LogAccess(after, caller, to == CertificateStatus::kInvalidated ? "invalidation" : "annulment");
    bus::EnqueueEvent(work, "certificate",
                      CertificateStatusChangedEvent(after, current->status, caller.Subject(),
                                                    common::FormatTimestamp(std::chrono::system_clock::now()),
                                                    request.request_id));
    return after;
  });
  return http::Response::Json(200, StaffView(changed));
}

}  // namespace kutse::certificate
