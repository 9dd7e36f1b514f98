// What the ASiC-E tests share: a certificate from PEM, a container unpacked with unzip, xmlsec1's
// verification of its signature, an XPath answer of xmllint, and a text with one part replaced.
#pragma once

#include <openssl/x509.h>

#include <memory>
#include <string>

#include "stamping_fixtures.hpp"

namespace stamping_test {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
X509Ptr PemCertificate(const std::string& pem);  // the first certificate in `pem`

// The container unpacked into `dir`/x; returns that folder.
std::string Unpack(const TempDir& dir, const std::string& container);

// xmlsec1 --verify of the unpacked container's signature, `trust` its trust options.
CommandResult XmlsecVerify(const std::string& folder, const std::string& trust);

// xmllint's answer to `expression` on `file`, without its final newline.
std::string XPath(const std::string& file, const std::string& expression);

// `text` with the first `from` (which must be there) replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to);

}  // namespace stamping_test
