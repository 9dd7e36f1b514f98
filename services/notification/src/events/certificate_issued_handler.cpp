#include "events/certificate_issued_handler.hpp"

#include <stdexcept>

#include "db/notice_repository.hpp"
#include "domain/notice_text.hpp"
#include "kutse/common/personal_code.hpp"

namespace kutse::notification {

void OnCertificateIssued(pqxx::work& work, const bus::CloudEvent& event) {
  const auto& data = event.data;
  auto text = [&](const char* key) {
    if (!data.contains(key) || !data[key].is_string()) {
      throw std::invalid_argument(std::string("certificate.issued.v1 without ") + key);
    }
    return data[key].get<std::string>();
  };
  std::string personal_code = text("holder_personal_code");
  if (!common::IsValidPersonalCode(personal_code)) {
    throw std::invalid_argument("certificate.issued.v1 with an invalid personal code");
  }
  std::string number = text("certificate_number");
  InsertNotice(work, NewNotice{personal_code,
                               kCertificateIssued,
                               {{"certificate_number", number}, {"standard_name", text("standard_name")}},
                               number,
                               event.id});
}

}  // namespace kutse::notification
