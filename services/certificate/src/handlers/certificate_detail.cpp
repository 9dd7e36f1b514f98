#include "handlers/certificate_detail.hpp"

#include "app/read_certificates.hpp"
#include "dto/certificate_views.hpp"
#include "handlers/staff_access.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response GetMyCertificate(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  const std::string& number = request.PathParam("number");
  auto detail = common::ValueOrThrow(context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::MyCertificate(read, holder, number); }));
  return http::Response::Json(200, {{"certificate", dto::HolderView(detail.certificate)},
                                    {"history", dto::HolderHistoryView(detail.history, holder.Subject())},
                                    {"prints", dto::HolderPrintsView(detail.prints)}});
}

http::Response GetBodysCertificate(const HandlerContext& context, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request, common::Msg("certificate.read_by_staff_only"));
  auto detail = common::ValueOrThrow(context.pool.Transaction([&](pqxx::work& work) {
    return app::BodysCertificate(work, staff, request.PathParam("bodyId"), request.PathParam("number"));
  }));
  return http::Response::Json(200, {{"certificate", dto::StaffView(detail.certificate)},
                                    {"history", dto::StaffHistoryView(detail.history)},
                                    {"prints", dto::StaffPrintsView(detail.prints)}});
}

}  // namespace kutse::certificate
