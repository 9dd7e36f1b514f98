// Writes a certificate PDF sealed by the stamping service's own renderer and PAdES sealer: the seed
// of the PAdES verifier's fuzz corpus (tests/fuzz/run). Usage: make_pades_seed KEY.pem CERT.pem OUT.pdf
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pdf/certificate_renderer.hpp"
#include "seal/pades_sealer.hpp"
#include "stamping_service.hpp"

namespace {

std::string Read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_pades_seed KEY.pem CERT.pem OUT.pdf\n";
    return 2;
  }
  using namespace kutse::stamping;
  LoadMessages();
  CertificateDocument document;
  document.number = "K-000123";
  document.holder_name = "Õie Šmidt";
  document.qualification_name = "Keevitaja, tase 4";
  document.estqf_level = 4;
  document.eqf_level = 4;
  document.competences = {"Keevitamine", "Tööohutus"};
  document.awarding_body_name = "Eesti Keevitajate Kutseliit";
  document.issue_date = {2026, 1, 5};
  document.valid_from = {2026, 1, 1};
  document.valid_until = kutse::common::Date{2030, 12, 31};
  document.verification_url = "https://kutseregister.ee/verify/q2Xv7rPz0aLk3JmN8sTw4bYc";
  const auto now = std::chrono::system_clock::now();
  const std::string pdf = pdf::CertificateRenderer("/usr/share/fonts/truetype/dejavu")
                              .Render(document, DocumentLanguage::kEstonian, now);
  const seal::PadesSealer sealer(seal::SealKey::Load(Read(argv[1]), Read(argv[2]), ""));
  std::ofstream(argv[3], std::ios::binary) << sealer.Seal(pdf, now, "Kutseregistri e-tempel");
  return 0;
}
