#include "handlers/my_stamps.hpp"

#include "dto/stamp_order.hpp"
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

}  // namespace kutse::stamping
