// The life of a certificate (proto-docs/domain.md, "Certificates"): valid → expired when valid-until has
// passed; valid → invalidated by the issuing body's decision; valid or expired → annulled when entered in
// error. Nothing ever becomes valid again. No I/O.
#pragma once

#include <optional>
#include <string>

namespace kutse::certificate {

enum class CertificateStatus { kValid, kExpired, kInvalidated, kAnnulled };

const char* ToString(CertificateStatus status);
std::optional<CertificateStatus> ParseStatus(const std::string& text);
bool CanChange(CertificateStatus from, CertificateStatus to);
// What a holder may do with a certificate in this status (the buttons of "My certificates").
bool MayBeStamped(CertificateStatus status);

}  // namespace kutse::certificate
