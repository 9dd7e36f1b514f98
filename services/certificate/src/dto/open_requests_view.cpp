#include "dto/open_requests_view.hpp"

#include "kutse/common/json_or_null.hpp"

namespace kutse::certificate::dto {

nlohmann::json OpenRequestsView(const std::vector<OpenRequest>& requests, const std::string& number) {
  nlohmann::json view = nlohmann::json::array();
  for (const auto& request : requests) {
    if (request.certificate_number == number) {
      view.push_back({{"id", request.request_id},
                      {"kind", request.kind},
                      {"state", request.state},
                      {"submitted_at", common::JsonOrNull(request.submitted_at)}});
    }
  }
  return view;
}

}  // namespace kutse::certificate::dto
