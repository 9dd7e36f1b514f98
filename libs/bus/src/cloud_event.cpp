#include "kutse/bus/cloud_event.hpp"

#include <chrono>
#include <regex>

#include "kutse/common/ids.hpp"
#include "kutse/common/time_format.hpp"

namespace kutse::bus {

bool IsValidEventType(const std::string& type) {
  static const std::regex kType(R"([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.v[0-9]+)");
  return std::regex_match(type, kType);
}

CloudEvent CloudEvent::Make(const std::string& service, const std::string& type, const std::string& subject,
                            nlohmann::json data, const std::string& correlation_id) {
  CloudEvent event;
  event.id = common::NewUuid();
  event.source = "/kutse/" + service;
  event.type = type;
  event.subject = subject;
  event.time = common::FormatTimestamp(std::chrono::system_clock::now());
  event.dataschema = "https://kutse.ee/proto-docs/events/" + type + ".schema.json";
  event.data = std::move(data);
  event.correlationid = correlation_id;
  return event;
}

nlohmann::json CloudEvent::ToJson() const {
  nlohmann::json json = {
      {"specversion", "1.0"},
      {"id", id},
      {"source", source},
      {"type", type},
      {"time", time},
      {"datacontenttype", "application/json"},
      {"dataschema", dataschema},
      {"data", data},
  };
  if (!subject.empty()) {
    json["subject"] = subject;
  }
  if (!traceparent.empty()) {
    json["traceparent"] = traceparent;
  }
  if (!correlationid.empty()) {
    json["correlationid"] = correlationid;
  }
  return json;
}

std::optional<CloudEvent> CloudEvent::FromJson(const nlohmann::json& json) {
  if (!json.is_object() || json.value("specversion", "") != "1.0") {
    return std::nullopt;
  }
  for (const char* key : {"id", "source", "type"}) {
    if (!json.contains(key) || !json[key].is_string() || json[key].get<std::string>().empty()) {
      return std::nullopt;
    }
  }
  CloudEvent event;
  event.id = json["id"];
  event.source = json["source"];
  event.type = json["type"];
  if (!IsValidEventType(event.type)) {
    return std::nullopt;
  }
  auto text = [&](const char* key) {
    return json.contains(key) && json[key].is_string() ? json[key].get<std::string>() : std::string();
  };
  event.subject = text("subject");
  event.time = text("time");
  event.dataschema = text("dataschema");
  event.traceparent = text("traceparent");
  event.correlationid = text("correlationid");
  if (json.contains("data")) {
    event.data = json["data"];
  }
  return event;
}

}  // namespace kutse::bus
