// The C++ twin of SQL certificate.fold_name (migrations/V003) for search queries: ASCII letters in
// lower case, and the letters with diacritics that fold_name translates as their base letter. No I/O.
#pragma once

#include <string>

namespace kutse::certificate::search {

struct FoldedName {
  std::string text;
  // False when the text holds a character that fold_name does not translate and that is not ASCII
  // (or is not UTF-8 at all): PostgreSQL's lower() may change it by its locale, so only the
  // database can fold such a text the same way.
  bool exact = true;
};

FoldedName FoldName(const std::string& text);

}  // namespace kutse::certificate::search
