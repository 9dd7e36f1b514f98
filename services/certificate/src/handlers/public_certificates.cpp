#include "handlers/public_certificates.hpp"

#include "app/public_register.hpp"
#include "dto/certificate_views.hpp"
#include "dto/public_search.hpp"

namespace kutse::certificate {

http::Response SearchPublicCertificates(const HandlerContext& context, http::Request& request) {
  PublicQuery query = common::ValueOrThrow(dto::ParsePublicQuery(request));
  return http::Response::Json(
      200, dto::PublicPageJson(app::SearchPublicRegister(context.pool, context.names, query)));
}

http::Response GetPublicCertificate(const HandlerContext& context, http::Request& request) {
  const std::string& number = request.PathParam("number");
  Certificate certificate = common::ValueOrThrow(
      context.pool.Read([&](pqxx::nontransaction& read) { return app::PublicCertificate(read, number); }));
  return http::Response::Json(200, dto::PublicView(certificate));
}

}  // namespace kutse::certificate
