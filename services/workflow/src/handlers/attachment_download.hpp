// The answer with an attached file, for the holder's and the handlers' downloads alike: the bytes
// as they were sent, under the holder's name for the file (ADR 0006's Response::Binary).
#pragma once

#include "app/read_requests.hpp"
#include "kutse/http/response.hpp"

namespace kutse::workflow {

http::Response AttachmentAnswer(app::AttachmentDownload download);

}  // namespace kutse::workflow
