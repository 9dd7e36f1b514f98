// libs/http's own texts (libs/http/messages/<language>.json), compiled in by kutse_embed_messages.
#pragma once

namespace kutse::http {

// Loads them into common::MessageCatalog::Global(); once per process is enough, more is harmless.
void LoadEmbeddedMessages();

}  // namespace kutse::http
