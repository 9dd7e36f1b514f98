#include "kutse/http/upload.hpp"

#include <magic.h>

#include <algorithm>

#include "kutse/common/log.hpp"
#include "kutse/http/content_disposition.hpp"

namespace kutse::http {
namespace {

// PDF, PNG and JPEG announce themselves in their first bytes; libmagic needs no more to tell them,
// and reads no more of a large upload than this.
constexpr size_t kSniffBytes = 64 * 1024;

// One libmagic handle per thread (see upload.hpp). MAGIC_NO_CHECK_COMPRESS: a compressed file is
// reported as the archive it is, never unpacked to look inside.
class Magic {
 public:
  Magic() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS)) {
    if (cookie_ == nullptr || magic_load(cookie_, nullptr) != 0) {
      common::log::Error(
          "libmagic cannot be loaded: uploads are refused",
          {{"error", cookie_ != nullptr && magic_error(cookie_) != nullptr ? magic_error(cookie_) : ""}});
      Close();
      return;
    }
    size_t bytes_max = kSniffBytes;
    magic_setparam(cookie_, MAGIC_PARAM_BYTES_MAX, &bytes_max);
  }
  ~Magic() { Close(); }
  Magic(const Magic&) = delete;
  Magic& operator=(const Magic&) = delete;

  std::optional<std::string> TypeOf(std::string_view bytes) {
    if (cookie_ == nullptr) {
      return std::nullopt;
    }
    const char* type = magic_buffer(cookie_, bytes.data(), std::min(bytes.size(), kSniffBytes));
    if (type == nullptr) {
      return std::nullopt;
    }
    return std::string(type);
  }

 private:
  void Close() {
    if (cookie_ != nullptr) {
      magic_close(cookie_);
      cookie_ = nullptr;
    }
  }

  magic_t cookie_;
};

// "Application/PDF; charset=x" -> "application/pdf"; empty unless it looks like type/subtype.
std::string DeclaredMediaType(const Request& request) {
  std::string value = request.Header("content-type").value_or("");
  std::string media = value.substr(0, value.find(';'));
  media.erase(std::remove(media.begin(), media.end(), ' '), media.end());
  media.erase(std::remove(media.begin(), media.end(), '\t'), media.end());
  std::transform(media.begin(), media.end(), media.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  bool token = !media.empty() && media.size() <= 100 && std::count(media.begin(), media.end(), '/') == 1 &&
               media.front() != '/' && media.back() != '/' &&
               std::all_of(media.begin(), media.end(), [](char c) {
                 return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        std::string_view("/!#$&^_.+-").find(c) != std::string_view::npos;
               });
  return token ? media : "";
}

std::string Joined(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& type : types) {
    out += (out.empty() ? "" : ", ") + type;
  }
  return out;
}

// An ASiC-E container (ETSI EN 319 162-1 §A.1) is a ZIP whose first entry is `mimetype`, stored,
// with no extra field, holding the container's media type; libmagic 5.44 reports it as a plain ZIP.
bool IsAsiceContainer(std::string_view bytes) {
  constexpr std::string_view kMediaType = "application/vnd.etsi.asic-e+zip";
  constexpr size_t kName = 30;  // the local file header's fixed part
  auto u16 = [&](size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8;
  };
  return bytes.size() >= kName + 8 + kMediaType.size() &&
         bytes.substr(0, 4) == std::string_view("PK\3\4", 4) && u16(8) == 0 && u16(26) == 8 && u16(28) == 0 &&
         bytes.substr(kName, 8) == "mimetype" && bytes.substr(kName + 8, kMediaType.size()) == kMediaType;
}

common::Status Unsupported(common::Message message) {
  return common::InvalidArgument(std::move(message)).WithReason("unsupported_media_type");
}

}  // namespace

std::optional<std::string> SniffMediaType(std::string_view bytes) {
  thread_local Magic magic;
  auto type = magic.TypeOf(bytes);
  if (type && *type == "application/zip" && IsAsiceContainer(bytes)) {
    return "application/vnd.etsi.asic-e+zip";
  }
  return type;
}

common::Status CheckUpload(const UploadRules& rules, const Request& request) {
  if (request.body.size() > rules.max_bytes) {
    return common::InvalidArgument(
               common::Msg("upload.too_large", {{"limit", std::to_string(rules.max_bytes)}}))
        .WithReason("payload_too_large");
  }
  if (request.body.empty()) {
    return common::InvalidArgument(common::Msg("upload.empty"));
  }
  const std::string allowed = Joined(rules.media_types);
  const std::string declared = DeclaredMediaType(request);
  if (declared.empty()) {
    return Unsupported(common::Msg("upload.type_missing", {{"allowed", allowed}}));
  }
  if (std::find(rules.media_types.begin(), rules.media_types.end(), declared) == rules.media_types.end()) {
    return Unsupported(common::Msg("upload.type_not_allowed", {{"type", declared}, {"allowed", allowed}}));
  }
  auto sniffed = SniffMediaType(request.body);
  if (!sniffed) {
    return common::Internal(common::Msg("upload.cannot_examine"));
  }
  if (*sniffed != declared) {
    return Unsupported(common::Msg("upload.content_differs", {{"type", declared}, {"found", *sniffed}}));
  }
  return common::OkStatus();
}

std::string UploadFileName(const Request& request) {
  auto disposition = request.Header("content-disposition");
  return disposition ? FileNameFromDisposition(*disposition) : "";
}

}  // namespace kutse::http
