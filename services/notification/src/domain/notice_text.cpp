#include "domain/notice_text.hpp"

namespace kutse::notification {
namespace {

std::string Text(const nlohmann::json& parameters, const char* key) {
  return parameters.contains(key) && parameters[key].is_string() ? parameters[key].get<std::string>() : "";
}

}  // namespace

std::optional<std::string> NoticeKindForStatus(const std::string& status) {
  if (status == "expired") {
    return std::string(kCertificateExpired);
  }
  if (status == "invalidated") {
    return std::string(kCertificateInvalidated);
  }
  if (status == "annulled") {
    return std::string(kCertificateAnnulled);
  }
  return std::nullopt;
}

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
  if (kind == kDuplicateIssued) {
    const std::string number = Text(parameters, "certificate_number");
    const std::string original = Text(parameters, "duplicate_of");
    if (language == "en") {
      return {"Duplicate issued", "Duplicate " + number + " of professional certificate " + original +
                                      " has been issued. The duplicate is the valid document from now on."};
    }
    return {"Duplikaat väljastatud", "Kutsetunnistuse " + original + " duplikaat " + number +
                                         " on väljastatud. Edaspidi kehtib duplikaat."};
  }
  const std::string number = Text(parameters, "certificate_number");
  const std::string reason = Text(parameters, "reason");
  if (kind == kCertificateExpired) {
    if (language == "en") {
      return {"Certificate expired",
              "Professional certificate " + number + " is no longer valid: its validity ended."};
    }
    return {"Kutsetunnistus kaotas kehtivuse", "Kutsetunnistuse " + number + " kehtivusaeg on lõppenud."};
  }
  if (kind == kCertificateInvalidated) {
    if (language == "en") {
      return {"Certificate declared invalid", "The awarding body declared professional certificate " +
                                                  number + " invalid. Reason: " + reason};
    }
    return {"Kutsetunnistus tunnistati kehtetuks",
            "Kutse andja tunnistas kutsetunnistuse " + number + " kehtetuks. Põhjus: " + reason};
  }
  if (kind == kCertificateAnnulled) {
    if (language == "en") {
      return {"Certificate annulled",
              "Professional certificate " + number + " was annulled. Reason: " + reason};
    }
    return {"Kutsetunnistus tühistati", "Kutsetunnistus " + number + " tühistati. Põhjus: " + reason};
  }
  if (language == "en") {
    return {"Notice", "There is news about your qualifications in the register."};
  }
  return {"Teade", "Kutseregistris on teie kutsete kohta uudiseid."};
}

}  // namespace kutse::notification
