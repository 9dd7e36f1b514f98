#include "handlers/my_stamps.hpp"

#include "app/my_stamps.hpp"
#include "dto/stamp_order.hpp"
#include "dto/stamp_view.hpp"
#include "kutse/http/query.hpp"
#include "kutse/http/request_checks.hpp"
#include "kutse/runtime/caller.hpp"
#include "seal/asice_container.hpp"

namespace kutse::stamping {

http::Response CreateMyStamp(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::StampOrder order =
      common::ValueOrThrow(dto::ParseStampOrder(request.PathParam("number"), request.JsonBody()));
  order.correlation_id = request.request_id;
  // The answer's type follows the order, so Accept is checked here rather than by the route.
  http::RouteOptions answer;
  answer.produces = order.format == app::StampFormat::kAsice ? seal::kAsiceMediaType : "application/pdf";
  common::ThrowIfError(http::CheckAccept(answer, request));
  app::StampedFile file = common::ValueOrThrow(app::CreateStamp(context.tools, holder, order));
  return http::Response::Binary(file.content_type, std::move(file.bytes), file.filename);
}

http::Response ListMyStamps(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  const int limit = http::PageSize(request, 20);
  const auto before = common::ValueOrThrow(dto::StampCursor(request.QueryParam("cursor")));
  auto stamps = context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::MyStamps(read, holder, before, limit + 1); });
  return http::Response::Json(200, dto::StampPage(std::move(stamps), limit, context.tools.public_url))
      .WithHeader("Cache-Control", "no-store");
}

http::Response WithdrawMyStamp(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  const std::string& reference = request.PathParam("stamp");
  Stamp stamp = common::ValueOrThrow(context.pool.Transaction(
      [&](pqxx::work& work) { return app::WithdrawMyStamp(work, holder, reference, context.tools.clock); }));
  return http::Response::Json(200, dto::StampView(stamp, context.tools.public_url))
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace kutse::stamping
