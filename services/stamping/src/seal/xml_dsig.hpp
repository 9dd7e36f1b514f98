// The pieces of XML-DSig (W3C XML Signature 1.1) that both the XAdES signer and the ASiC-E
// verifier need: the algorithm and namespace URIs, canonical XML of one element's subtree with
// libxml2, base64 as XML-DSig writes it, and the raw r||s form of an ECDSA signature value.
#pragma once

#include <libxml/tree.h>
#include <openssl/evp.h>

#include <optional>
#include <string>

namespace kutse::stamping::seal::xmldsig {

inline constexpr const char* kDsNamespace = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr const char* kXadesNamespace = "http://uri.etsi.org/01903/v1.3.2#";
inline constexpr const char* kAsicNamespace = "http://uri.etsi.org/02918/v1.2.1#";
inline constexpr const char* kC14n10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
inline constexpr const char* kC14n11 = "http://www.w3.org/2006/12/xml-c14n11";
inline constexpr const char* kSha256 = "http://www.w3.org/2001/04/xmlenc#sha256";
inline constexpr const char* kRsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
inline constexpr const char* kEcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
inline constexpr const char* kSignedPropertiesType = "http://uri.etsi.org/01903#SignedProperties";

// libxml2's global state, set up once before the first parse (its rule for threaded programs).
void InitXml();

// Canonical XML (inclusive, without comments) of `element` and everything under it, with the
// namespaces it inherits. `algorithm` is kC14n10 or kC14n11; nullopt for any other or on failure.
std::optional<std::string> Canonical(xmlDocPtr doc, xmlNodePtr element, const std::string& algorithm);

// `text` as XML character data or an attribute value in double quotes.
std::string Escaped(const std::string& text);

std::string Base64(const std::string& bytes);
// Whitespace between the characters is allowed (XML-DSig wraps lines); nullopt on anything else.
std::optional<std::string> FromBase64(const std::string& text);

// The SignatureMethod URI for the key, nullopt when it is neither RSA nor EC.
std::optional<std::string> SignatureMethodFor(EVP_PKEY* key);

// An ECDSA signature: DER (as OpenSSL makes and checks it) <-> r||s, each `field_bytes` long (as
// XML-DSig carries it). nullopt when the input is not of that form.
std::optional<std::string> EcdsaDerToRaw(const std::string& der, int field_bytes);
std::optional<std::string> EcdsaRawToDer(const std::string& raw);

}  // namespace kutse::stamping::seal::xmldsig
