#include "handlers/certificate_facts.hpp"

#include "app/certificate_facts.hpp"
#include "dto/certificate_facts_view.hpp"
#include "kutse/runtime/service_caller.hpp"

namespace kutse::certificate {

http::Response GetCertificateFacts(const HandlerContext& context, http::Request& request) {
  // The workflow decides its request rules from the facts, the stamping service prints them.
  if (!(request.caller && request.caller->IsService() && request.caller->service == "stamping")) {
    runtime::RequireService(request, "workflow");
  }
  const std::string& number = request.PathParam("number");
  CertificateFacts facts = common::ValueOrThrow(context.pool.Read(
      [&](pqxx::nontransaction& read) { return app::FactsForService(read, context.clock, number); }));
  return http::Response::Json(200, dto::FactsView(facts));
}

}  // namespace kutse::certificate
