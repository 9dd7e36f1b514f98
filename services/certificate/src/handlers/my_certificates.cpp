#include "handlers/my_certificates.hpp"

#include "db/certificate_repository.hpp"
#include "domain/field_checks.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/runtime/caller.hpp"

namespace kutse::certificate {

http::Response ListMyCertificates(db::Pool& pool, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  auto records = pool.Read([&](pqxx::nontransaction& read) {
    return CertificateRepository(read).ForHolder(holder.personal_code);
  });
  nlohmann::json valid = nlohmann::json::array();
  nlohmann::json no_longer_valid = nlohmann::json::array();
  nlohmann::json duplicates = nlohmann::json::array();
  for (const auto& record : records) {
    // A duplicate is listed as such whatever its status; an original it replaced is no longer the
    // document in use, so it is listed as no longer valid (marked replaced_by).
    if (record.duplicate_of) {
      duplicates.push_back(HolderView(record));
    } else if (record.status == CertificateStatus::kValid && !record.replaced_by) {
      valid.push_back(HolderView(record));
    } else {
      no_longer_valid.push_back(HolderView(record));
    }
  }
  return http::Response::Json(
      200, {{"valid", valid}, {"no_longer_valid", no_longer_valid}, {"duplicates", duplicates}});
}

http::Response SetMyPublication(db::Pool& pool, http::Request& request) {
  const auth::Identity& holder = runtime::RequirePerson(request);
  nlohmann::json body = request.JsonBody();
  std::vector<http::FieldError> errors = UnknownFields(body, {"published"});
  if (!body.contains("published") || !body["published"].is_boolean()) {
    errors.push_back({"/published", "must be true or false"});
  }
  if (!errors.empty()) {
    throw http::HttpError(
        http::Problem{422, "validation_failed", "Send {\"published\": true} or false.", errors});
  }
  bool published = body["published"].get<bool>();
  const std::string& number = request.PathParam("number");
  CertificateRecord updated = pool.Transaction([&](pqxx::work& work) {
    CertificateRepository repository(work);
    auto current = repository.LockForHolder(number, holder.personal_code);
    if (!current) {
      // Someone else's certificate looks exactly like one that does not exist.
      throw http::HttpError(404, "not_found", "You have no certificate with this number.");
    }
    if (current->published == published) {
      return *current;
    }
    if (published && current->replaced_by) {
      throw http::HttpError(409, "conflict",
                            "This certificate was replaced by duplicate " + *current->replaced_by +
                                "; publish the duplicate instead.");
    }
    CertificateRecord changed = repository.SetPublication(number, published);
    repository.AddHistory(number, holder.Subject(), published ? "published" : "hidden", std::nullopt,
                          {{"published", current->published}}, {{"published", published}});
    return changed;
  });
  return http::Response::Json(200, HolderView(updated));
}

}  // namespace kutse::certificate
