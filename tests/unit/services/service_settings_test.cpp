// Each service reads exactly the settings its description lists (libs/runtime/settings.txt plus
// services/<service>/settings.txt), refuses to start without a required one and refuses a malformed
// one, naming it. Driven by the descriptions: a setting declared and not read, or read and not
// declared, fails here.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "certificate_settings.hpp"
#include "gateway_settings.hpp"
#include "kutse/common/config.hpp"
#include "kutse/runtime/runtime_settings.hpp"
#include "notification_settings.hpp"
#include "stamping_settings.hpp"
#include "support/settings_description.hpp"
#include "workflow_settings.hpp"

using kutse::common::Config;
using kutse::common::ConfigError;
using kutse::testing::DescribedSetting;
using kutse::testing::DescribedSettings;

namespace {

using Reader = std::function<void(const Config&)>;
using Values = std::map<std::string, std::string>;

// Files the file settings name, removed with the folder.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kutse-settings-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("mkdtemp failed");
    }
    path_ = pattern;
  }
  ~ScratchFolder() { std::filesystem::remove_all(path_); }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  std::string File(const std::string& name, const std::string& contents) const {
    std::string file = (path_ / name).string();
    std::ofstream(file) << contents;
    return file;
  }
  std::string Path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::pair<long long, long long> Range(const std::string& kind) {  // "int:MIN..MAX"
  const size_t dots = kind.find("..");
  return {std::stoll(kind.substr(4, dots - 4)), std::stoll(kind.substr(dots + 2))};
}

// A value the service must take for a setting of this kind; text settings with a shape of their own
// (an address, an smtp:// URL) and a file with a format get theirs by name.
std::string ValidValue(const DescribedSetting& s, const ScratchFolder& scratch) {
  static const std::map<std::string, std::string> kByName = {{"KUTSE_SMTP_URL", "smtp://127.0.0.1:2525"},
                                                             {"KUTSE_MAIL_FROM", "teated@kutse.test"},
                                                             {"KUTSE_STATE_PORTAL_DOMAIN", "eesti.ee"},
                                                             {"KUTSE_STAMPING_TSA_POLICY", "1.2.3.4.1"},
                                                             {"KUTSE_TRUSTED_PROXIES", "10.0.0.0/8, ::1"}};
  if (auto found = kByName.find(s.name); found != kByName.end()) {
    return found->second;
  }
  if (s.name == "KUTSE_SMTP_CREDENTIALS_FILE") {
    return scratch.File(s.name, "kutse:secret\n");
  }
  static const std::map<std::string, std::string> kByKind = {
      {"port", "8080"},
      {"flag", "enabled"},
      {"url", "http://127.0.0.1:1"},
      {"amqp-url", "amqp://kutse:secret@127.0.0.1:5672/kutse"},
      {"dsn", "host=127.0.0.1 dbname=kutse"},
      {"personal-codes", "47302200234"},
      {"text", "kutse"}};
  if (auto found = kByKind.find(s.kind); found != kByKind.end()) {
    return found->second;
  }
  if (s.kind == "file") {
    return scratch.File(s.name, "contents of " + s.name);
  }
  if (s.kind == "dir") {
    return scratch.Path();
  }
  if (StartsWith(s.kind, "int:")) {
    return std::to_string(Range(s.kind).second);
  }
  if (StartsWith(s.kind, "choice:")) {
    return s.kind.substr(7, s.kind.find('|') - 7);
  }
  FAIL("kind " << s.kind << " of " << s.name << " has no test value here");
  return "";
}

// Values the service must refuse for a setting of this kind; none for kinds it takes as text.
std::vector<std::string> InvalidValues(const DescribedSetting& s, const ScratchFolder& scratch) {
  if (s.name == "KUTSE_TRUSTED_PROXIES") {
    return {"localhost", "10.0.0.0/33"};
  }
  static const std::map<std::string, std::vector<std::string>> kByKind = {
      {"port", {"0", "65536", "80a"}},
      {"flag", {"maybe"}},
      {"amqp-url", {"http://127.0.0.1:5672/kutse"}},
      {"personal-codes", {"47302200234,12345"}}};
  if (auto found = kByKind.find(s.kind); found != kByKind.end()) {
    return found->second;
  }
  if (s.kind == "file") {
    return {scratch.Path() + "/no-such-file"};
  }
  if (StartsWith(s.kind, "int:")) {
    auto [min, max] = Range(s.kind);
    return {std::to_string(min - 1), std::to_string(max + 1), "12x"};
  }
  if (StartsWith(s.kind, "choice:")) {
    return {"loudest"};
  }
  return {};
}

Config Recording(const Values& values, std::set<std::string>* read = nullptr) {
  return Config([values, read](const std::string& name) -> std::optional<std::string> {
    if (read != nullptr) {
      read->insert(name);
    }
    auto found = values.find(name);
    if (found == values.end()) {
      return std::nullopt;
    }
    return found->second;
  });
}

// The ConfigError's message, or "" when the settings were read without one.
std::string ConfigErrorOf(const Reader& read, const Values& values) {
  try {
    read(Recording(values));
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

// Optional settings given together or not at all: one without its partner is refused, naming the
// partner that is missing.
const std::map<std::string, std::string> kPartners = {{"KUTSE_STAMPING_TSA_URL", "KUTSE_STAMPING_OCSP_URL"},
                                                      {"KUTSE_STAMPING_OCSP_URL", "KUTSE_STAMPING_TSA_URL"}};

void CheckAgainstDescription(const std::string& service, const Reader& read) {
  const std::vector<DescribedSetting> described = DescribedSettings(service);
  REQUIRE_FALSE(described.empty());
  ScratchFolder scratch;
  Values valid;
  std::set<std::string> names;
  for (const auto& s : described) {
    valid[s.name] = ValidValue(s, scratch);
    names.insert(s.name);
  }

  std::set<std::string> read_names;
  REQUIRE_NOTHROW(read(Recording(valid, &read_names)));
  CHECK(read_names == names);

  for (const auto& s : described) {
    INFO(service << ": " << s.name << " (" << s.need << ", " << s.kind << ")");
    Values without = valid;
    without.erase(s.name);
    if (s.need == "required") {
      CHECK_THAT(ConfigErrorOf(read, without), Catch::Contains(s.name));
    } else if (auto partner = kPartners.find(s.name); partner != kPartners.end()) {
      CHECK_THAT(ConfigErrorOf(read, without), Catch::Contains(s.name));
      without.erase(partner->second);
      CHECK(ConfigErrorOf(read, without).empty());
    } else {
      CHECK(ConfigErrorOf(read, without).empty());
    }
    for (const auto& bad : InvalidValues(s, scratch)) {
      INFO("value " << bad);
      Values with_bad = valid;
      with_bad[s.name] = bad;
      CHECK_THAT(ConfigErrorOf(read, with_bad), Catch::Contains(s.name));
    }
  }
}

void ReadRuntime(const Config& config) {
  kutse::runtime::RuntimeSettings::Read(config, kutse::runtime::RuntimeOptions{});
}

}  // namespace

TEST_CASE("the gateway reads the settings libs/runtime and services/gateway describe, and no others") {
  CheckAgainstDescription("gateway", [](const Config& config) {
    kutse::runtime::RuntimeSettings::Read(config, kutse::gateway::kRuntimeOptions);
    kutse::gateway::GatewaySettings::Read(config);
  });
}

TEST_CASE("the certificate service reads the settings libs/runtime and services/certificate describe") {
  CheckAgainstDescription("certificate", [](const Config& config) {
    ReadRuntime(config);
    kutse::certificate::CertificateSettings::Read(config);
  });
}

TEST_CASE("the workflow service reads the settings libs/runtime and services/workflow describe") {
  CheckAgainstDescription("workflow", [](const Config& config) {
    ReadRuntime(config);
    kutse::workflow::WorkflowSettings::Read(config);
  });
}

TEST_CASE("the notification service reads the settings libs/runtime and services/notification describe") {
  CheckAgainstDescription("notification", [](const Config& config) {
    ReadRuntime(config);
    kutse::notification::NotificationSettings::Read(config);
  });
}

TEST_CASE("the stamping service reads the settings libs/runtime and services/stamping describe") {
  CheckAgainstDescription("stamping", [](const Config& config) {
    ReadRuntime(config);
    kutse::stamping::StampingSettings::Read(config);
  });
}

TEST_CASE("the settings are read into the struct as given") {
  ScratchFolder scratch;
  Values values = {{"KUTSE_HTTP_PORT", "8081"},
                   {"KUTSE_DB_DSN", "host=db dbname=kutse"},
                   {"KUTSE_AMQP_URL", "amqp://u:p@broker:5673/kutse"},
                   {"KUTSE_MIGRATIONS_DIR", "/migrations"},
                   {"KUTSE_TOKEN_PUBLIC_KEY_FILE", scratch.File("public.pem", "PUBLIC PEM")},
                   {"KUTSE_LOG_LEVEL", "warn"},
                   {"KUTSE_DRAIN_DELAY_MS", "250"},
                   {"KUTSE_EXPIRY_INTERVAL_MS", "1500"}};
  auto runtime = kutse::runtime::RuntimeSettings::Read(Recording(values), kutse::runtime::RuntimeOptions{});
  CHECK(runtime.http_port == 8081);
  CHECK(runtime.db_dsn == "host=db dbname=kutse");
  CHECK(runtime.amqp.host == "broker");
  CHECK(runtime.amqp.port == 5673);
  CHECK(runtime.amqp.vhost == "kutse");
  CHECK(runtime.migrations_dir == "/migrations");
  CHECK(runtime.token_public_key_pem == std::optional<std::string>("PUBLIC PEM"));
  CHECK(runtime.log_level == kutse::common::log::Level::kWarn);
  CHECK(runtime.drain_delay == std::chrono::milliseconds(250));
  CHECK(runtime.db_pool_size == 8);  // the described defaults
  CHECK(runtime.drain_timeout == std::chrono::milliseconds(15000));
  CHECK(kutse::certificate::CertificateSettings::Read(Recording(values)).expiry_interval ==
        std::chrono::milliseconds(1500));
  CHECK(kutse::certificate::CertificateSettings::Read(Recording({})).expiry_interval ==
        std::chrono::milliseconds(60000));
  CHECK(runtime.trusted_service_keys.empty());  // unset: no service tokens accepted
  CHECK(runtime.amqp_queue_type == kutse::bus::QueueType::kClassic);
  values["KUTSE_AMQP_QUEUE_TYPE"] = "quorum";
  CHECK(kutse::runtime::RuntimeSettings::Read(Recording(values), kutse::runtime::RuntimeOptions{})
            .amqp_queue_type == kutse::bus::QueueType::kQuorum);

  values["KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE"] = scratch.File("workflow.key", "PRIVATE PEM");
  values["KUTSE_UPSTREAM_CERTIFICATE"] = "http://certificate:8080";
  auto workflow = kutse::workflow::WorkflowSettings::Read(Recording(values));
  CHECK(workflow.service_token_private_key_pem == "PRIVATE PEM");
  CHECK(workflow.upstream_certificate == "http://certificate:8080");
  CHECK(workflow.answer_days == 30);  // the statutory default
  values["KUTSE_REQUEST_ANSWER_DAYS"] = "14";
  CHECK(kutse::workflow::WorkflowSettings::Read(Recording(values)).answer_days == 14);
  for (const char* wrong : {"0", "366", "kuu"}) {
    values["KUTSE_REQUEST_ANSWER_DAYS"] = wrong;
    CHECK_THROWS_AS(kutse::workflow::WorkflowSettings::Read(Recording(values)), kutse::common::ConfigError);
  }
}
