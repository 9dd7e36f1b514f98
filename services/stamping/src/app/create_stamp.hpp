// The holder's digital stamp (issue 12 item 4): the certificate's facts asked of the certificate
// service at this instant, the holder and validity checked, the PDF rendered in the chosen language
// with a fresh verification code in its QR link, and sealed PAdES B-B or put in an ASiC-E container
// with a XAdES B-B signature.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "domain/certificate_on_record.hpp"
#include "domain/stamp.hpp"
#include "kutse/auth/identity.hpp"
#include "kutse/common/clock.hpp"
#include "kutse/common/status.hpp"
#include "pdf/certificate_renderer.hpp"
#include "seal/asice_sealer.hpp"
#include "seal/pades_sealer.hpp"

namespace kutse::stamping::app {

using FetchFacts = std::function<common::StatusOr<CertificateOnRecord>(const std::string& number)>;
// Records the stamp and writes stamp.created.v1 to the outbox, in one transaction.
using RecordStamp = std::function<void(const Stamp& stamp, const std::string& correlation_id)>;

struct StampTools {
  FetchFacts fetch_facts;
  RecordStamp record;
  const pdf::CertificateRenderer& renderer;
  const seal::PadesSealer* sealer;        // null: no seal configured, nothing is stamped
  const seal::AsiceSealer* asice_sealer;  // the same seal key; null exactly when `sealer` is
  // Set when a setting stamps need is missing (the message key of the 503 saying so).
  std::optional<std::string> unconfigured;
  std::string public_url;  // KUTSE_PUBLIC_URL, without a trailing slash
  const common::Clock& clock;
};

// pdf: the sealed PDF (PAdES); asice: the PDF in an ASiC-E container (XAdES).
enum class StampFormat { kPdf, kAsice };

struct StampOrder {
  std::string number;
  DocumentLanguage language = DocumentLanguage::kEstonian;
  std::string correlation_id;  // the request id of the call
  StampFormat format = StampFormat::kPdf;
};

struct StampedFile {
  std::string bytes;         // the sealed PDF or the container
  std::string content_type;  // application/pdf or application/vnd.etsi.asic-e+zip
  std::string filename;      // for Content-Disposition
  Stamp stamp;               // as recorded
};

// 128 bits would do; 18 bytes make 24 base64url characters without padding.
std::string NewVerificationCode();

// Not found for someone else's certificate or a number the register does not hold; failed
// precondition for one not valid or replaced; unavailable when the certificate service cannot
// answer now or no seal is configured. Every file handed out is recorded first.
common::StatusOr<StampedFile> CreateStamp(const StampTools& tools, const auth::Identity& holder,
                                          const StampOrder& order);

}  // namespace kutse::stamping::app
