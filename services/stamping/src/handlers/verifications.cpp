#include "handlers/verifications.hpp"

#include "dto/verification_view.hpp"
#include "kutse/http/upload.hpp"

namespace kutse::stamping {
namespace {

// The register's state at this instant (a withdrawal or a status change shows at once): never cached.
http::Response Answer(const app::Verification& verification) {
  return http::Response::Json(200, dto::VerificationView(verification))
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace

http::Response VerifyStampByCode(const HandlerContext& context, http::Request& request) {
  return Answer(
      common::ValueOrThrow(app::VerifyByCode(context.verification, request.PathParam("verificationCode"))));
}

http::Response VerifyUploadedDocument(const HandlerContext& context, http::Request& request) {
  auto media_type = http::SniffMediaType(request.body);
  if (!media_type) {
    throw common::StatusError(common::Internal(common::Msg("http.internal")));
  }
  return Answer(common::ValueOrThrow(app::VerifyDocument(context.verification, request.body, *media_type)));
}

}  // namespace kutse::stamping
