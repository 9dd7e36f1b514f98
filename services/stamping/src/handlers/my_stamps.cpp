#include "handlers/my_stamps.hpp"

#include "dto/stamp_order.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::stamping {

http::Response CreateMyStamp(const HandlerContext& context, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  app::StampOrder order =
      common::ValueOrThrow(dto::ParseStampOrder(request.PathParam("number"), request.JsonBody()));
  order.correlation_id = request.request_id;
  app::StampedFile file = common::ValueOrThrow(app::CreateStamp(context.tools, holder, order));
  return http::Response::Binary("application/pdf", std::move(file.bytes), file.filename);
}

}  // namespace kutse::stamping
