#include "dto/stamp_order.hpp"

namespace kutse::stamping::dto {

common::StatusOr<app::StampOrder> ParseStampOrder(const std::string& number, const nlohmann::json& body) {
  using common::Msg;
  common::FieldErrors errors;
  app::StampOrder order;
  order.number = number;
  if (!body.is_object()) {
    return common::InvalidArgument(Msg("field.some_invalid"), {{"", Msg("stamping.order_must_be_object")}});
  }
  for (const auto& [name, value] : body.items()) {
    if (name != "format" && name != "language") {
      errors.push_back({"/" + name, Msg("field.unknown")});
    }
  }
  if (!body.contains("format")) {
    errors.push_back({"/format", Msg("field.required")});
  } else if (body["format"] == "pdf") {
    order.format = app::StampFormat::kPdf;
  } else if (body["format"] == "asice") {
    order.format = app::StampFormat::kAsice;
  } else {
    errors.push_back({"/format", Msg("stamping.format_values")});
  }
  if (!body.contains("language")) {
    errors.push_back({"/language", Msg("field.required")});
  } else if (auto language = body["language"].is_string()
                                 ? ParseDocumentLanguage(body["language"].get<std::string>())
                                 : std::nullopt) {
    order.language = *language;
  } else {
    errors.push_back({"/language", Msg("stamping.language_values")});
  }
  if (!errors.empty()) {
    return common::InvalidArgument(Msg("field.some_invalid"), std::move(errors));
  }
  return order;
}

}  // namespace kutse::stamping::dto
