#include "dto/public_search.hpp"

#include "domain/certificate_number.hpp"
#include "domain/occupational_standard.hpp"
#include "dto/certificate_views.hpp"
#include "kutse/common/text.hpp"
#include "kutse/http/page_cursor.hpp"
#include "kutse/http/query.hpp"

namespace kutse::certificate::dto {
namespace {

// The key of the public register's pages: the last number of the page before.
const http::PageCursor& PageFormat() {
  static const http::PageCursor format("certificate.public_register", {http::CursorType::kText});
  return format;
}

}  // namespace

using common::Msg;

common::StatusOr<PublicQuery> ParsePublicQuery(const http::Request& request) {
  PublicQuery query;
  if (auto name = request.QueryParam("name")) {
    size_t length = common::Utf8Length(*name);
    if (length < 2 || length > 100) {
      return http::BadQuery("/name", Msg("field.text_length", {{"min", "2"}, {"max", "100"}}));
    }
    query.name = *name;
  }
  if (auto number = request.QueryParam("number")) {
    if (number->empty() || number->size() > kMaxCertificateNumberLength) {
      return http::BadQuery("/number", Msg("field.text_length", {{"min", "1"}, {"max", "32"}}));
    }
    query.number = *number;
  }
  if (auto standard = request.QueryParam("standard")) {
    if (!IsStandardCode(*standard)) {
      return http::BadQuery("/standard", Msg("search.standard_code"));
    }
    query.standard = *standard;
  }
  if (auto level = request.QueryParam("level")) {
    auto value = http::ParsePositive(*level, 8);
    if (!value) {
      return http::BadQuery("/level", Msg("search.level"));
    }
    query.level = static_cast<int>(*value);
  }
  if (auto body = request.QueryParam("awarding_body")) {
    if (!common::IsRegistryCode(*body)) {
      return http::BadQuery("/awarding_body", Msg("import.registry_code_form"));
    }
    query.awarding_body = *body;
  }
  if (auto day = request.QueryParam("valid_on")) {
    auto date = common::ParseDate(*day);
    if (!date) {
      return http::BadQuery("/valid_on", Msg("field.date"));
    }
    query.valid_on = date->ToString();
  }
  query.limit = http::PageSize(request, query.limit);
  if (auto cursor = request.QueryParam("cursor")) {
    auto key = PageFormat().Decode(*cursor);
    if (!key.ok()) {
      return key.status();
    }
    const auto& number = std::get<std::string>(key->front());
    // A cursor we signed still names a number; anything else is not one of ours.
    if (!IsCertificateNumber(number)) {
      return http::PageCursor::Refusal();
    }
    query.after_number = number;
  }
  return query;
}

nlohmann::json PublicPageJson(const app::PublicPage& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& certificate : page.items) {
    items.push_back(PublicView(certificate));
  }
  nlohmann::json next = page.more && !page.items.empty()
                            ? nlohmann::json(PageFormat().Encode({page.items.back().number}))
                            : nlohmann::json(nullptr);
  return {{"items", items}, {"next_cursor", next}};
}

}  // namespace kutse::certificate::dto
