#include "kutse/bus/cloud_event.hpp"

#include <catch2/catch.hpp>

#include "kutse/common/ids.hpp"

using kutse::bus::CloudEvent;

TEST_CASE("a made event has every CloudEvents attribute and round-trips") {
  auto event = CloudEvent::Make("certificate", "certificate.issued.v1", "K-000001", {{"level", 4}}, "corr-1");
  auto json = event.ToJson();
  REQUIRE(json["specversion"] == "1.0");
  REQUIRE(kutse::common::IsUuid(json["id"]));
  REQUIRE(json["source"] == "/kutse/certificate");
  REQUIRE(json["datacontenttype"] == "application/json");
  REQUIRE(json["dataschema"].get<std::string>().find("certificate.issued.v1") != std::string::npos);
  auto back = CloudEvent::FromJson(json);
  REQUIRE(back);
  REQUIRE(back->id == event.id);
  REQUIRE(back->subject == "K-000001");
  REQUIRE(back->data["level"] == 4);
  REQUIRE(back->correlationid == "corr-1");
}

TEST_CASE("envelopes without required attributes or with a bad type are refused") {
  auto json = CloudEvent::Make("x", "certificate.issued.v1", "", {}, "").ToJson();
  auto without_id = json;
  without_id.erase("id");
  REQUIRE_FALSE(CloudEvent::FromJson(without_id));
  auto wrong_version = json;
  wrong_version["specversion"] = "0.3";
  REQUIRE_FALSE(CloudEvent::FromJson(wrong_version));
  auto bad_type = json;
  bad_type["type"] = "CertificateIssued";
  REQUIRE_FALSE(CloudEvent::FromJson(bad_type));
  REQUIRE_FALSE(CloudEvent::FromJson(nlohmann::json::array()));
}
