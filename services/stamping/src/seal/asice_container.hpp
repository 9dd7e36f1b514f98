// The ASiC-E container (ETSI EN 319 162-1 §4.4) as the stamping service writes it: a ZIP whose
// first entry is `mimetype`, stored (no compression, no extra field) with the container's media
// type, then the data files, META-INF/manifest.xml (OASIS ODF manifest) and
// META-INF/signatures0.xml with the XAdES signature over the data files. Every entry carries the
// seal's time, so the same files and time give the same bytes.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace kutse::stamping::seal {

inline constexpr const char* kAsiceMediaType = "application/vnd.etsi.asic-e+zip";
inline constexpr const char* kAsiceSignaturesEntry = "META-INF/signatures0.xml";
inline constexpr const char* kAsiceManifestEntry = "META-INF/manifest.xml";

// A file the container holds and the signature covers. `name` is its path in the container and the
// signature's reference URI: the caller keeps it to plain characters (see AsiceFileName).
struct DataFile {
  std::string name;
  std::string media_type;
  std::string bytes;
};

// `stem` made safe as a container entry name and URI: anything but A-Z a-z 0-9 . - _ becomes _.
std::string AsiceFileName(const std::string& stem, const std::string& extension);

// The manifest listing "/" with the container's media type and every data file with its own.
std::string AsiceManifest(const std::vector<DataFile>& files);

// The container's bytes. Throws std::runtime_error naming libzip's reason.
std::string WriteAsiceContainer(const std::vector<DataFile>& files, const std::string& signatures_xml,
                                std::chrono::system_clock::time_point at);

}  // namespace kutse::stamping::seal
