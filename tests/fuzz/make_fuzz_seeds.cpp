// Writes the seeds of the verifiers' fuzz corpora (tests/fuzz/run): a certificate PDF rendered and
// sealed by the stamping service's own renderer and sealers. Usage: make_fuzz_seeds KEY.pem CERT.pem
// OUT_DIR, which gets sealed.pdf (PAdES), container.asice (ASiC-E), signatures0.xml (the container's
// signature), signatures0-lt.xml (an LT signature of the same PDF), data.pdf (the unsealed
// rendering, which the ASiC-E harness wraps signatures around) and sealed-lt.pdf (a PAdES baseline
// LT seal). The LT ones are made with a throw-away CA, TSA and OCSP responder of the openssl tools
// (the unit tests' CliTrustServices), with that CA in lt-ca.pem.

#include <chrono>
#include <fstream>
#include <iostream>

#include "pdf/certificate_renderer.hpp"
#include "read_file.hpp"
#include "seal/asice_container.hpp"
#include "seal/asice_sealer.hpp"
#include "seal/pades_sealer.hpp"
#include "seal/xades_signature.hpp"
#include "stamping_fixtures.hpp"
#include "stamping_service.hpp"
#include "trust_services_fixture.hpp"
#include "verify/asice_archive.hpp"

namespace {

// One entry of a container, read by the verifier's own archive reader; empty when missing.
std::string Entry(const std::string& container, const std::string& name) {
  const auto entries = kutse::stamping::verify::ReadArchive(container, {});
  if (entries) {
    for (const auto& entry : *entries) {
      if (entry.name == name) {
        return entry.bytes;
      }
    }
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_fuzz_seeds KEY.pem CERT.pem OUT_DIR\n";
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
  const seal::SealKey key =
      seal::SealKey::Load(kutse::fuzz::ReadFile(argv[1]), kutse::fuzz::ReadFile(argv[2]), "");
  const std::string container = seal::AsiceSealer(key).Seal(pdf, "K-000123-et.pdf", now);
  const std::string signature = Entry(container, seal::kAsiceSignaturesEntry);
  if (signature.empty()) {
    std::cerr << "make_fuzz_seeds: the container has no " << seal::kAsiceSignaturesEntry << "\n";
    return 1;
  }
  // LT needs the seal certificate's CA and a TSA and OCSP responder under it: the unit tests' own.
  const stamping_test::TempDir lt_dir;
  const auto lt_material = stamping_test::MakeSealMaterial(lt_dir);
  const stamping_test::CliTrustServices trust_services(lt_dir);
  const seal::SealKey lt_key = seal::SealKey::Load(lt_material.key_pem, lt_material.certificates_pem, "");
  const std::string lt_signature =
      seal::XadesSignature(lt_key, {{"K-000123-et.pdf", "application/pdf", pdf}}, now, &trust_services);
  const std::string dir = argv[3];
  std::ofstream(dir + "/signatures0-lt.xml", std::ios::binary) << lt_signature;
  std::ofstream(dir + "/sealed.pdf", std::ios::binary)
      << seal::PadesSealer(key).Seal(pdf, now, "Kutseregistri e-tempel");
  std::ofstream(dir + "/container.asice", std::ios::binary) << container;
  std::ofstream(dir + "/signatures0.xml", std::ios::binary) << signature;
  std::ofstream(dir + "/data.pdf", std::ios::binary) << pdf;
  std::ofstream(dir + "/sealed-lt.pdf", std::ios::binary)
      << seal::PadesSealer(lt_key, &trust_services).Seal(pdf, now, "Kutseregistri e-tempel");
  std::ofstream(dir + "/lt-ca.pem", std::ios::binary) << lt_material.ca_pem;
  return 0;
}
