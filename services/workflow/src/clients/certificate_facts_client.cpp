#include "clients/certificate_facts_client.hpp"

#include <nlohmann/json.hpp>

#include "domain/certificate_status.hpp"
#include "kutse/common/log.hpp"
#include "kutse/http/request.hpp"
#include "kutse/runtime/service_client.hpp"

namespace kutse::workflow {
namespace {

using nlohmann::json;

bool IsText(const json& answer, const char* name) {
  return answer.contains(name) && answer[name].is_string() &&
         !answer[name].get_ref<const std::string&>().empty();
}
bool IsTextOrNull(const json& answer, const char* name) {
  return answer.contains(name) && (answer[name].is_null() || IsText(answer, name));
}
bool IsFlag(const json& answer, const char* name) {
  return answer.contains(name) && answer[name].is_boolean();
}
std::optional<std::string> TextOrNull(const json& answer, const char* name) {
  return answer[name].is_null() ? std::nullopt : std::optional<std::string>(answer[name].get<std::string>());
}

// The answer as proto-docs/internal/certificate-facts.schema.json describes it; nullopt otherwise.
std::optional<CertificateFacts> ParseFacts(const std::string& body) {
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_object()) {
    return std::nullopt;
  }
  for (const char* name : {"number", "holder_personal_code", "holder_name", "status", "awarding_body_id",
                           "qualification_name_et"}) {
    if (!IsText(answer, name)) {
      return std::nullopt;
    }
  }
  for (const char* name : {"replaced_by", "standard_code", "qualification_name_en"}) {
    if (!IsTextOrNull(answer, name)) {
      return std::nullopt;
    }
  }
  auto status = ParseCertificateStatus(answer["status"].get<std::string>());
  if (!status || !IsFlag(answer, "body_active") || !IsFlag(answer, "body_holds_right_today") ||
      !answer.contains("level") || !answer["level"].is_number_integer()) {
    return std::nullopt;
  }
  CertificateFacts facts;
  facts.number = answer["number"].get<std::string>();
  facts.holder_personal_code = answer["holder_personal_code"].get<std::string>();
  facts.holder_name = answer["holder_name"].get<std::string>();
  facts.status = *status;
  facts.replaced_by = TextOrNull(answer, "replaced_by");
  facts.awarding_body_id = answer["awarding_body_id"].get<std::string>();
  facts.body_active = answer["body_active"].get<bool>();
  facts.body_holds_right_today = answer["body_holds_right_today"].get<bool>();
  // An entry of the old register may name no standard: then there is no code to route by.
  facts.standard_code = TextOrNull(answer, "standard_code").value_or("");
  facts.qualification_name_et = answer["qualification_name_et"].get<std::string>();
  facts.qualification_name_en = TextOrNull(answer, "qualification_name_en");
  facts.level = answer["level"].get<int>();
  return facts;
}

}  // namespace

CertificateFactsClient::CertificateFactsClient(const CertificateFactsClientOptions& options,
                                               std::shared_ptr<auth::ServiceTokenSigner> signer)
    : client_([&] {
        http::ClientOptions client;
        client.upstream = "certificate";
        client.base_url = options.base_url;
        client.connect_timeout = options.connect_timeout;
        client.timeout = options.attempt_timeout;
        client.retry.max_attempts = 2;
        client.retry.budget = options.budget;
        client.max_response_bytes = 64 * 1024;  // one certificate's facts are a few hundred bytes
        return client;
      }()),
      signer_(std::move(signer)) {}

common::StatusOr<CertificateFacts> CertificateFactsClient::Fetch(const std::string& number) const {
  auto body = runtime::GetFromService(
      client_, *signer_, "certificate",
      "/internal/v1/certificates/" + http::PercentEncodePathSegment(number) + "/facts",
      {"workflow.certificate_not_found", "workflow.certificate_service_unavailable",
       "workflow.certificate_service_refused"});
  if (!body.ok()) {
    return body.status();
  }
  auto facts = ParseFacts(body.value());
  if (!facts || facts->number != number) {
    // Never the body in the log: it holds the holder's personal code.
    common::log::Warn("certificate facts unreadable", {{"bytes", body.value().size()}});
    return common::Internal(common::Msg("workflow.certificate_facts_unreadable"));
  }
  return std::move(*facts);
}

}  // namespace kutse::workflow
