#include "events/certificate_status_changed_handler.hpp"

#include <stdexcept>

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "kutse/common/personal_code.hpp"

namespace kutse::notification {

void OnCertificateStatusChanged(pqxx::work& work, const bus::CloudEvent& event) {
  const auto& data = event.data;
  auto text = [&](const char* key) {
    if (!data.contains(key) || !data[key].is_string()) {
      throw std::invalid_argument(std::string("certificate.status_changed.v1 without ") + key);
    }
    return data[key].get<std::string>();
  };
  std::string personal_code = text("holder_personal_code");
  if (!common::IsValidPersonalCode(personal_code)) {
    throw std::invalid_argument("certificate.status_changed.v1 with an invalid personal code");
  }
  auto kind = NoticeKindForStatus(text("to"));
  if (!kind) {
    return;  // a status change the holder is not told about
  }
  std::string number = text("certificate_number");
  nlohmann::json parameters = {{"certificate_number", number}};
  if (data.contains("reason") && data["reason"].is_string()) {
    parameters["reason"] = data["reason"];
  }
  InsertNotice(work, NewNotice{personal_code, *kind, parameters, number, event.id});
}

}  // namespace kutse::notification
