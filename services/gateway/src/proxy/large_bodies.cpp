#include "proxy/large_bodies.hpp"

namespace kutse::gateway {

std::vector<LargeBodyRoute> LargeBodyRoutes() {
  return {{"POST", "/api/v1/public/verifications", kMaxVerifiedDocument, true},
          {"POST", "/api/v1/me/requests/{id}/attachments", kMaxRequestAttachment, false}};
}

}  // namespace kutse::gateway
