#include "dto/public_search.hpp"

#include <catch2/catch.hpp>

#include "domain/certificate_number.hpp"
#include "kutse/common/base64url.hpp"

using namespace kutse::certificate;
using kutse::common::Base64UrlEncode;

namespace {

// The next_cursor a page ending at `number` gives, whatever the cursor's encoding.
std::string CursorAfter(const std::string& number) {
  app::PublicPage page;
  page.items.emplace_back();
  page.items.back().number = number;
  page.more = true;
  return dto::PublicPageJson(page).at("next_cursor").get<std::string>();
}

kutse::common::StatusOr<PublicQuery> WithCursor(const std::string& cursor) {
  kutse::http::Request request;
  request.query = "cursor=" + cursor;
  return dto::ParsePublicQuery(request);
}

}  // namespace

TEST_CASE("a certificate number has the form of the register's numbers") {
  for (const char* number : {"K-000123", "OK-000017", "KT-1998/042", "2011-0815", "a.b"}) {
    INFO(number);
    REQUIRE(IsCertificateNumber(number));
  }
  for (const std::string& not_one : {std::string(), std::string("-K1"), std::string("K 1"),
                                     std::string("K\n1"), std::string("Õ-1"), std::string(33, 'K')}) {
    INFO(not_one);
    REQUIRE_FALSE(IsCertificateNumber(not_one));
  }
}

TEST_CASE("the public search takes back only a cursor it could have given") {
  REQUIRE(WithCursor(CursorAfter("K-000123"))->after_number == std::optional<std::string>("K-000123"));
  for (const std::string& forged :
       {Base64UrlEncode("ei ole kursor"), Base64UrlEncode(R"({"c":"x"})"),
        Base64UrlEncode(std::string("K\0", 2)), std::string("%%%"), std::string()}) {
    INFO(forged);
    auto parsed = WithCursor(forged);
    REQUIRE_FALSE(parsed.ok());
    REQUIRE(parsed.status().field_errors().at(0).pointer == "/cursor");
  }
}
