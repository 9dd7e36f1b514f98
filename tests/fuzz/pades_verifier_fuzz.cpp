// libFuzzer target: verify::VerifyPades on arbitrary bytes, under ASan and UBSan (tests/fuzz/run).
// The trust anchors are the seed's own certificate when KUTSE_FUZZ_TRUST_ANCHOR names its PEM, so
// inputs near the seed reach the chain check too. A crash, a leak, undefined behaviour or a result
// that contradicts itself (an intact seal without a digest) stops the run.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "read_file.hpp"
#include "verify/pades_verifier.hpp"

namespace {

kutse::stamping::verify::TrustAnchors& Anchors() {
  static kutse::stamping::verify::TrustAnchors anchors;
  return anchors;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* file = std::getenv("KUTSE_FUZZ_TRUST_ANCHOR")) {
    Anchors() = kutse::stamping::verify::TrustAnchors::FromPem(kutse::fuzz::ReadFile(file));
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto check = kutse::stamping::verify::VerifyPades(input, Anchors());
  if (check.Intact() && (!check.covered_sha256 || !check.level)) {
    std::abort();
  }
  if (check.register_seal && !check.Intact()) {
    std::abort();
  }
  return 0;
}
