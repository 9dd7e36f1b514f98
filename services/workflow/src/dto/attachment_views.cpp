#include "dto/attachment_views.hpp"

namespace kutse::workflow::dto {
namespace {

const char* ExtensionOf(const std::string& media_type) {
  if (media_type == "image/jpeg") {
    return ".jpg";
  }
  return media_type == "image/png" ? ".png" : ".pdf";
}

}  // namespace

nlohmann::json AttachmentView(const StoredAttachment& attachment) {
  const Attachment& file = attachment.file;
  return {{"id", file.id},
          {"file_name", DownloadFileName(attachment)},
          {"media_type", file.media_type},
          {"size_bytes", file.size_bytes},
          {"sha256", file.sha256},
          {"uploaded_by", ToString(attachment.uploaded_by)},
          {"uploaded_at", attachment.uploaded_at}};
}

std::string DownloadFileName(const StoredAttachment& attachment) {
  const Attachment& file = attachment.file;
  if (!file.file_name.empty()) {
    return file.file_name;
  }
  return "lisa-" + file.id.substr(0, 8) + ExtensionOf(file.media_type);
}

}  // namespace kutse::workflow::dto
