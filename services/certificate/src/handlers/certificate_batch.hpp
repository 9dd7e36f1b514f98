// POST /api/v1/bodies/{bodyId}/certificate-batches: up to 10,000 certificates in one request,
// accepted or refused as a whole; a refusal lists every error by row.
#pragma once

#include "kutse/db/pool.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

inline constexpr size_t kMaxBatchBodyBytes = 4 * 1024 * 1024;

http::Response RecordCertificateBatch(db::Pool& pool, http::Request& request);

}  // namespace kutse::certificate
