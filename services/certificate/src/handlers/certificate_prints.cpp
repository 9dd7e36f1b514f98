#include "handlers/certificate_prints.hpp"

#include "app/record_print.hpp"
#include "dto/certificate_requests.hpp"
#include "dto/certificate_views.hpp"
#include "handlers/staff_access.hpp"

namespace kutse::certificate {

http::Response RecordPrint(const HandlerContext& context, http::Request& request) {
  const auth::Identity& staff = RequireBodyStaff(request, common::Msg("print.by_staff_only"));
  app::PrintRequest print{request.PathParam("bodyId"), request.PathParam("number"),
                          common::ValueOrThrow(dto::ParsePrintOrder(request.JsonBody()))};
  PrintEntry entry = common::ValueOrThrow(
      context.pool.Transaction([&](pqxx::work& work) { return app::RecordPrint(work, staff, print); }));
  return http::Response::Json(201, dto::PrintView(entry));
}

}  // namespace kutse::certificate
