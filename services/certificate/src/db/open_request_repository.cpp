#include "db/open_request_repository.hpp"

#include <nlohmann/json.hpp>

#include "db/sql.hpp"
#include "kutse/db/nullable.hpp"

namespace kutse::certificate {
namespace {

OpenRequest ReadRequest(const pqxx::row& row) {
  return OpenRequest{row["request_id"].as<std::string>(),         row["kind"].as<std::string>(),
                     row["certificate_number"].as<std::string>(), row["state"].as<std::string>(),
                     db::OptionalText(row["submitted_at"]),       row["changed_at"].as<std::string>()};
}

}  // namespace

std::optional<OpenRequest> OpenRequestRepository::Lock(const std::string& request_id) {
  tx_.exec_prepared(sql::kLockRequestCopy.name, request_id);
  auto rows = tx_.exec_prepared(sql::kRequestCopy.name, request_id);
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadRequest(rows[0]);
}

void OpenRequestRepository::Save(const OpenRequest& request) {
  tx_.exec_prepared(sql::kSaveRequestCopy.name, request.request_id, request.kind, request.certificate_number,
                    request.state, IsOpen(request), db::NullableParam(request.submitted_at),
                    request.changed_at);
}

std::vector<OpenRequest> OpenRequestRepository::OpenOn(const std::vector<std::string>& numbers) {
  std::vector<OpenRequest> requests;
  if (numbers.empty()) {
    return requests;
  }
  for (const auto& row : tx_.exec_prepared(sql::kOpenRequestsOn.name, nlohmann::json(numbers).dump())) {
    requests.push_back(ReadRequest(row));
  }
  return requests;
}

}  // namespace kutse::certificate
