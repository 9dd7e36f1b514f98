// A person's name as the signed-in identity gives it (TARA's given and family name), and whether
// two names are the same name. TARA often gives names in capitals ("MARI-LIIS KASK") where the
// certificate prints "Mari-Liis Kask", so the comparison ignores case and runs of spaces. No I/O.
#pragma once

#include <string>

namespace kutse::workflow {

struct PersonName {
  std::string given_name;
  std::string family_name;

  // "given family", or whichever of the two there is, trimmed.
  std::string Full() const;
};

// Whether `a` and `b` are the same name apart from case (Latin letters, the Estonian õ ä ö ü š ž
// and the rest of Latin-1 and Latin Extended-A, Cyrillic) and the spaces between words.
bool IsSameName(const std::string& a, const std::string& b);

}  // namespace kutse::workflow
