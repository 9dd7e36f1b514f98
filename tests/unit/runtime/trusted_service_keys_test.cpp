// KUTSE_TRUSTED_SERVICE_KEYS_DIR (ADR 0005): a folder of the public keys a service accepts service
// tokens by, each file's name saying which service it speaks for; unset, none.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "kutse/common/config.hpp"
#include "kutse/runtime/runtime_settings.hpp"

using kutse::common::Config;
using kutse::common::ConfigError;
using kutse::runtime::RuntimeOptions;
using kutse::runtime::RuntimeSettings;

namespace {

class Folder {
 public:
  Folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kutse-trusted-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~Folder() { std::filesystem::remove_all(path_); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;

  std::string Write(const std::string& name, const std::string& contents) const {
    std::filesystem::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name) << contents;
    return (path_ / name).string();
  }
  std::string Path(const std::string& below = "") const { return (path_ / below).string(); }

 private:
  std::filesystem::path path_;
};

// The shared settings a service needs, with the trusted keys in `keys` (nullopt: not set).
RuntimeSettings Read(const Folder& scratch, const std::optional<std::string>& keys,
                     RuntimeOptions options = RuntimeOptions{}) {
  std::map<std::string, std::string> values = {
      {"KUTSE_HTTP_PORT", "8081"},
      {"KUTSE_DB_DSN", "host=db dbname=kutse"},
      {"KUTSE_AMQP_URL", "amqp://u:p@broker:5672/kutse"},
      {"KUTSE_MIGRATIONS_DIR", "/migrations"},
      {"KUTSE_TOKEN_PUBLIC_KEY_FILE", scratch.Write("gateway/public.pem", "GATEWAY PEM")}};
  if (keys) {
    values["KUTSE_TRUSTED_SERVICE_KEYS_DIR"] = *keys;
  }
  return RuntimeSettings::Read(Config([values](const std::string& name) -> std::optional<std::string> {
                                 auto found = values.find(name);
                                 return found == values.end() ? std::nullopt : std::optional(found->second);
                               }),
                               options);
}

std::string ErrorOf(const Folder& scratch, const std::string& keys) {
  try {
    Read(scratch, keys);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("unset, or a folder without keys, trusts no service") {
  Folder scratch;
  CHECK(Read(scratch, std::nullopt).trusted_service_keys.empty());
  scratch.Write("empty/README", "no key here");
  CHECK(Read(scratch, scratch.Path("empty")).trusted_service_keys.empty());
}

TEST_CASE("each key file speaks for the service its name says, rotated keys beside it") {
  Folder scratch;
  scratch.Write("keys/workflow.pem", "WORKFLOW PEM");
  scratch.Write("keys/workflow.2.pem", "WORKFLOW NEW PEM");
  scratch.Write("keys/stamping.pem", "STAMPING PEM");
  // What else a mounted Kubernetes volume or an editor leaves there is not a key.
  scratch.Write("keys/..data/stamping.pem", "NOT READ");
  scratch.Write("keys/.workflow.pem.swp", "NOT READ");
  scratch.Write("keys/README", "NOT READ");
  auto keys = Read(scratch, scratch.Path("keys")).trusted_service_keys;
  REQUIRE(keys.size() == 3);
  CHECK(keys[0].service == "stamping");
  CHECK(keys[0].pem == "STAMPING PEM");
  CHECK(keys[1].service == "workflow");
  CHECK(keys[1].file == "workflow.2.pem");
  CHECK(keys[1].pem == "WORKFLOW NEW PEM");
  CHECK(keys[2].service == "workflow");
  CHECK(keys[2].file == "workflow.pem");
  CHECK(keys[2].pem == "WORKFLOW PEM");
}

TEST_CASE("a key file whose name says no service, or a folder that is not there, stops the start") {
  for (const char* name : {"Workflow.pem", "work_flow.pem", "workflow.old.pem", "workflow.2.3.pem",
                           "workflow..pem", "9workflow.pem"}) {
    INFO(name);
    Folder scratch;
    scratch.Write(std::string("keys/") + name, "PEM");
    std::string error = ErrorOf(scratch, scratch.Path("keys"));
    CHECK_THAT(error, Catch::Contains("KUTSE_TRUSTED_SERVICE_KEYS_DIR") && Catch::Contains(name));
  }
  Folder scratch;
  CHECK_THAT(ErrorOf(scratch, scratch.Path("no-such-folder")),
             Catch::Contains("KUTSE_TRUSTED_SERVICE_KEYS_DIR"));
  CHECK_THAT(ErrorOf(scratch, scratch.Write("a-file", "x")), Catch::Contains("is not a folder"));
}

TEST_CASE("a service that verifies no caller tokens reads no trusted keys") {
  Folder scratch;
  scratch.Write("keys/workflow.pem", "WORKFLOW PEM");
  CHECK(Read(scratch, scratch.Path("keys"), RuntimeOptions{false}).trusted_service_keys.empty());
}
