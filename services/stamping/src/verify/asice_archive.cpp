#include "verify/asice_archive.hpp"

#include <zip.h>

#include <memory>
#include <set>

namespace kutse::stamping::verify {

bool PlainEntryName(const std::string& name) {
  if (name.empty() || name.size() > 255 || name.front() == '/')
    return false;
  size_t start = 0;
  while (start <= name.size()) {
    const size_t end = std::min(name.find('/', start), name.size());
    const std::string segment = name.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..")
      return false;
    start = end + 1;
  }
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\' || c == ':')
      return false;
  }
  return true;
}

std::optional<std::vector<ArchiveEntry>> ReadArchive(std::string_view bytes, const ArchiveLimits& limits) {
  if (bytes.empty() || bytes.size() > limits.max_archive_bytes)
    return std::nullopt;
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_error_t, decltype(&zip_error_fini)> error_guard(&error, &zip_error_fini);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr)
    return std::nullopt;
  zip_t* opened = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (opened == nullptr) {
    zip_source_free(source);
    return std::nullopt;
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(opened, &zip_discard);  // frees the source too

  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count <= 0 || static_cast<zip_uint64_t>(count) > limits.max_entries)
    return std::nullopt;
  std::vector<ArchiveEntry> entries;
  std::set<std::string> names;
  size_t total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t stat;
    if (zip_stat_index(archive.get(), i, ZIP_FL_ENC_RAW, &stat) != 0)
      return std::nullopt;
    constexpr zip_uint64_t kNeeded =
        ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
    if ((stat.valid & kNeeded) != kNeeded || stat.encryption_method != ZIP_EM_NONE ||
        (stat.comp_method != ZIP_CM_STORE && stat.comp_method != ZIP_CM_DEFLATE)) {
      return std::nullopt;
    }
    ArchiveEntry entry;
    entry.name = stat.name;
    if (!entry.name.empty() && entry.name.back() == '/' && stat.size == 0 &&
        PlainEntryName(entry.name.substr(0, entry.name.size() - 1))) {
      continue;  // a folder
    }
    if (!PlainEntryName(entry.name) || !names.insert(entry.name).second)
      return std::nullopt;
    // The declared size is checked before inflating, and the stream may not give more than it.
    if (stat.size > limits.max_entry_bytes || stat.size > limits.max_total_bytes - total)
      return std::nullopt;
    total += static_cast<size_t>(stat.size);
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive.get(), i, 0),
                                                            &zip_fclose);
    if (!file)
      return std::nullopt;
    entry.bytes.resize(static_cast<size_t>(stat.size));
    char beyond = 0;
    if (zip_fread(file.get(), entry.bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size) ||
        zip_fread(file.get(), &beyond, 1) != 0) {
      return std::nullopt;  // shorter or longer than declared, or a CRC error
    }
    entry.stored = stat.comp_method == ZIP_CM_STORE;
    entry.has_extra_field = zip_file_extra_fields_count(archive.get(), i, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) > 0;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace kutse::stamping::verify
