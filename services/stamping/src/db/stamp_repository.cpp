#include "db/stamp_repository.hpp"

#include "db/sql.hpp"

namespace kutse::stamping {

void StampRepository::Insert(const Stamp& stamp) {
  tx_.exec_prepared(sql::kInsertStamp.name, stamp.id, stamp.verification_code, stamp.certificate_number,
                    stamp.holder_personal_code, stamp.format, stamp.language, stamp.level, stamp.sha256,
                    stamp.document_sha256, stamp.created_at);
}

}  // namespace kutse::stamping
