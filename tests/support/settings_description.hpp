// A service's settings as its description lists them (libs/runtime/settings.txt, then
// services/<service>/settings.txt; the format is explained at the top of the first), for tests that
// hold the C++ reading of the settings against it.
#pragma once

#include <string>
#include <vector>

namespace kutse::testing {

struct DescribedSetting {
  std::string name;
  std::string need;           // required or optional
  std::string default_value;  // "-" for none
  std::string kind;
  std::string secret;
};

// The shared settings without those the service's file marks not-read, then its own. Throws
// std::runtime_error for a missing file or a line that is not a setting.
std::vector<DescribedSetting> DescribedSettings(const std::string& service);

}  // namespace kutse::testing
