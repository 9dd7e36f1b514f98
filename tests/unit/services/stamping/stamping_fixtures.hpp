// What the stamping tests share: a throw-away folder, running a command-line tool on a file, an
// example certificate with Estonian letters, and a throw-away CA and seal certificate made with the
// openssl command line (the dev seal of deploy/local is not used: each test makes its own).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "domain/certificate_document.hpp"

namespace stamping_test {

// A folder under /tmp removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& Path() const { return path_; }
  std::string Write(const std::string& name, const std::string& bytes) const;  // returns the file's path

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout, and stderr too unless told otherwise
};
CommandResult Run(const std::string& command, bool with_stderr = true);

// `which` finds the tool: a test that needs one the machine lacks says so and fails.
bool HaveTool(const std::string& tool);

inline const char* kHolder = "Õie Šmidt-Žukovskäjä Üllar";
kutse::stamping::CertificateDocument ExampleDocument();
std::chrono::system_clock::time_point ExampleTime();  // 2026-12-03T12:00:00Z

// A CA and a seal certificate issued by it (RSA 2048 keys, so seals are deterministic), in `dir`:
// ca.pem, seal_key.pem, seal_cert.pem (the seal certificate, then the CA), seal.p12 (password "pw").
struct SealMaterial {
  std::string ca_pem;
  std::string key_pem;
  std::string certificates_pem;
  std::string p12;
  std::string ca_file;
};
// A ZIP of these entries in this order, made with libzip: to put together containers the
// service's writer would never make.
struct ZipEntry {
  std::string name;
  std::string bytes;
  bool stored;
};
std::string Zip(const std::vector<ZipEntry>& entries);

SealMaterial MakeSealMaterial(const TempDir& dir, const std::string& organisation = "Kutsekoda");

}  // namespace stamping_test
