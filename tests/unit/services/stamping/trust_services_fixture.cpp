#include "trust_services_fixture.hpp"

#include <openssl/pem.h>

#include <iomanip>
#include <memory>
#include <sstream>

namespace stamping_test {
namespace {

using kutse::stamping::seal::TrustServiceUnavailable;

std::string Hex(const std::string& bytes) {
  std::ostringstream out;
  for (unsigned char c : bytes)
    out << std::hex << std::setw(2) << std::setfill('0') << static_cast<int>(c);
  return out.str();
}

void WritePem(const std::string& path, X509* certificate) {
  std::unique_ptr<BIO, decltype(&BIO_free)> file(BIO_new_file(path.c_str(), "w"), &BIO_free);
  if (!file || PEM_write_bio_X509(file.get(), certificate) != 1)
    throw std::runtime_error("cannot write " + path);
}

void RunOrThrow(const std::string& command) {
  const CommandResult result = Run(command);
  if (result.exit_code != 0)
    throw TrustServiceUnavailable("the test trust service failed: " + result.output);
}

}  // namespace

CliTrustServices::CliTrustServices(const TempDir& dir, bool seal_revoked) : dir_(dir.Path()) {
  tsa_certificate_file_ = dir_ + "/tsa_cert.pem";
  const std::string config = "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\nserial = " + dir_ +
                             "/tsa_serial\ncrypto_device = builtin\nsigner_cert = " + dir_ +
                             "/tsa_cert.pem\ncerts = " + dir_ + "/ca.pem\nsigner_key = " + dir_ +
                             "/tsa_key.pem\nsigner_digest = sha256\ndefault_policy = 1.3.6.1.4.1.4146.2.3\n"
                             "digests = sha256, sha384, sha512\naccuracy = secs:1\nordering = yes\n"
                             "tsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n";
  dir.Write("tsa.cnf", config);
  const std::string revocation = seal_revoked ? "R\\t$end\\t$(date -u +%y%m%d%H%M%SZ)" : "V\\t$end\\t";
  const std::string script =
      "set -e; cd '" + dir_ +
      "'; "
      "echo 01 > tsa_serial; "
      "openssl req -newkey rsa:2048 -nodes -keyout tsa_key.pem -out tsa.csr -subj '/C=EE/O=Test TSA/CN=Test "
      "TSA'; "
      "printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\n"
      "extendedKeyUsage=critical,timeStamping\\n' > tsa.ext; "
      "openssl x509 -req -in tsa.csr -CA ca.pem -CAkey ca_key.pem -CAcreateserial -days 30 -extfile tsa.ext "
      "-out tsa_cert.pem; "
      "openssl req -newkey rsa:2048 -nodes -keyout ocsp_key.pem -out ocsp.csr -subj '/C=EE/O=Test "
      "OCSP/CN=Test "
      "OCSP'; "
      "printf "
      "'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature\\nextendedKeyUsage=OCSPSigning\\n' "
      "> ocsp.ext; "
      "openssl x509 -req -in ocsp.csr -CA ca.pem -CAkey ca_key.pem -CAcreateserial -days 30 -extfile "
      "ocsp.ext "
      "-out ocsp_cert.pem; "
      "end=$(date -u -d \"$(openssl x509 -in seal_only.pem -noout -enddate | cut -d= -f2)\" +%y%m%d%H%M%SZ); "
      "serial=$(openssl x509 -in seal_only.pem -noout -serial | cut -d= -f2); "
      "subject=$(openssl x509 -in seal_only.pem -noout -subject -nameopt compat | sed 's/^subject=//'); "
      "printf \"" +
      revocation + "\\t$serial\\tunknown\\t$subject\\n\" > index.txt";
  const CommandResult made = Run("bash " + dir.Write("make_trust_services.sh", script));
  if (made.exit_code != 0)
    throw std::runtime_error("openssl could not make the test TSA and OCSP responder: " + made.output);
}

std::string CliTrustServices::TimeStampToken(const std::string& sha256) const {
  std::lock_guard<std::mutex> lock(mutex_);
  ++time_stamp_calls_;
  if (down_)
    throw TrustServiceUnavailable("the time-stamping authority is down (test)");
  RunOrThrow("cd '" + dir_ + "' && openssl ts -query -digest " + Hex(sha256) +
             " -sha256 -cert -out query.tsq && openssl ts -reply -config tsa.cnf -queryfile query.tsq "
             "-token_out -out token.der");
  return ReadFile(dir_ + "/token.der");
}

std::string CliTrustServices::OcspResponse(X509* certificate, X509* issuer) const {
  std::lock_guard<std::mutex> lock(mutex_);
  ++ocsp_calls_;
  if (down_)
    throw TrustServiceUnavailable("the OCSP responder is down (test)");
  WritePem(dir_ + "/asked.pem", certificate);
  WritePem(dir_ + "/asked_issuer.pem", issuer);
  RunOrThrow("cd '" + dir_ +
             "' && openssl ocsp -issuer asked_issuer.pem -cert asked.pem -no_nonce -reqout request.der && "
             "openssl ocsp -index index.txt -CA ca.pem -rsigner ocsp_cert.pem -rkey ocsp_key.pem -reqin "
             "request.der -respout response.der -nmin 60");
  return ReadFile(dir_ + "/response.der");
}

}  // namespace stamping_test
