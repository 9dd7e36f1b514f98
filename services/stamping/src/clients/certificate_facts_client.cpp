#include "clients/certificate_facts_client.hpp"

#include <nlohmann/json.hpp>

#include "kutse/common/log.hpp"
#include "kutse/http/request.hpp"
#include "kutse/runtime/service_client.hpp"

namespace kutse::stamping {
namespace {

using nlohmann::json;

std::optional<std::string> Text(const json& answer, const char* name) {
  if (!answer.contains(name) || !answer[name].is_string()) {
    return std::nullopt;
  }
  return answer[name].get<std::string>();
}

// Present and either null or text; nullopt in `value` for null.
bool TextOrNull(const json& answer, const char* name, std::optional<std::string>& value) {
  if (!answer.contains(name)) {
    return false;
  }
  if (answer[name].is_null()) {
    value.reset();
    return true;
  }
  value = Text(answer, name);
  return value.has_value();
}

bool DateOrNull(const json& answer, const char* name, std::optional<common::Date>& value) {
  std::optional<std::string> text;
  if (!TextOrNull(answer, name, text)) {
    return false;
  }
  value = text ? common::ParseDate(*text) : std::nullopt;
  return !text || value.has_value();
}

std::optional<DocumentKind> KindOf(const std::string& type) {
  if (type == "certificate")
    return DocumentKind::kCertificate;
  if (type == "partial_qualification")
    return DocumentKind::kPartialQualification;
  if (type == "initial_qualification")
    return DocumentKind::kInitialQualification;
  return std::nullopt;
}

// The answer as proto-docs/internal/certificate-facts.schema.json describes it; nullopt otherwise.
std::optional<CertificateOnRecord> ParseFacts(const std::string& body) {
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_object()) {
    return std::nullopt;
  }
  CertificateOnRecord record;
  CertificateDocument& document = record.document;
  auto number = Text(answer, "number");
  auto holder = Text(answer, "holder_personal_code");
  auto name = Text(answer, "holder_name");
  auto status = Text(answer, "status");
  auto qualification = Text(answer, "qualification_name_et");
  auto type = Text(answer, "type");
  auto kind = type ? KindOf(*type) : std::nullopt;
  auto issued = Text(answer, "issue_date");
  auto from = Text(answer, "valid_from");
  if (!number || !holder || !name || !status || !qualification || !kind || !issued || !from) {
    return std::nullopt;
  }
  std::optional<std::string> body_name;
  if (!TextOrNull(answer, "replaced_by", record.replaced_by) ||
      !TextOrNull(answer, "qualification_name_en", record.qualification_name_en) ||
      !TextOrNull(answer, "specialisation", document.specialisation) ||
      !TextOrNull(answer, "partial_qualification", document.partial_qualification) ||
      !TextOrNull(answer, "awarding_body_name", body_name) ||
      !TextOrNull(answer, "decision_number", document.decision_number) ||
      !TextOrNull(answer, "duplicate_of", document.duplicate_of) ||
      !DateOrNull(answer, "decision_date", document.decision_date) ||
      !DateOrNull(answer, "valid_until", document.valid_until)) {
    return std::nullopt;
  }
  auto issue_date = common::ParseDate(*issued);
  auto valid_from = common::ParseDate(*from);
  if (!issue_date || !valid_from || !answer.contains("level") || !answer["level"].is_number_integer() ||
      !answer.contains("eqf_level") ||
      !(answer["eqf_level"].is_null() || answer["eqf_level"].is_number_integer()) ||
      !answer.contains("competences") || !answer["competences"].is_array()) {
    return std::nullopt;
  }
  for (const auto& competence : answer["competences"]) {
    if (!competence.is_string()) {
      return std::nullopt;
    }
    document.competences.push_back(competence.get<std::string>());
  }
  record.holder_personal_code = std::move(*holder);
  record.status = std::move(*status);
  record.qualification_name_et = std::move(*qualification);
  document.number = std::move(*number);
  document.kind = *kind;
  document.holder_name = std::move(*name);
  document.estqf_level = answer["level"].get<int>();
  if (!answer["eqf_level"].is_null()) {
    document.eqf_level = answer["eqf_level"].get<int>();
  }
  // A body the register does not know prints as the registry code the entry names.
  document.awarding_body_name = body_name ? *body_name : Text(answer, "awarding_body_id").value_or("");
  document.issue_date = *issue_date;
  document.valid_from = *valid_from;
  return record;
}

}  // namespace

CertificateFactsClient::CertificateFactsClient(const std::string& base_url,
                                               std::shared_ptr<auth::ServiceTokenSigner> signer)
    : client_([&] {
        http::ClientOptions client;
        client.upstream = "certificate";
        client.base_url = base_url;
        client.connect_timeout = kFactsConnectTimeout;
        client.timeout = kFactsAttemptTimeout;
        client.retry.max_attempts = 2;
        client.retry.budget = kFactsBudget;
        client.max_response_bytes = 256 * 1024;  // a long list of competences stays far below
        return client;
      }()),
      signer_(std::move(signer)) {}

common::StatusOr<CertificateOnRecord> CertificateFactsClient::Fetch(const std::string& number) const {
  auto body = runtime::GetFromService(
      client_, *signer_, "certificate",
      "/internal/v1/certificates/" + http::PercentEncodePathSegment(number) + "/facts",
      {"stamping.certificate_not_found", "stamping.certificate_service_unavailable",
       "stamping.certificate_service_refused"});
  if (!body.ok()) {
    return body.status();
  }
  auto record = ParseFacts(body.value());
  if (!record || record->document.number != number) {
    // Never the body in the log: it holds the holder's personal code.
    common::log::Warn("certificate facts unreadable", {{"bytes", body.value().size()}});
    return common::Internal(common::Msg("stamping.certificate_facts_unreadable"));
  }
  return std::move(*record);
}

}  // namespace kutse::stamping
