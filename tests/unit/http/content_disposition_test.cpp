// File names in Content-Disposition: what a download's header says, and that nothing a person can
// put in a name (quotes, line breaks, paths, control or direction characters) gets through.
#include "kutse/http/content_disposition.hpp"

#include <catch2/catch.hpp>

#include "kutse/http/response.hpp"

using namespace kutse::http;

TEST_CASE("a name with Estonian letters gets an ASCII fallback and the RFC 5987 form", "[disposition]") {
  REQUIRE(AttachmentDisposition("tunnistus-Õie.pdf") ==
          "attachment; filename=\"tunnistus-Oie.pdf\"; filename*=UTF-8''tunnistus-%C3%95ie.pdf");
  REQUIRE(AttachmentDisposition("Šmidt Žanna äöü.pdf") ==
          "attachment; filename=\"Smidt Zanna aou.pdf\"; "
          "filename*=UTF-8''%C5%A0midt%20%C5%BDanna%20%C3%A4%C3%B6%C3%BC.pdf");
  REQUIRE(AttachmentDisposition("日本.pdf") ==
          "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf");
}

TEST_CASE("a plain ASCII name needs no second form", "[disposition]") {
  REQUIRE(AttachmentDisposition("KUTSE-000123.pdf") == "attachment; filename=\"KUTSE-000123.pdf\"");
  REQUIRE(AttachmentDisposition("100%.pdf") ==
          "attachment; filename=\"100_.pdf\"; filename*=UTF-8''100%25.pdf");
}

TEST_CASE("quotes and line breaks cannot end the header or start another", "[disposition]") {
  std::string header = AttachmentDisposition("a\"b\r\nSet-Cookie: session=1;.pdf");
  REQUIRE(header.find_first_of("\r\n") == std::string::npos);
  REQUIRE(std::count(header.begin(), header.end(), '"') == 2);
  REQUIRE(header == "attachment; filename=\"a_bSet-Cookie_ session=1;.pdf\"");
  const std::string controls = std::string("a") + '\0' + "b\a" + "c\x7f.pdf";
  REQUIRE(SafeFileName(controls) == "abc.pdf");
}

TEST_CASE("no path survives: only the last segment, never a dot-only or hidden name", "[disposition]") {
  REQUIRE(SafeFileName("../../etc/passwd") == "passwd");
  REQUIRE(SafeFileName("C:\\Users\\mari\\tunnistus.pdf") == "tunnistus.pdf");
  REQUIRE(SafeFileName("..") == "");
  REQUIRE(SafeFileName(".htaccess") == "htaccess");
  REQUIRE(SafeFileName("report.pdf. . ") == "report.pdf");
  REQUIRE(SafeFileName("a<b>c:d|e?f*g.pdf") == "a_b_c_d_e_f_g.pdf");
  REQUIRE(AttachmentDisposition("../") == "attachment");
}

TEST_CASE("invalid UTF-8, C1 controls and direction overrides are dropped", "[disposition]") {
  REQUIRE(SafeFileName("a\xff\xfe"
                       "b\xc0\xaf.pdf") == "ab.pdf");  // bytes and an overlong '/'
  REQUIRE(SafeFileName("tunnistus\xe2\x80\xae"
                       "fdp.exe") == "tunnistusfdp.exe");  // U+202E
  REQUIRE(SafeFileName("a\xc2\x85"
                       "b.pdf") == "ab.pdf");  // U+0085, next line
  REQUIRE(SafeFileName("\xef\xbb\xbf"
                       "x.pdf") == "x.pdf");  // byte order mark
}

TEST_CASE("a long name is cut at a character boundary and keeps its extension", "[disposition]") {
  std::string stem;
  for (int i = 0; i < 100; ++i) {
    stem += "Õ";
  }
  std::string safe = SafeFileName(stem + ".pdf");
  REQUIRE(safe.size() <= 150);
  REQUIRE(safe.substr(safe.size() - 4) == ".pdf");
  REQUIRE(SafeFileName(safe) == safe);  // still valid UTF-8: nothing more to drop
}

TEST_CASE("the name an upload declares: filename* first, UTF-8 only, then filename", "[disposition]") {
  REQUIRE(FileNameFromDisposition(
              "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''tunnistus-%C3%95ie.pdf") ==
          "tunnistus-Õie.pdf");
  REQUIRE(FileNameFromDisposition("attachment; FILENAME*=utf-8'et'a%2Bb.pdf") == "a+b.pdf");
  REQUIRE(FileNameFromDisposition("attachment; filename*=ISO-8859-1''%D5ie.pdf; filename=Oie.pdf") ==
          "Oie.pdf");
  REQUIRE(FileNameFromDisposition("inline; filename=\"a\\\"b.pdf\"") == "a_b.pdf");
  REQUIRE(FileNameFromDisposition("attachment; filename=plain.pdf ; size=10") == "plain.pdf");
  REQUIRE(FileNameFromDisposition("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd") == "passwd");
  REQUIRE(FileNameFromDisposition("attachment").empty());
  REQUIRE(FileNameFromDisposition("attachment; filename=").empty());
  for (const std::string name : {"tunnistus-Õie.pdf", "KUTSE-000123.pdf", "100%.pdf", "a b;c.pdf"}) {
    INFO(name);
    REQUIRE(FileNameFromDisposition(AttachmentDisposition(name)) == SafeFileName(name));
  }
}

TEST_CASE("a binary response carries its bytes, a safe disposition and nosniff", "[disposition]") {
  std::string bytes("%PDF\0\x01\xff", 7);
  Response response = Response::Binary("application/pdf", bytes, "tunnistus-Õie.pdf");
  REQUIRE(response.status == 200);
  REQUIRE(response.content_type == "application/pdf");
  REQUIRE(response.body == bytes);
  REQUIRE(response.headers == std::vector<std::pair<std::string, std::string>>{
                                  {"Content-Disposition", AttachmentDisposition("tunnistus-Õie.pdf")},
                                  {"X-Content-Type-Options", "nosniff"}});
  REQUIRE(Response::Binary("application/pdf\r\nX-Evil: 1", bytes, "x.pdf").content_type ==
          "application/octet-stream");
}
