#include "domain/notice_text.hpp"

namespace kutse::notification {
namespace {

std::string Text(const nlohmann::json& parameters, const char* key) {
  return parameters.contains(key) && parameters[key].is_string() ? parameters[key].get<std::string>() : "";
}

}  // namespace

NoticeText RenderNotice(const std::string& kind, const nlohmann::json& parameters,
                        const std::string& language) {
  if (kind == kCertificateIssued) {
    const std::string number = Text(parameters, "certificate_number");
    const std::string standard = Text(parameters, "standard_name");
    if (language == "en") {
      return {"Certificate issued", "Professional certificate " + number + " (" + standard +
                                        ") has been entered in the register in your name."};
    }
    return {"Kutsetunnistus väljastatud",
            "Teie nimele on registrisse kantud kutsetunnistus " + number + " (" + standard + ")."};
  }
  if (language == "en") {
    return {"Notice", "There is news about your qualifications in the register."};
  }
  return {"Teade", "Kutseregistris on teie kutsete kohta uudiseid."};
}

}  // namespace kutse::notification
