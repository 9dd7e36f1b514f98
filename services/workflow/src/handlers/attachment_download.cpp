#include "handlers/attachment_download.hpp"

#include "dto/attachment_views.hpp"

namespace kutse::workflow {

http::Response AttachmentAnswer(app::AttachmentDownload download) {
  const std::string name = dto::DownloadFileName(download.attachment);
  return http::Response::Binary(download.attachment.file.media_type, std::move(download.bytes), name);
}

}  // namespace kutse::workflow
