#include "seal/asice_container.hpp"

#include <zip.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "seal/xml_dsig.hpp"

namespace kutse::stamping::seal {

namespace {

[[noreturn]] void Fail(const char* what, zip_error_t* error) {
  throw std::runtime_error(std::string("the container cannot be written: ") + what + ": " +
                           zip_error_strerror(error));
}

// MS-DOS date and time of `at` in UTC: libzip's own conversion would use the local time zone, and
// the bytes must not depend on where the service runs.
struct DosTime {
  zip_uint16_t time;
  zip_uint16_t date;
};
DosTime ToDos(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  const int year = utc.tm_year + 1900 < 1980 ? 1980 : utc.tm_year + 1900;
  return {static_cast<zip_uint16_t>((utc.tm_hour << 11) | (utc.tm_min << 5) | (utc.tm_sec / 2)),
          static_cast<zip_uint16_t>(((year - 1980) << 9) | ((utc.tm_mon + 1) << 5) | utc.tm_mday)};
}

}  // namespace

std::string AsiceFileName(const std::string& stem, const std::string& extension) {
  std::string name;
  for (const char c : stem) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    name += plain ? c : '_';
  }
  return name + extension;
}

std::string AsiceManifest(const std::vector<DataFile>& files) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
      "manifest:version=\"1.2\">\n"
      " <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"";
  xml += kAsiceMediaType;
  xml += "\"/>\n";
  for (const DataFile& file : files) {
    xml += " <manifest:file-entry manifest:full-path=\"" + xmldsig::Escaped(file.name) +
           "\" manifest:media-type=\"" + xmldsig::Escaped(file.media_type) + "\"/>\n";
  }
  return xml + "</manifest:manifest>\n";
}

std::string WriteAsiceContainer(const std::vector<DataFile>& files, const std::string& signatures_xml,
                                std::chrono::system_clock::time_point at) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_error_t, decltype(&zip_error_fini)> error_guard(&error, &zip_error_fini);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (target == nullptr)
    Fail("zip_source_buffer_create", &error);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> target_guard(target, &zip_source_free);
  // Kept past zip_close, which writes the archive into it.
  zip_source_keep(target);
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  if (archive == nullptr)
    Fail("zip_open_from_source", &error);
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive_guard(archive, &zip_discard);

  const std::string manifest = AsiceManifest(files);
  const DosTime dos = ToDos(at);
  auto add = [&](const std::string& name, const std::string& bytes, bool stored) {
    // The bytes stay owned by the caller (freep 0) until zip_close has read them.
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (source == nullptr)
      Fail("zip_source_buffer", zip_get_error(archive));
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      Fail("zip_file_add", zip_get_error(archive));
    }
    const auto at_index = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, at_index, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0 ||
        zip_file_set_dostime(archive, at_index, dos.time, dos.date, 0) != 0) {
      Fail("the entry's settings", zip_get_error(archive));
    }
  };
  const std::string mimetype = kAsiceMediaType;
  add("mimetype", mimetype, true);
  for (const DataFile& file : files)
    add(file.name, file.bytes, false);
  add(kAsiceManifestEntry, manifest, false);
  add(kAsiceSignaturesEntry, signatures_xml, false);
  if (zip_close(archive) != 0)
    Fail("zip_close", zip_get_error(archive));
  archive_guard.release();  // zip_close freed it

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(target, &stat) != 0 || zip_source_open(target) != 0)
    Fail("the written archive", zip_source_error(target));
  std::string bytes(static_cast<size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(target, bytes.data(), bytes.size());
  zip_source_close(target);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    Fail("the written archive", zip_source_error(target));
  return bytes;
}

}  // namespace kutse::stamping::seal
