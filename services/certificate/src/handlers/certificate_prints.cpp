#include "handlers/certificate_prints.hpp"

#include "db/certificate_repository.hpp"
#include "handlers/issuing.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {

http::Response RecordPrint(db::Pool& pool, http::Request& request) {
  const auth::Identity& staff =
      RequireBodyStaff(request, "Only the issuing body's clerks or an admin enter its prints.");
  auto parsed = ParsePrintOrder(request.JsonBody());
  if (auto* errors = std::get_if<FieldErrors>(&parsed)) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Some fields are missing or wrong.", *errors});
  }
  const PrintOrder& order = std::get<PrintOrder>(parsed);
  const std::string& number = request.PathParam("number");
  const std::string& body_id = request.PathParam("bodyId");
  nlohmann::json print = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    auto record =
        number.size() > kMaxCertificateNumberLength ? std::nullopt : repository.LockForBody(number, body_id);
    if (!record) {
      throw http::HttpError(404, "not_found", "This body issued no certificate with this number.");
    }
    if (auto refusal = PrintRefusal(*record, order)) {
      throw http::HttpError(409, "conflict", *refusal);
    }
    nlohmann::json entry = repository.AddPrint(number, staff.Subject(), order);
    repository.AddHistory(
        number, staff.Subject(), "printed", order.note, nullptr,
        {{"print_id", entry["id"]}, {"reason", order.reason}, {"delivery", order.delivery}});
    return entry;
  });
  return http::Response::Json(201, print);
}

}  // namespace kutse::certificate
