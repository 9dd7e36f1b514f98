#include "handlers/certificate_import.hpp"

#include "app/import_historic_certificates.hpp"
#include "dto/historic_entry_parser.hpp"
#include "dto/row_list.hpp"
#include "kutse/common/log.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ImportCertificates(const HandlerContext& context, http::Request& request) {
  const auth::Identity& admin = runtime::RequireAdmin(request);
  const common::Date today = context.clock.Today();
  auto entries = common::ValueOrThrow(dto::ParseRowList<Certificate>(
      request.JsonBody(),
      [&today](const nlohmann::json& row) { return dto::ParseHistoricEntry(row, today); }));
  auto result = common::ValueOrThrow(
      context.pool.Transaction([&](pqxx::work& work) { return app::ImportHistoric(work, admin, entries); }));
  common::log::Info("historic certificates imported",
                    {{"imported", result.imported}, {"unchanged", result.unchanged}});
  return http::Response::Json(200, {{"imported", result.imported}, {"unchanged", result.unchanged}});
}

}  // namespace kutse::certificate
