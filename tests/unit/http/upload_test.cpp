// Upload checks on real files (tests/fixtures/uploads): the bytes decide, not the name or the
// declared type; and a route with upload rules refuses before its handler runs.
#include "kutse/http/upload.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "kutse/common/message_catalog.hpp"
#include "kutse/http/dispatcher.hpp"

using namespace kutse;

namespace kutse::http {
void LoadEmbeddedMessages();
}

namespace {

std::string Fixture(const std::string& name) {
  std::ifstream file(std::string(KUTSE_UPLOAD_FIXTURES) + "/" + name, std::ios::binary);
  REQUIRE(file.good());
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

http::UploadRules Documents(size_t max_bytes = 1024 * 1024) {
  return http::UploadRules{{"application/pdf", "image/jpeg", "image/png"}, max_bytes};
}

http::Request Upload(const std::string& content_type, std::string body, const std::string& disposition = "") {
  http::Request request;
  request.method = "PUT";
  request.path = "/documents/1";
  request.headers["content-type"] = content_type;
  if (!disposition.empty()) {
    request.headers["content-disposition"] = disposition;
  }
  request.body = std::move(body);
  return request;
}

bool IsUnsupported(const common::Status& status) {
  return status.code() == common::StatusCode::kInvalidArgument && status.reason() == "unsupported_media_type";
}

// A ZIP's first local file header and entry: `name` holding `content`, stored (method 0) or not.
std::string ZipStart(const std::string& name, const std::string& content, uint16_t method,
                     uint16_t extra_length = 0) {
  auto u16 = [](uint16_t v) { return std::string{static_cast<char>(v & 0xff), static_cast<char>(v >> 8)}; };
  auto u32 = [&](uint32_t v) {
    return u16(static_cast<uint16_t>(v & 0xffff)) + u16(static_cast<uint16_t>(v >> 16));
  };
  std::string header = std::string("PK\3\4", 4) + u16(10) + u16(0) + u16(method) + u16(0) + u16(0) + u32(0) +
                       u32(static_cast<uint32_t>(content.size())) +
                       u32(static_cast<uint32_t>(content.size())) + u16(static_cast<uint16_t>(name.size())) +
                       u16(extra_length);
  return header + name + std::string(extra_length, '\0') + content + std::string(64, '\0');
}

}  // namespace

TEST_CASE("real PDF, JPEG and PNG files pass when declared as what they are", "[upload]") {
  for (const auto& [name, type] :
       {std::pair{"protocol.pdf", "application/pdf"}, std::pair{"diploma-scan.jpg", "image/jpeg"},
        std::pair{"certificate-photo.png", "image/png"}}) {
    INFO(name);
    std::string bytes = Fixture(name);
    REQUIRE(http::SniffMediaType(bytes) == std::optional<std::string>(type));
    REQUIRE(http::CheckUpload(Documents(), Upload(type, bytes)).ok());
  }
  // The declared type is read as a media type: case and parameters do not matter.
  REQUIRE(
      http::CheckUpload(Documents(), Upload("Application/PDF; name=protocol.pdf", Fixture("protocol.pdf")))
          .ok());
}

TEST_CASE("a PNG renamed to .pdf and sent as application/pdf is refused, naming both types", "[upload]") {
  auto status = http::CheckUpload(Documents(), Upload("application/pdf", Fixture("certificate-photo.png"),
                                                      "attachment; filename=\"scan.pdf\""));
  REQUIRE(IsUnsupported(status));
  REQUIRE(status.message().key == "upload.content_differs");
  REQUIRE(status.message().values == std::vector<std::pair<std::string, std::string>>{
                                         {"type", "application/pdf"}, {"found", "image/png"}});
}

TEST_CASE("a text file declared as PDF is refused", "[upload]") {
  auto status = http::CheckUpload(Documents(), Upload("application/pdf", Fixture("notes.txt")));
  REQUIRE(IsUnsupported(status));
  REQUIRE(status.message().values.at(1) == std::pair<std::string, std::string>{"found", "text/plain"});
}

TEST_CASE("an ASiC-E container is told from a plain ZIP by its first entry", "[upload]") {
  const std::string asice = "application/vnd.etsi.asic-e+zip";
  CHECK(http::SniffMediaType(ZipStart("mimetype", asice, 0)) == asice);
  // Anything else first, the entry compressed, an extra field or another media type: a ZIP.
  CHECK(http::SniffMediaType(ZipStart("data.pdf", asice, 0)) == "application/zip");
  CHECK(http::SniffMediaType(ZipStart("mimetype", asice, 8)) == "application/zip");
  CHECK(http::SniffMediaType(ZipStart("mimetype", asice, 0, 4)) == "application/zip");
  CHECK(http::SniffMediaType(ZipStart("mimetype", "application/vnd.etsi.asic-s+zip", 0)) ==
        "application/zip");
  // Cut short inside the media type: not a container.
  CHECK(http::SniffMediaType(ZipStart("mimetype", asice, 0).substr(0, 50)) != asice);
}

TEST_CASE("a declared type outside the list, or none, is refused before the bytes are read", "[upload]") {
  auto text = http::CheckUpload(Documents(), Upload("text/plain", Fixture("notes.txt")));
  REQUIRE(IsUnsupported(text));
  REQUIRE(text.message().key == "upload.type_not_allowed");
  http::UploadRules pdf_only{{"application/pdf"}, 1024 * 1024};
  REQUIRE(http::CheckUpload(pdf_only, Upload("image/png", Fixture("certificate-photo.png"))).message().key ==
          "upload.type_not_allowed");
  for (const char* declared : {"", "pdf", "application/pdf\r\nX: y", "/"}) {
    INFO(declared);
    auto missing = http::CheckUpload(Documents(), Upload(declared, Fixture("protocol.pdf")));
    REQUIRE(IsUnsupported(missing));
    REQUIRE(missing.message().key == "upload.type_missing");
  }
}

TEST_CASE("a file over the limit is too large; one at the limit passes; an empty one is invalid",
          "[upload]") {
  std::string pdf = Fixture("protocol.pdf");
  auto over = http::CheckUpload(Documents(pdf.size() - 1), Upload("application/pdf", pdf));
  REQUIRE(over.code() == common::StatusCode::kInvalidArgument);
  REQUIRE(over.reason() == "payload_too_large");
  REQUIRE(over.message().values ==
          std::vector<std::pair<std::string, std::string>>{{"limit", std::to_string(pdf.size() - 1)}});
  REQUIRE(http::CheckUpload(Documents(pdf.size()), Upload("application/pdf", pdf)).ok());

  auto empty = http::CheckUpload(Documents(), Upload("application/pdf", ""));
  REQUIRE(empty.code() == common::StatusCode::kInvalidArgument);
  REQUIRE(empty.reason().empty());
  REQUIRE(empty.message().key == "upload.empty");
}

TEST_CASE("sniffing from many threads at once gives each the right answer", "[upload]") {
  std::string pdf = Fixture("protocol.pdf");
  std::string png = Fixture("certificate-photo.png");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        bool even = (i + t) % 2 == 0;
        if (http::SniffMediaType(even ? pdf : png) !=
            std::optional<std::string>(even ? "application/pdf" : "image/png")) {
          ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  REQUIRE(wrong == 0);
}

TEST_CASE("the declared file name is read from Content-Disposition and made safe", "[upload]") {
  REQUIRE(http::UploadFileName(
              Upload("application/pdf", "x", "attachment; filename*=UTF-8''tunnistus-%C3%95ie.pdf")) ==
          "tunnistus-Õie.pdf");
  REQUIRE(http::UploadFileName(Upload("application/pdf", "x", "attachment; filename=\"../../etc/passwd\"")) ==
          "passwd");
  REQUIRE(http::UploadFileName(Upload("application/pdf", "x")).empty());
}

TEST_CASE("a route with upload rules refuses a wrong file before its handler runs", "[upload]") {
  http::Router router;
  std::atomic<int> handled{0};
  http::RouteOptions documents;
  documents.upload = Documents(4 * 1024 * 1024);
  router.Add(
      "PUT", "/documents/{id}",
      [&handled](http::Request&) {
        ++handled;
        return http::Response::NoContent();
      },
      documents);
  http::DispatcherOptions options;
  options.worker_threads = 1;
  options.access_log = false;
  http::Dispatcher dispatcher(router, options);
  auto send = [&dispatcher](http::Request request) {
    std::promise<http::Response> answer;
    dispatcher.Handle(std::move(request),
                      [&answer](http::Response response) { answer.set_value(std::move(response)); });
    return answer.get_future().get();
  };

  http::Response renamed = send(Upload("application/pdf", Fixture("certificate-photo.png")));
  REQUIRE(renamed.status == 415);
  REQUIRE(renamed.content_type == "application/problem+json");
  REQUIRE(nlohmann::json::parse(renamed.body)["code"] == "unsupported_media_type");
  http::Request english = Upload("application/pdf", Fixture("notes.txt"));
  english.headers["accept-language"] = "en";
  REQUIRE(nlohmann::json::parse(send(english).body)["detail"] ==
          "The file was declared as application/pdf, but its content is text/plain.");
  REQUIRE(handled == 0);

  REQUIRE(send(Upload("application/pdf", Fixture("protocol.pdf"))).status == 204);
  REQUIRE(handled == 1);
  // The route's body limit was raised to the upload's 4 MiB, so the server reads files that large.
  REQUIRE(router.LargestBodyLimit() == 4 * 1024 * 1024);
}

TEST_CASE("every message of the upload checks has an Estonian and an English text", "[upload]") {
  http::LoadEmbeddedMessages();
  const auto& catalog = common::MessageCatalog::Global();
  for (const char* key : {"upload.too_large", "upload.empty", "upload.type_missing",
                          "upload.type_not_allowed", "upload.content_differs", "upload.cannot_examine"}) {
    INFO(key);
    REQUIRE(catalog.Has(key, "et"));
    REQUIRE(catalog.Has(key, "en"));
  }
}
