// The workflow's CertificateFactsClient (ADR 0008) on real HTTP. Against a server of libs/http
// started here, which answers as the certificate service would and as it must not: what each
// answer becomes, what the client sends (the path, the workflow's own token for the certificate
// service), and that a port nobody listens on or a server that does not answer ends within the
// budget. The cases tagged [cluster] ask the real certificate service of an e2e cluster instead
// (tests/e2e/service_calls.test.mjs runs them with that cluster's address and key; they are hidden
// from a plain run, which has no cluster).
#include "clients/certificate_facts_client.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "kutse/http/server.hpp"
#include "support/test_env.hpp"
#include "support/test_keys.hpp"
#include "support/test_ports.hpp"
#include "workflow_service.hpp"

using namespace kutse;
using std::chrono::milliseconds;
using workflow::CertificateFacts;
using workflow::CertificateFactsClient;
using workflow::CertificateFactsClientOptions;
using workflow::CertificateStatus;
using Clock = std::chrono::steady_clock;

namespace {

nlohmann::json FactsJson(const std::string& number) {
  return {{"number", number},
          {"holder_personal_code", "49102030219"},
          {"holder_name", "Õie Šmidt"},
          {"status", "expired"},
          {"replaced_by", "K-000043"},
          {"awarding_body_id", "80012345"},
          {"body_active", true},
          {"body_holds_right_today", false},
          {"standard_code", "KEEV-4"},
          {"qualification_name_et", "Keevitaja, tase 4"},
          {"qualification_name_en", "Welder, level 4"},
          {"level", 4}};
}

// Stands in for the certificate service's facts route: the number says how to answer. It keeps
// what the last call's token turned out to be, checked as the certificate service checks it.
class FactsServer {
 public:
  explicit FactsServer(const std::string& workflow_public_pem)
      : verifier_("certificate", {{"workflow", auth::Es256Key::FromPublicPem(workflow_public_pem)}}),
        router_(Routes()),
        server_(router_, http::ServerOptions{"127.0.0.1", 0, 2, {}}) {
    server_.Start();
  }
  ~FactsServer() { server_.Drain(milliseconds(2000)); }  // longer than K-SLOW takes

  std::string Url() const { return "http://127.0.0.1:" + std::to_string(server_.Port()); }
  std::optional<std::string> LastCaller() {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_caller_;
  }

 private:
  http::Router Routes() {
    http::Router router;
    router.Add("GET", "/internal/v1/certificates/{number}/facts", [this](http::Request& request) {
      const std::string& number = request.PathParam("number");
      {
        std::lock_guard<std::mutex> lock(mutex_);
        last_caller_.reset();
        auto header = request.Header("authorization").value_or("");
        if (header.rfind("Bearer ", 0) == 0) {
          auto caller = verifier_.Verify(header.substr(7));
          if (caller.ok()) {
            last_caller_ = caller->service;
          }
        }
      }
      if (number == "K-MISSING") {
        return http::Response::Json(404, {{"code", "not_found"}});
      }
      if (number == "K-500") {
        return http::Response::Json(500, {{"code", "internal"}});
      }
      if (number == "K-503") {
        return http::Response::Json(503, {{"code", "unavailable"}}).WithHeader("Retry-After", "7");
      }
      if (number == "K-401") {
        return http::Response::Json(401, {{"code", "unauthenticated"}});
      }
      if (number == "K-SLOW") {
        std::this_thread::sleep_for(milliseconds(1500));
      }
      if (number == "K-JUNK") {
        return http::Response::Text(200, "application/json", "{\"number\": \"K-JUNK\", ");
      }
      nlohmann::json facts = FactsJson(number == "K-OTHER" ? "K-000001" : number);
      if (number == "K-SHAPE") {
        facts.erase("body_active");
      }
      if (number == "K-STATUS") {
        facts["status"] = "lost";
      }
      if (number == "K-HISTORIC") {
        facts["standard_code"] = nullptr;
        facts["qualification_name_en"] = nullptr;
        facts["replaced_by"] = nullptr;
      }
      return http::Response::Json(200, facts);
    });
    return router;
  }

  auth::ServiceTokenVerifier verifier_;
  std::mutex mutex_;
  std::optional<std::string> last_caller_;
  http::Router router_;
  http::Server server_;  // last: gone first, with the threads that use the members above
};

CertificateFactsClient ClientFor(const std::string& url, const testing::PemKeyPair& keys,
                                 milliseconds attempt_timeout = workflow::kFactsAttemptTimeout,
                                 milliseconds budget = workflow::kFactsBudget) {
  workflow::LoadMessages();
  auto signer = std::make_shared<auth::ServiceTokenSigner>("workflow",
                                                           auth::Es256Key::FromPrivatePem(keys.private_pem));
  return CertificateFactsClient(
      CertificateFactsClientOptions{url, milliseconds(300), attempt_timeout, budget}, signer);
}

long long MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
}

std::string FileText(const std::string& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<std::string> TextOrNull(const nlohmann::json& value) {
  return value.is_null() ? std::nullopt : std::optional<std::string>(value.get<std::string>());
}

}  // namespace

TEST_CASE("an answer of the facts route becomes the workflow's CertificateFacts", "[facts_client]") {
  auto keys = testing::NewP256KeyPair();
  FactsServer server(keys.public_pem);
  auto client = ClientFor(server.Url(), keys);

  auto facts = client.Fetch("K-000042");
  REQUIRE(facts.ok());
  CHECK(facts->number == "K-000042");
  CHECK(facts->holder_personal_code == "49102030219");
  CHECK(facts->holder_name == "Õie Šmidt");
  CHECK(facts->status == CertificateStatus::kExpired);
  CHECK(facts->replaced_by == std::optional<std::string>("K-000043"));
  CHECK(facts->awarding_body_id == "80012345");
  CHECK(facts->body_active);
  CHECK_FALSE(facts->body_holds_right_today);
  CHECK(facts->standard_code == "KEEV-4");
  CHECK(facts->qualification_name_et == "Keevitaja, tase 4");
  CHECK(facts->qualification_name_en == std::optional<std::string>("Welder, level 4"));
  CHECK(facts->level == 4);
  // The call carried the workflow's own token for the certificate service.
  CHECK(server.LastCaller() == std::optional<std::string>("workflow"));

  // An old number with a slash reaches the route as one segment; nulls are read as absent.
  auto historic = client.Fetch("K-HISTORIC");
  REQUIRE(historic.ok());
  CHECK(historic->standard_code.empty());
  CHECK_FALSE(historic->qualification_name_en);
  CHECK_FALSE(historic->replaced_by);
  auto slashed = client.Fetch("KT-1998/042");
  REQUIRE(slashed.ok());
  CHECK(slashed->number == "KT-1998/042");
}

TEST_CASE("not found, unavailable and unreadable answers become their Status", "[facts_client]") {
  auto keys = testing::NewP256KeyPair();
  FactsServer server(keys.public_pem);
  auto client = ClientFor(server.Url(), keys);

  CHECK(client.Fetch("K-MISSING").status().code() == common::StatusCode::kNotFound);
  CHECK(client.Fetch("K-MISSING").status().message().key == "workflow.certificate_not_found");

  auto failing = client.Fetch("K-500");
  CHECK(failing.status().code() == common::StatusCode::kUnavailable);
  CHECK(failing.status().message().key == "workflow.certificate_service_unavailable");
  auto busy = client.Fetch("K-503");
  CHECK(busy.status().code() == common::StatusCode::kUnavailable);
  CHECK(busy.status().retry_after() == std::optional<std::chrono::seconds>(std::chrono::seconds(7)));

  for (const char* number : {"K-JUNK", "K-SHAPE", "K-STATUS", "K-OTHER"}) {
    INFO(number);
    auto unreadable = client.Fetch(number);
    CHECK(unreadable.status().code() == common::StatusCode::kInternal);
    CHECK(unreadable.status().message().key == "workflow.certificate_facts_unreadable");
  }
  // The workflow's own token refused is a deployment error, not the holder's to retry.
  CHECK(client.Fetch("K-401").status().code() == common::StatusCode::kInternal);
}

TEST_CASE("a dead port or a silent service is unavailable within the budget", "[facts_client]") {
  auto keys = testing::NewP256KeyPair();
  auto started = Clock::now();
  auto refused =
      ClientFor("http://127.0.0.1:" + std::to_string(testing::ClosedPort()), keys).Fetch("K-000042");
  CHECK(refused.status().code() == common::StatusCode::kUnavailable);
  CHECK(refused.status().message().key == "workflow.certificate_service_unavailable");
  CHECK(MillisecondsSince(started) < workflow::kFactsBudget.count());

  FactsServer server(keys.public_pem);
  started = Clock::now();
  auto slow = ClientFor(server.Url(), keys, milliseconds(300), milliseconds(800)).Fetch("K-SLOW");
  CHECK(slow.status().code() == common::StatusCode::kUnavailable);
  CHECK(MillisecondsSince(started) < 1200);
  // The constants leave the gateway's 10 s for an answer well clear.
  CHECK(workflow::kFactsBudget + workflow::kFactsConnectTimeout < std::chrono::seconds(10) / 2);
}

// The real certificate service of an e2e cluster: KUTSE_TEST_CERTIFICATE_URL, the workflow's key
// KUTSE_TEST_WORKFLOW_KEY_FILE, and KUTSE_TEST_EXPECTED_FACTS, a JSON array of the facts the e2e
// test has read and checked through the route itself. Hidden ([.]) from the plain run of this
// binary because it needs that cluster: e2e.service_calls runs it with the filter [cluster] and
// fails unless exactly this one case ran and passed.
TEST_CASE("the real certificate service's facts are read as it gives them", "[.][cluster]") {
  testing::PemKeyPair keys{FileText(testing::RequiredEnv("KUTSE_TEST_WORKFLOW_KEY_FILE")), ""};
  workflow::LoadMessages();
  auto signer = std::make_shared<auth::ServiceTokenSigner>("workflow",
                                                           auth::Es256Key::FromPrivatePem(keys.private_pem));
  CertificateFactsClient client(
      CertificateFactsClientOptions{testing::RequiredEnv("KUTSE_TEST_CERTIFICATE_URL")}, signer);
  const auto expected = nlohmann::json::parse(testing::RequiredEnv("KUTSE_TEST_EXPECTED_FACTS"));
  REQUIRE(expected.size() >= 2);
  for (const auto& want : expected) {
    const std::string number = want["number"].get<std::string>();
    INFO(number);
    auto facts = client.Fetch(number);
    REQUIRE(facts.ok());
    CHECK(facts->number == number);
    CHECK(facts->holder_personal_code == want["holder_personal_code"].get<std::string>());
    CHECK(facts->holder_name == want["holder_name"].get<std::string>());
    CHECK(facts->replaced_by == TextOrNull(want["replaced_by"]));
    CHECK(facts->awarding_body_id == want["awarding_body_id"].get<std::string>());
    CHECK(facts->body_active == want["body_active"].get<bool>());
    CHECK(facts->body_holds_right_today == want["body_holds_right_today"].get<bool>());
    CHECK(facts->standard_code == TextOrNull(want["standard_code"]).value_or(""));
    CHECK(facts->qualification_name_et == want["qualification_name_et"].get<std::string>());
    CHECK(facts->qualification_name_en == TextOrNull(want["qualification_name_en"]));
    CHECK(facts->level == want["level"].get<int>());
    const std::map<std::string, CertificateStatus> statuses = {
        {"valid", CertificateStatus::kValid},
        {"expired", CertificateStatus::kExpired},
        {"invalidated", CertificateStatus::kInvalidated},
        {"annulled", CertificateStatus::kAnnulled}};
    CHECK(facts->status == statuses.at(want["status"].get<std::string>()));
  }
  auto unknown = client.Fetch("K-999999");
  CHECK(unknown.status().code() == common::StatusCode::kNotFound);
}
