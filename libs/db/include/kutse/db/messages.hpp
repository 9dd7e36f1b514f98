// libs/db's own texts (libs/db/messages/<language>.json), compiled in by kutse_embed_messages.
#pragma once

namespace kutse::db {

// Loads them into common::MessageCatalog::Global(); once per process is enough, more is harmless.
void LoadEmbeddedMessages();

}  // namespace kutse::db
