// An uploaded ZIP (an ASiC-E container) read in memory and nowhere else: hostile input, so every
// size is bounded before anything is inflated, and the names inside are only compared, never
// used as paths. No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kutse::stamping::verify {

struct ArchiveLimits {
  size_t max_archive_bytes = 8 * 1024 * 1024;
  size_t max_entries = 16;
  size_t max_entry_bytes = 8 * 1024 * 1024;   // uncompressed, each
  size_t max_total_bytes = 16 * 1024 * 1024;  // uncompressed, all together (a zip bomb stops here)
};

struct ArchiveEntry {
  std::string name;
  std::string bytes;
  bool stored = false;           // no compression
  bool has_extra_field = false;  // in the central directory
};

// The entries in the archive's order; nullopt when it is not a ZIP, passes a limit, is encrypted
// or compressed other than stored/deflated, fails its CRC, or has a name that is not a plain
// relative path (absolute, `..`, `.`, an empty segment, a backslash or a control character) or
// comes twice. Folder entries (a name ending in `/`, no bytes) are left out.
std::optional<std::vector<ArchiveEntry>> ReadArchive(std::string_view bytes, const ArchiveLimits& limits);

// Whether `name` is a plain relative path as ReadArchive accepts it.
bool PlainEntryName(const std::string& name);

}  // namespace kutse::stamping::verify
