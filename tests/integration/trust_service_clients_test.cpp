// The TSA and OCSP clients against the real local trust services the test command starts
// (deploy/local/trust-services/tsa_server.py and `openssl ocsp`, KUTSE_TEST_TSA_URL and
// KUTSE_TEST_OCSP_URL, their development CA in KUTSE_TEST_SEAL_DIR), a second `openssl ocsp` started
// here for a revoked certificate, libs/http's server answering what no trust service should, and a
// port nobody listens on. What comes back is checked with the openssl command line.
#include "clients/trust_service_clients.hpp"

#include <openssl/pem.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "clients/ocsp_client.hpp"
#include "clients/tsa_client.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/http/server.hpp"
#include "support/test_env.hpp"
#include "support/test_ports.hpp"
#include "unit/services/stamping/stamping_fixtures.hpp"
#include "verify/time_stamp_check.hpp"
#include "verify/trust_anchors.hpp"

using namespace kutse;
using kutse::stamping::OcspClient;
using kutse::stamping::TsaClient;
using kutse::stamping::TsaOptions;
using kutse::stamping::seal::TrustServiceUnavailable;
using stamping_test::Run;
using stamping_test::TempDir;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

std::string SealDir() {
  return testing::RequiredEnv("KUTSE_TEST_SEAL_DIR");
}

Certificate LoadCertificate(const std::string& path) {
  std::unique_ptr<BIO, decltype(&BIO_free)> file(BIO_new_file(path.c_str(), "r"), &BIO_free);
  REQUIRE(file);
  Certificate certificate(PEM_read_bio_X509(file.get(), nullptr, nullptr, nullptr), &X509_free);
  REQUIRE(certificate);
  return certificate;
}

TsaClient LocalTsa(const std::string& trust_pem, const std::string& policy = "") {
  return TsaClient(
      TsaOptions{testing::RequiredEnv("KUTSE_TEST_TSA_URL"), trust_pem, policy, milliseconds(5000)});
}

OcspClient LocalOcsp() {
  return OcspClient(testing::RequiredEnv("KUTSE_TEST_OCSP_URL"), milliseconds(5000));
}

// Runs `command` (in `dir`) and requires exit code 0; returns what it printed.
std::string MustRun(const TempDir& dir, const std::string& command) {
  const auto result = Run("cd '" + dir.Path() + "' && " + command);
  INFO(command << "\n" << result.output);
  REQUIRE(result.exit_code == 0);
  return result.output;
}

// A certificate the development CA issues here, known to no OCSP index: `<name>_cert.pem`.
std::string IssueCertificate(const TempDir& dir, const std::string& name) {
  MustRun(dir, "openssl req -newkey rsa:2048 -nodes -keyout " + name + "_key.pem -out " + name +
                   ".csr -subj '/C=EE/O=Test/CN=" + name + "' 2>&1 && openssl x509 -req -in " + name +
                   ".csr -CA '" + SealDir() + "/ca.pem' -CAkey '" + SealDir() +
                   "/ca_key.pem' -set_serial 0x$(openssl rand -hex 16) -days 30 -out " + name +
                   "_cert.pem 2>&1");
  return dir.Path() + "/" + name + "_cert.pem";
}

std::string Message(const std::function<void()>& call) {
  try {
    call();
  } catch (const TrustServiceUnavailable& error) {
    return error.what();
  }
  FAIL("no TrustServiceUnavailable");
  return "";
}

// `openssl ocsp` as a responder on a free port for an index of our own; stopped with its process
// group. Two processes (-multi), since the probe for its port leaves one with a request-less
// connection.
class OwnOcspResponder {
 public:
  OwnOcspResponder(const TempDir& dir, const std::string& index) : port_(testing::ClosedPort()) {
    dir.Write("own_index.txt", index);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      const std::string seal = SealDir();
      const std::string port = std::to_string(port_);
      const std::string index_file = dir.Path() + "/own_index.txt";
      const std::string ca = seal + "/ca.pem";
      const std::string signer = seal + "/ocsp_cert.pem";
      const std::string key = seal + "/ocsp_key.pem";
      freopen("/dev/null", "w", stderr);
      execlp("openssl", "openssl", "ocsp", "-port", port.c_str(), "-index", index_file.c_str(), "-CA",
             ca.c_str(), "-rsigner", signer.c_str(), "-rkey", key.c_str(), "-nmin", "5", "-multi", "2",
             "-ignore_err", static_cast<char*>(nullptr));
      _exit(127);
    }
    // Until it listens.
    for (int i = 0;
         i < 100 && Run("bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + std::to_string(port_) + "'").exit_code != 0;
         ++i) {
      std::this_thread::sleep_for(milliseconds(50));
    }
  }
  ~OwnOcspResponder() {
    // -multi: the responder leads its own process group and leaves only once its children have.
    kill(-pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }

 private:
  int port_;
  pid_t pid_ = -1;
};

// libs/http's server on a free port, answering every POST as `answer` says.
class FakeTrustService {
 public:
  explicit FakeTrustService(std::function<http::Response()> answer)
      : router_([&] {
          http::Router router;
          router.Add(
              "POST", "/", [answer](http::Request&) { return answer(); },
              http::RouteOptions{64 * 1024, false, ""});
          return router;
        }()),
        server_(router_, http::ServerOptions{"127.0.0.1", 0, 1, {}}) {
    server_.Start();
  }
  ~FakeTrustService() { server_.Drain(milliseconds(1000)); }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(server_.Port()) + "/"; }

 private:
  http::Router router_;
  http::Server server_;
};

long long MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("a token of the local TSA verifies with openssl ts -verify and carries a fresh nonce",
          "[trust_services]") {
  TempDir dir;
  const std::string data = "the bytes a seal time-stamps";
  dir.Write("data.bin", data);
  const std::string ca = stamping_test::ReadFile(SealDir() + "/ca.pem");
  for (const std::string& trust : {ca, std::string()}) {  // with the TSA's CA, and with none
    INFO((trust.empty() ? "checked with the certificate it carries" : "checked against the CA"));
    const std::string token = LocalTsa(trust).TimeStampToken(common::Sha256(data));
    dir.Write("token.der", token);
    const std::string verified =
        MustRun(dir, "openssl ts -verify -token_in -in token.der -data data.bin -CAfile '" + SealDir() +
                         "/ca.pem' -untrusted '" + SealDir() + "/tsa_cert.pem' 2>&1");
    CHECK_THAT(verified, Catch::Contains("Verification: OK"));
    // The shared verifier of uploads agrees, and trusts the TSA through the development CA.
    const auto anchors = stamping::verify::TrustAnchors::FromPem(ca);
    const stamping::verify::SignerTrust by_ca = stamping::verify::TrustedBy(anchors);
    const auto facts = stamping::verify::CheckTimeStamp(token, data, by_ca);
    REQUIRE(facts);
    CHECK(facts->tsa_trusted);
    CHECK_FALSE(stamping::verify::CheckTimeStamp(token, data + "!", by_ca));
  }
  auto nonce_of = [&](const std::string& token) {
    dir.Write("t.der", token);
    const std::string text =
        MustRun(dir, "openssl ts -reply -token_in -in t.der -token_out -text 2>/dev/null");
    const size_t at = text.find("Nonce: ");
    REQUIRE(at != std::string::npos);
    return text.substr(at, text.find('\n', at) - at);
  };
  const TsaClient tsa = LocalTsa(ca);
  const std::string first = nonce_of(tsa.TimeStampToken(common::Sha256(data)));
  const std::string second = nonce_of(tsa.TimeStampToken(common::Sha256(data)));
  CHECK(first != second);
  CHECK(first != "Nonce: unspecified");
}

TEST_CASE("the TSA's policy is asked for, and a token signed outside the trust file is refused",
          "[trust_services]") {
  const std::string ca = stamping_test::ReadFile(SealDir() + "/ca.pem");
  TempDir dir;
  dir.Write("token.der", LocalTsa(ca, "2.999.1").TimeStampToken(common::Sha256("x")));
  CHECK_THAT(MustRun(dir, "openssl ts -reply -token_in -in token.der -token_out -text 2>/dev/null"),
             Catch::Contains("Policy OID: 2.999.1"));
  CHECK_THAT(Message([&] { LocalTsa(ca, "1.2.3.4.5").TimeStampToken(common::Sha256("x")); }),
             Catch::Contains("time-stamping authority: the request was not granted"));

  MustRun(dir,
          "openssl req -x509 -newkey rsa:2048 -nodes -keyout other_key.pem -out other_ca.pem -days 1 "
          "-subj '/CN=Another CA' 2>&1");
  const std::string other = stamping_test::ReadFile(dir.Path() + "/other_ca.pem");
  CHECK_THAT(Message([&] { LocalTsa(other).TimeStampToken(common::Sha256("x")); }),
             Catch::Contains("signature or TSA certificate does not verify"));
  CHECK_THROWS_AS(LocalTsa("not a PEM"), std::invalid_argument);
  CHECK_THROWS_AS(LocalTsa(ca).TimeStampToken("short"), std::invalid_argument);
}

TEST_CASE("the local OCSP responder says good for the seal, and openssl agrees", "[trust_services]") {
  TempDir dir;
  Certificate seal = LoadCertificate(SealDir() + "/seal_cert.pem");  // the first in the file
  Certificate ca = LoadCertificate(SealDir() + "/ca.pem");
  const std::string response = LocalOcsp().Response(seal.get(), ca.get());
  dir.Write("response.der", response);
  const std::string checked = MustRun(dir, "openssl x509 -in '" + SealDir() +
                                               "/seal_cert.pem' -out seal.pem && openssl ocsp -respin "
                                               "response.der -CAfile '" +
                                               SealDir() + "/ca.pem' -issuer '" + SealDir() +
                                               "/ca.pem' -cert seal.pem -no_nonce 2>&1");
  CHECK_THAT(checked, Catch::Contains("Response verify OK"));
  CHECK_THAT(checked, Catch::Contains("seal.pem: good"));
  // No cache: each call is a new response with a new nonce.
  CHECK(LocalOcsp().Response(seal.get(), ca.get()) != response);
}

TEST_CASE("a certificate the responder does not know, or has revoked, is refused", "[trust_services]") {
  TempDir dir;
  Certificate ca = LoadCertificate(SealDir() + "/ca.pem");
  Certificate unknown = LoadCertificate(IssueCertificate(dir, "unknown"));
  CHECK_THAT(Message([&] { LocalOcsp().Response(unknown.get(), ca.get()); }),
             Catch::Contains("OCSP responder: the certificate's status is unknown"));

  const std::string revoked_file = IssueCertificate(dir, "revoked");
  const std::string serial = MustRun(dir, "openssl x509 -in revoked_cert.pem -noout -serial | cut -d= -f2");
  const std::string index = "R\t301231235959Z\t" +
                            MustRun(dir, "date -u -d '-1 hour' +%y%m%d%H%M%SZ | tr -d '\\n'") + "\t" +
                            serial.substr(0, serial.size() - 1) + "\tunknown\t/C=EE/O=Test/CN=revoked\n";
  OwnOcspResponder responder(dir, index);
  Certificate revoked = LoadCertificate(revoked_file);
  CHECK_THAT(
      Message([&] { OcspClient(responder.Url(), milliseconds(5000)).Response(revoked.get(), ca.get()); }),
      Catch::Contains("OCSP responder: the certificate's status is revoked"));
  // A response about a certificate of another issuer does not verify with this one.
  Certificate seal = LoadCertificate(SealDir() + "/seal_cert.pem");
  MustRun(
      dir,
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout o.pem -out other_ca.pem -days 1 -subj /CN=X 2>&1");
  Certificate other = LoadCertificate(dir.Path() + "/other_ca.pem");
  CHECK_THAT(Message([&] { LocalOcsp().Response(seal.get(), other.get()); }),
             Catch::Contains("OCSP responder:"));
}

TEST_CASE("a closed port fails within the timeout, naming the service and no URL", "[trust_services]") {
  const std::string url = "http://user:secret@127.0.0.1:" + std::to_string(testing::ClosedPort()) + "/tsa";
  Certificate seal = LoadCertificate(SealDir() + "/seal_cert.pem");
  Certificate ca = LoadCertificate(SealDir() + "/ca.pem");
  auto started = Clock::now();
  const std::string tsa = Message([&] {
    TsaClient(TsaOptions{url, "", "", milliseconds(800)}).TimeStampToken(common::Sha256("x"));
  });
  CHECK(MillisecondsSince(started) < 1500);
  CHECK_THAT(tsa, Catch::StartsWith("time-stamping authority: not reachable"));
  started = Clock::now();
  const std::string ocsp =
      Message([&] { OcspClient(url, milliseconds(800)).Response(seal.get(), ca.get()); });
  CHECK(MillisecondsSince(started) < 1500);
  CHECK_THAT(ocsp, Catch::StartsWith("OCSP responder: not reachable"));
  for (const std::string& message : {tsa, ocsp}) {
    CHECK_THAT(message, !Catch::Contains("secret") && !Catch::Contains("127.0.0.1"));
  }
}

TEST_CASE("a server answering 500, another media type, junk or too slowly is refused", "[trust_services]") {
  Certificate seal = LoadCertificate(SealDir() + "/seal_cert.pem");
  Certificate ca = LoadCertificate(SealDir() + "/ca.pem");
  struct Case {
    const char* what;
    std::function<http::Response()> answer;
    const char* tsa_reason;
    const char* ocsp_reason;
  };
  const std::vector<Case> cases = {
      {"500", [] { return http::Response::Text(500, "text/plain", "a body that must not show"); },
       "answered HTTP 500", "answered HTTP 500"},
      {"HTML", [] { return http::Response::Text(200, "text/html", "<html>login</html>"); },
       "another media type", "another media type"},
      {"junk as a reply",
       [] { return http::Response::Text(200, "application/timestamp-reply", "junk that must not show"); },
       "not a TimeStampResp", "another media type"},
      {"junk as a response",
       [] { return http::Response::Text(200, "application/ocsp-response", "junk that must not show"); },
       "another media type", "not an OCSPResponse"},
      {"slow",
       [] {
         std::this_thread::sleep_for(milliseconds(1500));
         return http::Response::Text(200, "application/timestamp-reply", "late");
       },
       "no answer in time", "no answer in time"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    FakeTrustService server(c.answer);
    const std::string tsa = Message([&] {
      TsaClient(TsaOptions{server.Url(), "", "", milliseconds(600)}).TimeStampToken(common::Sha256("x"));
    });
    CHECK_THAT(tsa, Catch::StartsWith("time-stamping authority: ") && Catch::Contains(c.tsa_reason));
    const std::string ocsp =
        Message([&] { OcspClient(server.Url(), milliseconds(600)).Response(seal.get(), ca.get()); });
    CHECK_THAT(ocsp, Catch::StartsWith("OCSP responder: ") && Catch::Contains(c.ocsp_reason));
    for (const std::string& message : {tsa, ocsp}) {
      CHECK_THAT(message, !Catch::Contains("must not show") && !Catch::Contains("127.0.0.1"));
    }
  }
}

TEST_CASE("the trust services from the settings stamp and answer as their clients do", "[trust_services]") {
  stamping::TrustServiceSettings settings;
  settings.tsa_url = testing::RequiredEnv("KUTSE_TEST_TSA_URL");
  settings.ocsp_url = testing::RequiredEnv("KUTSE_TEST_OCSP_URL");
  settings.tsa_trust_pem = stamping_test::ReadFile(SealDir() + "/ca.pem");
  const stamping::TrustServiceClients services(settings);
  CHECK(services.Describe() == "TSA 127.0.0.1, OCSP 127.0.0.1");
  CHECK(stamping::verify::CheckTimeStamp(services.TimeStampToken(common::Sha256("data")), "data", nullptr));
  Certificate seal = LoadCertificate(SealDir() + "/seal_cert.pem");
  Certificate ca = LoadCertificate(SealDir() + "/ca.pem");
  CHECK_FALSE(services.OcspResponse(seal.get(), ca.get()).empty());
  settings.tsa_trust_pem = "no certificate here";
  CHECK_THROWS_AS(stamping::TrustServiceClients(settings), common::ConfigError);
}
