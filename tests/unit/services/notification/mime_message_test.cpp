#include "mail/mime_message.hpp"

#include <openssl/evp.h>

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>

using namespace kutse::notification::mail;

namespace {

// A decoder written apart from the encoder: what a mail reader does with the header and the body.
std::string Unbase64(const std::string& text) {
  std::string clean;
  for (char c : text) {
    if (c != '\r' && c != '\n') {
      clean += c;
    }
  }
  std::string out(clean.size(), '\0');
  int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
  REQUIRE(n >= 0);
  size_t padding = clean.size() - clean.find_last_not_of('=') - 1;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

std::string DecodeWords(const std::string& header) {
  std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  std::string out;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), word); it != std::sregex_iterator();
       ++it) {
    out += Unbase64((*it)[1]);
  }
  return out;
}

std::string HeaderOf(const std::string& mime, const std::string& name) {
  auto start = mime.find("\r\n" + name + ": ");
  if (mime.rfind(name + ": ", 0) == 0) {
    start = 0;
  } else {
    REQUIRE(start != std::string::npos);
    start += 2;
  }
  start += name.size() + 2;
  std::string value;
  // A folded header goes on on lines that start with a space.
  for (size_t end = mime.find("\r\n", start);; end = mime.find("\r\n", start)) {
    value += mime.substr(start, end - start);
    if (mime[end + 2] != ' ') {
      break;
    }
    value += "\r\n";
    start = end + 2;
  }
  return value;
}

std::string BodyOf(const std::string& mime) {
  return Unbase64(mime.substr(mime.find("\r\n\r\n") + 4));
}

MailMessage Sample() {
  MailMessage m;
  m.from = "teavitused@kutseregister.ee";
  m.to = "38001010008@eesti.ee";
  m.subject = "Kutsetunnistus väljastatud: Õmbleja, tase 4 — šokolaadi- ja želeetööline";
  m.body =
      "Tere!\nEesti Keevitusühing kandis registrisse teie kutsetunnistuse K-000007 (Keevitaja, tase 3).\n"
      "Certificate issued: valid from 2026-03-02.";
  m.message_id = "delivery.3f2c.state_portal@kutseregister.ee";
  m.date = std::chrono::system_clock::time_point(std::chrono::seconds(1796409197));
  return m;
}

}  // namespace

TEST_CASE("a subject with Estonian letters survives encoding and decoding, word by word") {
  std::string mime = BuildMime(Sample());
  std::string subject = HeaderOf(mime, "Subject");
  CHECK(DecodeWords(subject) == Sample().subject);
  std::istringstream lines(subject);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    CHECK(line.size() <= 76);  // a word of at most 75 after the folding space
  }
  for (unsigned char c : subject) {
    CHECK(c < 0x80);  // the header itself is ASCII
  }
}

TEST_CASE("an encoded word never splits a UTF-8 letter") {
  std::string many;
  for (int i = 0; i < 40; ++i) {
    many += "ö";
  }
  many += "x";
  std::string encoded = EncodeHeaderText(many);
  std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)");
  int words = 0;
  for (auto it = std::sregex_iterator(encoded.begin(), encoded.end(), word); it != std::sregex_iterator();
       ++it) {
    std::string part = Unbase64((*it)[1]);
    CHECK((static_cast<unsigned char>(part.front()) & 0xc0) != 0x80);  // starts on a letter's first byte
    ++words;
  }
  CHECK(words == 2);
  CHECK(DecodeWords(encoded) == many);
}

TEST_CASE("plain ASCII subjects stay as they are, and one that looks like an encoded word is encoded") {
  CHECK(EncodeHeaderText("Certificate issued") == "Certificate issued");
  CHECK(DecodeWords(EncodeHeaderText("=?UTF-8?B?x?=")) == "=?UTF-8?B?x?=");
  CHECK(EncodeHeaderText("line\r\nBcc: x@y.ee").find("\r\nBcc") == std::string::npos);  // no header injection
  CHECK(DecodeWords(EncodeHeaderText("line\r\nBcc: x@y.ee")) == "line\r\nBcc: x@y.ee");
}

TEST_CASE("the body is UTF-8 text in base64 with CRLF lines, and reads back in both languages") {
  std::string mime = BuildMime(Sample());
  CHECK(HeaderOf(mime, "Content-Type") == "text/plain; charset=UTF-8");
  CHECK(HeaderOf(mime, "Content-Transfer-Encoding") == "base64");
  CHECK(HeaderOf(mime, "MIME-Version") == "1.0");
  std::string body = BodyOf(mime);
  CHECK(body.find("Eesti Keevitusühing kandis") != std::string::npos);
  CHECK(body.find("Certificate issued: valid from 2026-03-02.") != std::string::npos);
  CHECK(body.find("Tere!\r\nEesti") != std::string::npos);
  std::string encoded = mime.substr(mime.find("\r\n\r\n") + 4);
  std::istringstream lines(encoded);
  for (std::string line; std::getline(lines, line);) {
    CHECK(line.size() <= 77);  // 76 and the CR
  }
}

TEST_CASE("Date, From, To and the Message-ID are in the header, the id in angle brackets") {
  std::string mime = BuildMime(Sample());
  CHECK(HeaderOf(mime, "Date") == "Fri, 04 Dec 2026 18:33:17 +0000");
  CHECK(HeaderOf(mime, "From") == "teavitused@kutseregister.ee");
  CHECK(HeaderOf(mime, "To") == "38001010008@eesti.ee");
  CHECK(HeaderOf(mime, "Message-ID") == "<delivery.3f2c.state_portal@kutseregister.ee>");
  CHECK(BuildMime(Sample()) == mime);  // the same message again is the same bytes: a retry is recognisable
}

TEST_CASE("an address or Message-ID that could break the header is refused") {
  for (const char* to : {"a@b.ee\r\nBcc: c@d.ee", "no-at-sign", "a b@c.ee", "<a@b.ee>", "a@b", "@b.ee",
                         "a@.ee", "a..b@c.ee", "a@b..ee", ""}) {
    MailMessage m = Sample();
    m.to = to;
    CHECK_THROWS_AS(BuildMime(m), std::invalid_argument);
    CHECK_FALSE(IsSendableAddress(to));
  }
  MailMessage m = Sample();
  m.message_id = "x>\r\nBcc: c@d.ee";
  CHECK_THROWS_AS(BuildMime(m), std::invalid_argument);
  CHECK(IsSendableAddress("mari.maasikas+kutse@example.ee"));
}

TEST_CASE("Base64Lines wraps at 76 characters with padding") {
  CHECK(Base64Lines("") == "");
  CHECK(Base64Lines("ab") == "YWI=\r\n");
  std::string long_text(100, 'a');
  std::string wrapped = Base64Lines(long_text);
  CHECK(wrapped.find("\r\n") == 76);
  CHECK(Unbase64(wrapped) == long_text);
}
