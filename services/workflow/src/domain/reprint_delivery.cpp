#include "domain/reprint_delivery.hpp"

#include "domain/country_code.hpp"
#include "domain/text_rules.hpp"
#include "kutse/common/enum_names.hpp"

namespace kutse::workflow {
namespace {

using common::Msg;

constexpr common::EnumName<DeliveryMethod> kMethodNames[] = {
    {DeliveryMethod::kCollectInPerson, "collect_in_person"},
    {DeliveryMethod::kPost, "post"},
};

constexpr common::EnumName<DeliveryOutcome> kOutcomeNames[] = {
    {DeliveryOutcome::kPosted, "posted"},
    {DeliveryOutcome::kHandedOver, "handed_over"},
};

bool IsDigits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// Letters, digits, spaces and hyphens: the characters postal codes of the world are written with.
bool IsPostalCodeText(const std::string& text) {
  return text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -") ==
         std::string::npos;
}

std::string UpperAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return text;
}

void CheckPostalCode(const std::string& raw, const std::string& country, PostalAddress& out,
                     common::FieldErrors& errors) {
  const char* pointer = "/address/postal_code";
  bool estonia = country == kEstonia;
  if (raw.find_first_not_of(" \t") == std::string::npos) {
    if (estonia) {
      errors.push_back({pointer, Msg("request.postal_code_estonia")});
    }
    return;
  }
  auto code = CleanText(raw, OneLine(kMaxPostalCodeLength), pointer, errors);
  if (!code) {
    return;
  }
  if (estonia ? code->size() != 5 || !IsDigits(*code) : !IsPostalCodeText(*code)) {
    errors.push_back({pointer, Msg(estonia ? "request.postal_code_estonia" : "request.postal_code_form")});
    return;
  }
  out.postal_code = *code;
}

PostalAddress CheckAddress(const PostalAddress& address, common::FieldErrors& errors) {
  PostalAddress out;
  out.recipient_name =
      CleanText(address.recipient_name, OneLine(kMaxRecipientLength), "/address/recipient_name", errors)
          .value_or("");
  out.street = CleanText(address.street, OneLine(kMaxStreetLength), "/address/street", errors).value_or("");
  out.city = CleanText(address.city, OneLine(kMaxCityLength), "/address/city", errors).value_or("");
  out.country = UpperAscii(address.country);
  if (!IsCountryCode(out.country)) {
    errors.push_back({"/address/country", Msg("request.country_code")});
  }
  CheckPostalCode(address.postal_code, out.country, out, errors);
  return out;
}

}  // namespace

const char* ToString(DeliveryMethod method) {
  return common::NameOf(kMethodNames, method);
}

std::optional<DeliveryMethod> ParseDeliveryMethod(const std::string& text) {
  return common::ValueOf(kMethodNames, text);
}

const char* ToString(DeliveryOutcome outcome) {
  return common::NameOf(kOutcomeNames, outcome);
}

std::optional<DeliveryOutcome> ParseDeliveryOutcome(const std::string& text) {
  return common::ValueOf(kOutcomeNames, text);
}

common::StatusOr<ReprintDelivery> CheckReprintDelivery(const ReprintDelivery& delivery) {
  common::FieldErrors errors;
  ReprintDelivery out{delivery.method, std::nullopt};
  if (delivery.method == DeliveryMethod::kCollectInPerson) {
    if (delivery.address) {
      errors.push_back({"/address", Msg("request.address_only_for_post")});
    }
  } else if (!delivery.address) {
    errors.push_back({"/address", Msg("request.address_required_for_post")});
  } else {
    out.address = CheckAddress(*delivery.address, errors);
  }
  if (!errors.empty()) {
    return InvalidInput(std::move(errors));
  }
  return out;
}

}  // namespace kutse::workflow
