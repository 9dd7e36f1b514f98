// A text for people, as a key of the message catalogue and the values of its placeholders, so it
// can be shown in the reader's language. The texts themselves live in data files (messages/et.json,
// messages/en.json of a library or service); message_catalog.hpp fills them in.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kutse::common {

struct Message {
  std::string key;                                          // e.g. "certificate.not_found_for_holder"
  std::vector<std::pair<std::string, std::string>> values;  // {number} -> "KUTSE-000123"

  bool empty() const { return key.empty(); }
};

// The one way code names a message, so a contract test can find every key used in the sources
// (tests/contract/check-messages.mjs looks for Msg("...") and checks both languages have it).
inline Message Msg(std::string key, std::vector<std::pair<std::string, std::string>> values = {}) {
  return Message{std::move(key), std::move(values)};
}

}  // namespace kutse::common
