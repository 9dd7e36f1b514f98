// An awarding body's clerk issues certificates: one (POST /api/v1/bodies/{bodyId}/certificates) or a
// batch of up to 10,000, accepted or refused as a whole with every error by row
// (POST /api/v1/bodies/{bodyId}/certificate-batches). Both take an Idempotency-Key.
#pragma once

#include "handlers/handler_context.hpp"
#include "kutse/http/request.hpp"
#include "kutse/http/response.hpp"

namespace kutse::certificate {

inline constexpr size_t kMaxBatchBodyBytes = 4 * 1024 * 1024;

http::Response IssueCertificate(const HandlerContext& context, http::Request& request);
http::Response IssueCertificateBatch(const HandlerContext& context, http::Request& request);

}  // namespace kutse::certificate
