#include "handlers/certificate_detail.hpp"

#include "db/certificate_repository.hpp"
#include "handlers/issuing.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {
namespace {

const std::string& NumberOf(const http::Request& request, const char* not_found) {
  const std::string& number = request.PathParam("number");
  if (number.size() > kMaxCertificateNumberLength) {
    throw http::HttpError(404, "not_found", not_found);
  }
  return number;
}

}  // namespace

http::Response GetMyCertificate(db::Pool& pool, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  constexpr const char* kNotFound = "You have no certificate with this number.";
  const std::string& number = NumberOf(request, kNotFound);
  nlohmann::json answer = pool.Read([&](pqxx::nontransaction& read) {
    CertificateRepository repository(read);
    auto record = repository.FindForHolder(number, holder.personal_code);
    if (!record) {
      throw http::HttpError(404, "not_found", kNotFound);  // someone else's looks like none at all
    }
    nlohmann::json prints = repository.PrintsOf(number);
    for (auto& print : prints) {
      print.erase("printed_by");  // staff are not named to the holder
    }
    return nlohmann::json{{"certificate", HolderView(*record)},
                          {"history", HolderHistoryView(repository.HistoryOf(number), holder.Subject())},
                          {"prints", prints}};
  });
  return http::Response::Json(200, answer);
}

http::Response GetBodysCertificate(db::Pool& pool, http::Request& request) {
  const auth::Identity& staff =
      RequireBodyStaff(request, "Only the issuing body's clerks or an admin read its certificates.");
  constexpr const char* kNotFound = "This body issued no certificate with this number.";
  const std::string& number = NumberOf(request, kNotFound);
  const std::string& body_id = request.PathParam("bodyId");
  nlohmann::json answer = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    auto record = repository.FindForBody(number, body_id);
    if (!record) {
      throw http::HttpError(404, "not_found", kNotFound);
    }
    repository.LogAccess(*record, staff, "viewing");
    return nlohmann::json{{"certificate", StaffView(*record)},
                          {"history", StaffHistoryView(repository.HistoryOf(number))},
                          {"prints", repository.PrintsOf(number)}};
  });
  return http::Response::Json(200, answer);
}

}  // namespace kutse::certificate
