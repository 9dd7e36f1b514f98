// Members that several certificate bodies share (issuing and the historic import): the holder's
// personal code, the certificate type and its language, each read or reported as a field error.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/certificate_type.hpp"
#include "kutse/common/status.hpp"

namespace kutse::certificate::dto {

// 11 digits with a valid check digit.
std::optional<std::string> PersonalCodeField(const nlohmann::json& body, common::FieldErrors& errors);
// Their defaults when absent: a certificate, in Estonian.
CertificateType TypeField(const nlohmann::json& body, common::FieldErrors& errors);
std::string LanguageField(const nlohmann::json& body, common::FieldErrors& errors);

}  // namespace kutse::certificate::dto
