// A search of the public register: any part of a holder's name or a number, the filters (standard,
// level, awarding body, valid on a day) and the keyset page. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

struct PublicQuery {
  std::optional<std::string> name;
  std::optional<std::string> number;
  std::optional<std::string> after_number;  // keyset: the last number of the page before
  std::optional<std::string> standard;      // standard_code
  std::optional<int> level;
  std::optional<std::string> awarding_body;  // registry code
  std::optional<std::string> valid_on;       // YYYY-MM-DD
  int limit = 20;
};

}  // namespace kutse::certificate
