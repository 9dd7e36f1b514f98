#include "seal/asice_sealer.hpp"

#include "domain/stamp.hpp"
#include "seal/asice_container.hpp"
#include "seal/xades_signature.hpp"

namespace kutse::stamping::seal {

const char* AsiceSealer::Level() const {
  return trust_services_ != nullptr ? kLevelBaselineLT : kLevelBaselineB;
}

std::string AsiceSealer::Seal(const std::string& pdf, const std::string& pdf_name,
                              std::chrono::system_clock::time_point at) const {
  const std::vector<DataFile> files{{pdf_name, "application/pdf", pdf}};
  return WriteAsiceContainer(files, XadesSignature(seal_, files, at, trust_services_), at);
}

}  // namespace kutse::stamping::seal
