// The CloudEvents 1.0 JSON envelope every Kutse event travels in (proto-docs/events/).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kutse::bus {

struct CloudEvent {
  std::string id;
  std::string source;   // /kutse/<service>
  std::string type;     // <aggregate>.<fact>.v<N>; also the routing key
  std::string subject;  // the aggregate's id, e.g. a certificate number
  std::string time;
  std::string dataschema;
  nlohmann::json data = nlohmann::json::object();
  std::string traceparent;
  std::string correlationid;

  static CloudEvent Make(const std::string& service, const std::string& type, const std::string& subject,
                         nlohmann::json data, const std::string& correlation_id);
  nlohmann::json ToJson() const;
  // nullopt when required attributes are missing or of the wrong type.
  static std::optional<CloudEvent> FromJson(const nlohmann::json& json);
};

bool IsValidEventType(const std::string& type);

}  // namespace kutse::bus
