// A duplicate request approved by the awarding body (event workflow.duplicate_approved.v1) and
// the duplicate it gives (domain.md §4): a new document for the same qualification, with a new
// number, linked to the original, carrying the reason and, for a new name or inaccurate data,
// the corrected fields. The original is kept and marked replaced. No I/O.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "domain/certificate_record.hpp"
#include "domain/new_certificate.hpp"

namespace kutse::certificate {

inline constexpr const char* kDuplicateApprovedV1 = "workflow.duplicate_approved.v1";

struct DuplicateApproval {
  std::string request_id;
  std::string certificate_number;
  std::string holder_personal_code;
  std::string reason;  // lost | new_name | inaccurate_data
  nlohmann::json corrected_fields = nlohmann::json::object();
  std::string approved_by;  // the awarding body's registry code, or "register" for the register keeper
};

// The event's data, or why it cannot be used.
std::variant<DuplicateApproval, std::string> ParseDuplicateApproval(const nlohmann::json& data);

// The duplicate of `original`, or why it cannot be issued (a permanent refusal).
std::variant<NewCertificate, std::string> MakeDuplicate(const CertificateRecord& original,
                                                        const DuplicateApproval& approval,
                                                        const common::Date& today);

}  // namespace kutse::certificate
