#include "domain/attachment.hpp"

namespace kutse::workflow {

using common::Msg;

bool IsAcceptedMediaType(const std::string& media_type) {
  return media_type == "application/pdf" || media_type == "image/jpeg" || media_type == "image/png";
}

common::Status CheckAttachmentFile(const Attachment& file) {
  if (file.size_bytes == 0) {
    return common::InvalidArgument(Msg("request.attachment_empty"));
  }
  // The reasons are libs/http's problem codes for the same refusals of an upload.
  if (file.size_bytes > kMaxAttachmentBytes) {
    return common::InvalidArgument(
               Msg("request.attachment_too_large", {{"limit", std::to_string(kMaxAttachmentBytes)}}))
        .WithReason("payload_too_large");
  }
  if (!IsAcceptedMediaType(file.media_type)) {
    return common::InvalidArgument(Msg("request.attachment_type", {{"type", file.media_type}}))
        .WithReason("unsupported_media_type");
  }
  return common::OkStatus();
}

common::Status CheckRoomForAttachment(int attached_already) {
  if (attached_already >= kMaxAttachments) {
    return common::FailedPrecondition(
        Msg("request.attachments_full", {{"max", std::to_string(kMaxAttachments)}}));
  }
  return common::OkStatus();
}

}  // namespace kutse::workflow
