// libFuzzer target: verify::VerifyAsice under ASan and UBSan (tests/fuzz/run). The first byte of an
// input chooses what the rest is: even, a whole container (the ZIP layer: names, sizes, sizes that
// lie, compression); odd, the XAdES signature, wrapped here into a well-formed container around the
// seed's PDF (a fuzzed ZIP mostly stops at its CRC check, so the XML needs its own way in). The
// trust anchor is the seed's certificate (KUTSE_FUZZ_TRUST_ANCHOR), the PDF KUTSE_FUZZ_ASICE_PDF.
// A crash, a leak, undefined behaviour or a result that contradicts itself stops the run.
#include <openssl/pem.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "read_file.hpp"
#include "seal/asice_container.hpp"
#include "verify/asice_verifier.hpp"

namespace {

struct Setup {
  X509* anchor = nullptr;  // kept for the process's life
  std::string pdf;
};

Setup& Fixture() {
  static Setup setup;
  return setup;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* file = std::getenv("KUTSE_FUZZ_TRUST_ANCHOR")) {
    const std::string pem = kutse::fuzz::ReadFile(file);
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    Fixture().anchor = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
  }
  if (const char* file = std::getenv("KUTSE_FUZZ_ASICE_PDF")) {
    Fixture().pdf = kutse::fuzz::ReadFile(file);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kutse::stamping;
  if (size == 0) {
    return 0;
  }
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string container;
  if ((data[0] & 1) == 0) {
    container.assign(rest);
  } else {
    const std::vector<seal::DataFile> files{{"K-000123-et.pdf", "application/pdf", Fixture().pdf}};
    try {
      container = seal::WriteAsiceContainer(
          files, std::string(rest), std::chrono::system_clock::time_point(std::chrono::hours(490000)));
    } catch (const std::runtime_error&) {
      return 0;  // the harness's own wrapping, not the verifier
    }
  }
  static const verify::SignerTrust trusted = verify::TrustedBy(Fixture().anchor);
  const verify::SealCheck check = verify::VerifyAsice(container, trusted);
  if (check.Intact() && (!check.covered_sha256 || !check.level)) {
    std::abort();
  }
  if (check.register_seal && !check.Intact()) {
    std::abort();
  }
  return 0;
}
