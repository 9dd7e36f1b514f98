// A whole file's bytes, for the fuzz harnesses and their seed tool (empty when it cannot be read).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace kutse::fuzz {

inline std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace kutse::fuzz
