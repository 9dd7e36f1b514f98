#include "handlers/public_certificates.hpp"

#include "db/certificate_repository.hpp"
#include "kutse/auth/base64url.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/problem.hpp"
#include "kutse/http/query.hpp"

namespace kutse::certificate {
namespace {

constexpr size_t kMaxNumberLength = 32;

}  // namespace

http::Response SearchPublicCertificates(db::Pool& pool, http::Request& request) {
  PublicQuery query;
  if (auto name = request.QueryParam("name")) {
    size_t length = common::Utf8Length(*name);
    if (length < 2 || length > 100) {
      throw http::BadQuery("/name", "must be 2 to 100 characters");
    }
    query.name = *name;
  }
  if (auto number = request.QueryParam("number")) {
    if (number->empty() || number->size() > kMaxNumberLength) {
      throw http::BadQuery("/number", "must be 1 to 32 characters");
    }
    query.number = *number;
  }
  query.limit = http::PageSize(request, query.limit);
  if (auto cursor = request.QueryParam("cursor")) {
    query.after_number = auth::Base64UrlDecode(*cursor);
    if (!query.after_number || query.after_number->empty() || query.after_number->size() > kMaxNumberLength) {
      throw http::BadQuery("/cursor", "unknown cursor");
    }
  }
  int page = query.limit;
  ++query.limit;  // one more tells whether there is a next page
  // A transaction of its own: the search tunes the planner for itself only (SET LOCAL).
  auto records =
      pool.Transaction([&](pqxx::work& work) { return CertificateRepository(work).SearchPublic(query); });
  bool more = static_cast<int>(records.size()) > page;
  if (more) {
    records.pop_back();
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : records) {
    items.push_back(PublicView(record));
  }
  nlohmann::json next =
      more ? nlohmann::json(auth::Base64UrlEncode(records.back().number)) : nlohmann::json(nullptr);
  return http::Response::Json(200, {{"items", items}, {"next_cursor", next}});
}

http::Response GetPublicCertificate(db::Pool& pool, http::Request& request) {
  const std::string& number = request.PathParam("number");
  auto record = number.size() > kMaxNumberLength ? std::nullopt : pool.Read([&](pqxx::nontransaction& read) {
    return CertificateRepository(read).FindPublic(number);
  });
  if (!record) {
    throw http::HttpError(404, "not_found", "There is no published certificate with this number.");
  }
  return http::Response::Json(200, PublicView(*record));
}

}  // namespace kutse::certificate
