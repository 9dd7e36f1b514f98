#include "stamping_fixtures.hpp"

#include <sys/wait.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace stamping_test {

TempDir::TempDir() {
  std::string pattern = "/tmp/kutse-stamping-test-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed");
  path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::Write(const std::string& name, const std::string& bytes) const {
  const std::string path = path_ + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CommandResult Run(const std::string& command, bool with_stderr) {
  CommandResult result;
  FILE* pipe = popen((with_stderr ? command + " 2>&1" : command).c_str(), "r");
  if (pipe == nullptr)
    return result;
  char chunk[4096];
  for (size_t n; (n = fread(chunk, 1, sizeof chunk, pipe)) > 0;)
    result.output.append(chunk, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool HaveTool(const std::string& tool) {
  return Run("command -v " + tool).exit_code == 0;
}

kutse::stamping::CertificateDocument ExampleDocument() {
  kutse::stamping::CertificateDocument document;
  document.number = "246810";
  document.holder_name = kHolder;
  document.qualification_name = "Keevitaja, tase 4";
  document.estqf_level = 4;
  document.eqf_level = 4;
  document.specialisation = "Räbuga kaarkeevitus";
  document.competences = {
      "Töökoha ettevalmistamine ja ohutu töökorraldus", "Keevisõmbluste kvaliteedi hindamine",
      "Metallkonstruktsioonide keevitamine kõigis asendites vastavalt joonisele ja standardile"};
  document.awarding_body_name = "Eesti Keevitusühing";
  document.decision_date = kutse::common::Date{2026, 11, 20};
  document.decision_number = "17-3";
  document.issue_date = {2026, 11, 21};
  document.valid_from = {2026, 11, 21};
  document.valid_until = kutse::common::Date{2031, 11, 20};
  document.verification_url = "https://kutseregister.example/v/Qm9vZkJhckJhekRvZUxpbmtDb2Rl";
  return document;
}

std::chrono::system_clock::time_point ExampleTime() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1796299200));  // 2026-12-03T12:00:00Z
}

SealMaterial MakeSealMaterial(const TempDir& dir, const std::string& organisation) {
  const std::string d = dir.Path();
  const std::string script =
      "set -e; cd '" + d +
      "'; "
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca_key.pem -out ca.pem -days 30 "
      "-subj '/C=EE/O=" +
      organisation +
      " Test CA/CN=Test CA' -addext basicConstraints=critical,CA:TRUE -addext "
      "keyUsage=critical,keyCertSign,cRLSign; "
      "openssl req -newkey rsa:2048 -nodes -keyout seal_key.pem -out seal.csr "
      "-subj '/C=EE/O=" +
      organisation + "/organizationIdentifier=NTREE-90006399/CN=" + organisation +
      " e-seal'; "
      "printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature,nonRepudiation\\n' > seal.ext; "
      "openssl x509 -req -in seal.csr -CA ca.pem -CAkey ca_key.pem -CAcreateserial -days 30 -extfile "
      "seal.ext "
      "-out seal_only.pem; "
      "cat seal_only.pem ca.pem > seal_cert.pem; "
      "openssl pkcs12 -export -inkey seal_key.pem -in seal_only.pem -certfile ca.pem -passout pass:pw -out "
      "seal.p12";
  const CommandResult made = Run("bash " + dir.Write("make_seal.sh", script));
  if (made.exit_code != 0)
    throw std::runtime_error("openssl could not make the test seal: " + made.output);
  return SealMaterial{ReadFile(d + "/ca.pem"), ReadFile(d + "/seal_key.pem"), ReadFile(d + "/seal_cert.pem"),
                      ReadFile(d + "/seal.p12"), d + "/ca.pem"};
}

std::string Zip(const std::vector<ZipEntry>& entries) {
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, nullptr);
  zip_source_keep(target);
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, nullptr);
  if (archive == nullptr)
    throw std::runtime_error("libzip cannot make a test archive");
  for (const ZipEntry& entry : entries) {
    const zip_int64_t index =
        zip_file_add(archive, entry.name.c_str(),
                     zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0), 0);
    if (index < 0)
      throw std::runtime_error("libzip cannot add " + entry.name);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                             entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive) != 0)
    throw std::runtime_error("libzip cannot write a test archive");
  zip_stat_t stat;
  zip_source_stat(target, &stat);
  zip_source_open(target);
  std::string bytes(static_cast<size_t>(stat.size), '\0');
  zip_source_read(target, bytes.data(), bytes.size());
  zip_source_close(target);
  zip_source_free(target);
  return bytes;
}

}  // namespace stamping_test
