// Files a holder attaches to a duplicate request for inaccurate data, as evidence of what is right
// (issue 10): at most 5 files of at most 10 MB each, PDF, JPEG or PNG. The type is the one sniffed
// from the bytes (libs/http/upload.hpp), never the name or the declared Content-Type; the upload
// route refuses most wrong files before this rule sees them, and this rule holds them again so a
// request never keeps more or other files than it may. No I/O.
#pragma once

#include <cstdint>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::workflow {

inline constexpr int kMaxAttachments = 5;
inline constexpr std::uint64_t kMaxAttachmentBytes = 10 * 1024 * 1024;

struct Attachment {
  std::string file_name;   // as the holder named it (made safe by the upload route); may be empty
  std::string media_type;  // sniffed from the bytes
  std::uint64_t size_bytes = 0;
  std::string sha256;  // of the bytes, lower-case hex
  std::string id{};    // uuid, given when it is stored

  bool operator==(const Attachment& other) const {
    return file_name == other.file_name && media_type == other.media_type && size_bytes == other.size_bytes &&
           sha256 == other.sha256 && id == other.id;
  }
};

// application/pdf, image/jpeg or image/png.
bool IsAcceptedMediaType(const std::string& media_type);

// OK when the file itself may be kept: not empty, at most 10 MB (else invalid argument with the
// reason payload_too_large), of an accepted type (else reason unsupported_media_type).
common::Status CheckAttachmentFile(const Attachment& file);
// OK while the request holds fewer than 5 files; failed precondition when it is full.
common::Status CheckRoomForAttachment(int attached_already);

}  // namespace kutse::workflow
