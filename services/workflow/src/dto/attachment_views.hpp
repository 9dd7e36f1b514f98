// A request's attached files as the answers show them (openapi.yaml RequestAttachment): what the
// file is, never who sent it beyond the kind of actor; and the name a download is saved under.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/request.hpp"

namespace kutse::workflow::dto {

nlohmann::json AttachmentView(const StoredAttachment& attachment);
// The holder's name for the file, or, when they gave none, "lisa-" and the id's first block with
// the extension of its type.
std::string DownloadFileName(const StoredAttachment& attachment);

}  // namespace kutse::workflow::dto
