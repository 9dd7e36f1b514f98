#include "domain/certificate_origin.hpp"

#include "kutse/common/enum_names.hpp"

namespace kutse::certificate {
namespace {

constexpr common::EnumName<CertificateOrigin> kNames[] = {
    {CertificateOrigin::kIssued, "issued"},
    {CertificateOrigin::kImported, "imported"},
    {CertificateOrigin::kDuplicate, "duplicate"},
};

}  // namespace

const char* ToString(CertificateOrigin origin) {
  return common::NameOf(kNames, origin);
}

std::optional<CertificateOrigin> ParseOrigin(const std::string& text) {
  return common::ValueOf(kNames, text);
}

}  // namespace kutse::certificate
