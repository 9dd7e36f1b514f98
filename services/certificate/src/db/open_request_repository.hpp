// The register's copy of the workflow's requests (domain/open_request.hpp): read and written one
// request at a time by the event consumer, read for a holder's certificates by "My certificates".
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "domain/open_request.hpp"

namespace kutse::certificate {

class OpenRequestRepository {
 public:
  explicit OpenRequestRepository(pqxx::transaction_base& tx) : tx_(tx) {}

  // The copy of one request, locked (also while there is none) until the transaction ends, so two
  // replicas applying news of the same request take turns.
  std::optional<OpenRequest> Lock(const std::string& request_id);
  void Save(const OpenRequest& request);
  // The open requests on any of these certificates, newest first.
  std::vector<OpenRequest> OpenOn(const std::vector<std::string>& numbers);

 private:
  pqxx::transaction_base& tx_;
};

}  // namespace kutse::certificate
