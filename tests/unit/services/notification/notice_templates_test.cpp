#include "domain/notice_templates.hpp"

#include <catch2/catch.hpp>

using namespace kutse::notification;

namespace {

const std::vector<std::string> kLanguages = {"et", "en"};
const std::vector<NoticeKindSpec> kKinds = {{"issued", {"number", "name"}}, {"unknown", {}}};

std::map<std::string, std::string> Complete() {
  return {{"et/issued.txt", "Väljastatud\n\nTunnistus {number}\n({name}).\n"},
          {"en/issued.txt", "Issued\n\nCertificate {number} ({name})."},
          {"et/unknown.txt", "Teade\n\nUudiseid."},
          {"en/unknown.txt", "Notice\n\nNews."}};
}

std::string RefusalOf(const std::map<std::string, std::string>& files) {
  try {
    NoticeTemplates templates(files, kLanguages, kKinds);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a template is a title, an empty line and a body whose lines are joined") {
  NoticeTemplates templates(Complete(), kLanguages, kKinds);
  auto et = templates.Render("issued", "et", {{"number", "K-1"}, {"name", "Keevitaja"}}, "unknown");
  REQUIRE(et.title == "Väljastatud");
  REQUIRE(et.body == "Tunnistus K-1 (Keevitaja).");
  auto en = templates.Render("issued", "en", {{"number", "K-1"}, {"name", "Welder"}}, "unknown");
  REQUIRE(en.body == "Certificate K-1 (Welder).");
}

TEST_CASE("an unknown kind gets the fallback; an unknown language the first language") {
  NoticeTemplates templates(Complete(), kLanguages, kKinds);
  REQUIRE(templates.Render("new_kind", "en", {}, "unknown").title == "Notice");
  REQUIRE(templates.Render("issued", "fi", {{"number", "K-1"}, {"name", "x"}}, "unknown").title ==
          "Väljastatud");
}

TEST_CASE("a value is put in as it is, never read as a placeholder itself") {
  NoticeTemplates templates(Complete(), kLanguages, kKinds);
  auto text = templates.Render("issued", "en", {{"number", "{name}"}, {"name", "n"}}, "unknown");
  REQUIRE(text.body == "Certificate {name} (n).");
}

TEST_CASE("a template missing in one language is refused, naming the file") {
  auto files = Complete();
  files.erase("en/issued.txt");
  REQUIRE(RefusalOf(files) == "notification template en/issued.txt: missing");
}

TEST_CASE("a placeholder its kind does not fill is refused (a misspelt one would reach the holder)") {
  auto files = Complete();
  files["en/issued.txt"] = "Issued\n\nCertificate {numbr}.";
  REQUIRE(RefusalOf(files) ==
          "notification template en/issued.txt: placeholder {numbr} is not one its kind fills");
}

TEST_CASE("a brace that encloses no placeholder, a missing title or body, an unknown file are refused") {
  auto files = Complete();
  files["et/issued.txt"] = "Väljastatud\n\nTunnistus {number.";
  REQUIRE(RefusalOf(files).find("et/issued.txt: a brace") != std::string::npos);
  files["et/issued.txt"] = "Väljastatud } {number}\n\nTunnistus.";
  REQUIRE(RefusalOf(files).find("et/issued.txt: a brace") != std::string::npos);
  files["et/issued.txt"] = "Väljastatud\nTunnistus {number}.";
  REQUIRE(RefusalOf(files).find("et/issued.txt: not a title line") != std::string::npos);
  files["et/issued.txt"] = "Väljastatud\n\n\n";
  REQUIRE(RefusalOf(files).find("et/issued.txt: no body") != std::string::npos);
  files = Complete();
  files["en/reminder.txt"] = "Reminder\n\nSoon.";
  REQUIRE(RefusalOf(files).find("en/reminder.txt: not <language>/<kind>.txt") != std::string::npos);
  REQUIRE(RefusalOf(Complete()).empty());
}
