#include "handlers/public_certificates.hpp"

#include "db/certificate_repository.hpp"
#include "kutse/auth/base64url.hpp"
#include "kutse/http/problem.hpp"

namespace kutse::certificate {
namespace {

constexpr size_t kMaxNumberLength = 32;

http::HttpError BadQuery(const std::string& pointer, const std::string& detail) {
  return http::HttpError(
      http::Problem{400, "bad_request", "A query parameter is not valid.", {{pointer, detail}}});
}

size_t Utf8Length(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) {
    count += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

}  // namespace

http::Response SearchPublicCertificates(db::Pool& pool, http::Request& request) {
  PublicQuery query;
  if (auto name = request.QueryParam("name")) {
    if (Utf8Length(*name) < 2 || Utf8Length(*name) > 100) {
      throw BadQuery("/name", "must be 2 to 100 characters");
    }
    query.name = *name;
  }
  if (auto number = request.QueryParam("number")) {
    if (number->empty() || number->size() > kMaxNumberLength) {
      throw BadQuery("/number", "must be 1 to 32 characters");
    }
    query.number = *number;
  }
  if (auto limit = request.QueryParam("limit")) {
    if (limit->empty() || limit->size() > 3 || limit->find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(*limit) < 1 || std::stoi(*limit) > 100) {
      throw BadQuery("/limit", "must be 1 to 100");
    }
    query.limit = std::stoi(*limit);
  }
  if (auto cursor = request.QueryParam("cursor")) {
    query.after_number = auth::Base64UrlDecode(*cursor);
    if (!query.after_number || query.after_number->empty() || query.after_number->size() > kMaxNumberLength) {
      throw BadQuery("/cursor", "unknown cursor");
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
