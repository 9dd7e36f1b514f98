#include "events/personal_data_read_handler.hpp"

#include "db/access_log_repository.hpp"
#include "events/personal_data_read_event.hpp"

namespace kutse::certificate {

common::Status OnPersonalDataRead(pqxx::work& work, const bus::CloudEvent& event) {
  auto read = ParseRequestRead(event.data);
  if (!read.ok()) {
    return read.status();
  }
  AccessLogRepository(work).LogRequestRead(*read);
  return common::OkStatus();
}

}  // namespace kutse::certificate
