#include "support/settings_description.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace kutse::testing {
namespace {

struct Line {
  DescribedSetting setting;
  std::string where;
};

std::vector<Line> ReadFile(const std::string& relative) {
  const std::string path = std::string(KUTSE_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error(path + " cannot be read");
  }
  std::vector<Line> lines;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    std::istringstream fields(text);
    DescribedSetting s;
    std::string description;
    if (!(fields >> s.name) || s.name[0] == '#') {
      continue;
    }
    const std::string where = relative + ":" + std::to_string(number);
    if (!(fields >> s.need >> s.default_value >> s.kind >> s.secret >> description)) {
      throw std::runtime_error(where + ": not a setting line (name need default kind secret description)");
    }
    lines.push_back({s, where});
  }
  return lines;
}

}  // namespace

std::vector<DescribedSetting> DescribedSettings(const std::string& service) {
  std::vector<Line> shared = ReadFile("libs/runtime/settings.txt");
  std::vector<Line> own = ReadFile("services/" + service + "/settings.txt");
  std::set<std::string> not_read;
  for (const auto& line : own) {
    if (line.setting.need == "not-read") {
      not_read.insert(line.setting.name);
    }
  }
  std::vector<DescribedSetting> settings;
  for (const auto* lines : {&shared, &own}) {
    for (const auto& line : *lines) {
      if (line.setting.need != "required" && line.setting.need != "optional" &&
          line.setting.need != "not-read") {
        throw std::runtime_error(line.where + ": need is " + line.setting.need);
      }
      if (line.setting.need != "not-read" && not_read.count(line.setting.name) == 0) {
        settings.push_back(line.setting);
      }
    }
  }
  return settings;
}

}  // namespace kutse::testing
