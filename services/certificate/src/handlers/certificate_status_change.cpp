#include "handlers/certificate_status_change.hpp"

#include "app/change_certificate_status.hpp"
#include "dto/certificate_requests.hpp"
#include "dto/certificate_views.hpp"
#include "handlers/staff_access.hpp"

namespace kutse::certificate {

http::Response ChangeCertificateStatus(const HandlerContext& context, http::Request& request,
                                       CertificateStatus to) {
  const auth::Identity& staff = RequireBodyStaff(request, common::Msg("certificate.status_by_staff_only"));
  app::StatusChange change{request.PathParam("bodyId"), request.PathParam("number"), to,
                           common::ValueOrThrow(dto::ParseStatusChangeReason(request.JsonBody())),
                           request.request_id};
  Certificate changed = common::ValueOrThrow(context.pool.Transaction(
      [&](pqxx::work& work) { return app::ChangeStatus(work, context.clock, staff, change); }));
  return http::Response::Json(200, dto::StaffView(changed));
}

}  // namespace kutse::certificate
