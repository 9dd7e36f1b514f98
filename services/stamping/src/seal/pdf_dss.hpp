// The document security store of a PAdES baseline LT seal (ETSI EN 319 142-1 §5.4, ISO 32000-2
// §12.8.4.3): a second incremental update after the signed revision that adds /DSS to the catalog,
// with the validation data as streams (/Certs, /OCSPs) and a /VRI entry for the seal's signature.
// Written by hand, not with PoDoFo's WriteUpdate: that stamps the information dictionary with the
// wall clock and writes whatever its object graph marks as changed, while this update must hold
// exactly the new objects and a copy of the catalog, so that the verifier can tell it apart from
// any other change (verify/pades_dss_update.hpp) and the signed bytes stay a prefix of the file.
#pragma once

#include <string>
#include <vector>

namespace kutse::stamping::seal {

struct DssMaterial {
  std::vector<std::string> certificates;    // DER, each once
  std::vector<std::string> ocsp_responses;  // DER OCSPResponse
  std::string vri_key;                      // upper-case hex SHA-1 of the signature's /Contents bytes
};

// `signed_pdf` and after it the DSS update. `signed_pdf` must end with a revision as PoDoFo writes
// it (classic cross-reference sections and trailers); throws
// std::runtime_error when it does not.
std::string AppendDss(const std::string& signed_pdf, const DssMaterial& material);

}  // namespace kutse::stamping::seal
