#include "seal/xades_signature.hpp"

#include <libxml/parser.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "kutse/common/sha256.hpp"
#include "seal/der.hpp"
#include "seal/xml_dsig.hpp"

namespace kutse::stamping::seal {

namespace {

[[noreturn]] void Fail(const std::string& what) {
  ERR_clear_error();
  throw std::runtime_error("the XAdES signature cannot be made: " + what);
}

std::string Sign(const SealKey& seal, const std::string& signed_info) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(signed_info.data());
  if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, seal.Key()) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &length, data, signed_info.size()) != 1) {
    Fail("EVP_DigestSign");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                     signed_info.size()) != 1) {
    Fail("EVP_DigestSign");
  }
  signature.resize(length);
  if (EVP_PKEY_get_base_id(seal.Key()) != EVP_PKEY_EC)
    return signature;
  auto raw = xmldsig::EcdsaDerToRaw(signature, (EVP_PKEY_get_bits(seal.Key()) + 7) / 8);
  if (!raw)
    Fail("the ECDSA signature value");
  return *raw;
}

// The first element named `name` in `namespace_uri` at or under `node`, in document order.
xmlNodePtr Find(xmlNodePtr node, const char* name, const char* namespace_uri) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE)
      continue;
    if (node->ns != nullptr && xmlStrEqual(node->name, BAD_CAST name) &&
        xmlStrEqual(node->ns->href, BAD_CAST namespace_uri)) {
      return node;
    }
    if (xmlNodePtr found = Find(node->children, name, namespace_uri))
      return found;
  }
  return nullptr;
}

std::string Canonical11(xmlDocPtr doc, xmlNodePtr element) {
  auto text = xmldsig::Canonical(doc, element, xmldsig::kC14n11);
  if (!text)
    Fail("canonical XML");
  return *text;
}

// The seal certificate's CAs as far up as Chain() holds them, its issuer first.
std::vector<X509*> CaChain(const SealKey& seal) {
  std::vector<X509*> chain;
  STACK_OF(X509)* pool = seal.Chain();
  const int available = pool != nullptr ? sk_X509_num(pool) : 0;
  X509* at = seal.Certificate();
  while (chain.size() < static_cast<size_t>(available)) {
    X509* issuer = nullptr;
    for (int i = 0; i < available && issuer == nullptr; ++i) {
      if (X509_check_issued(sk_X509_value(pool, i), at) == X509_V_OK)
        issuer = sk_X509_value(pool, i);
    }
    if (issuer == nullptr || issuer == at)
      break;  // the chain ends, or a self-signed root was reached
    chain.push_back(issuer);
    at = issuer;
  }
  ERR_clear_error();
  return chain;
}

// A new child element of `parent` with base64 or empty text; out of memory is a failure.
xmlNodePtr Add(xmlNodePtr parent, xmlNsPtr ns, const char* name, const std::string& text = "",
               const char* id = nullptr) {
  xmlNodePtr node =
      xmlNewTextChild(parent, ns, BAD_CAST name, text.empty() ? nullptr : BAD_CAST text.c_str());
  if (node == nullptr || (id != nullptr && xmlNewProp(node, BAD_CAST "Id", BAD_CAST id) == nullptr))
    Fail("out of memory");
  return node;
}

// Baseline LT (ETSI EN 319 132-1 clause 6.3): the UnsignedSignatureProperties after the
// SignedProperties, with the element names and Ids libdigidocpp writes and DigiDoc reads. Their
// content is not signed, so the SignatureValue and xmlsec1's verification stay as at B-B.
void AddLtProperties(xmlDocPtr doc, xmlNodePtr qualifying, xmlNodePtr signature_value, const SealKey& seal,
                     const TrustServices& trust_services) {
  const std::vector<X509*> cas = CaChain(seal);
  if (cas.empty())
    Fail("the seal certificate's issuer is not in its chain, and LT asks the OCSP responder about both");
  xmlNsPtr xades = xmlSearchNsByHref(doc, qualifying, BAD_CAST xmldsig::kXadesNamespace);
  xmlNsPtr ds = xmlSearchNsByHref(doc, qualifying, BAD_CAST xmldsig::kDsNamespace);
  if (xades == nullptr || ds == nullptr)
    Fail("the signature's XML");
  // The time-stamp first: the OCSP response asked after it is the newer, as LT validation wants.
  const std::string token = trust_services.TimeStampToken(common::Sha256(Canonical11(doc, signature_value)));
  const std::string ocsp = trust_services.OcspResponse(seal.Certificate(), cas.front());

  xmlNodePtr properties =
      Add(Add(qualifying, xades, "UnsignedProperties"), xades, "UnsignedSignatureProperties");
  xmlNodePtr time_stamp = Add(properties, xades, "SignatureTimeStamp", "", "S0-T0");
  if (xmlNewProp(Add(time_stamp, ds, "CanonicalizationMethod"), BAD_CAST "Algorithm",
                 BAD_CAST xmldsig::kC14n11) == nullptr) {
    Fail("out of memory");
  }
  Add(time_stamp, xades, "EncapsulatedTimeStamp", xmldsig::Base64(token));
  // The TSA's and the OCSP responder's certificates are not repeated here: the token and the
  // response carry them, as in libdigidocpp's containers.
  xmlNodePtr certificates = Add(properties, xades, "CertificateValues");
  for (size_t i = 0; i < cas.size(); ++i) {
    const std::string id = i == 0 ? "S0-CA-CERT" : "S0-CA-CERT-" + std::to_string(i);
    Add(certificates, xades, "EncapsulatedX509Certificate", xmldsig::Base64(CertificateDer(cas[i])),
        id.c_str());
  }
  Add(Add(Add(properties, xades, "RevocationValues"), xades, "OCSPValues"), xades, "EncapsulatedOCSPValue",
      xmldsig::Base64(ocsp), "N0");
}

}  // namespace

std::string XadesTime(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string IssuerSerialV2(X509* certificate) {
  std::unique_ptr<GENERAL_NAMES, decltype(&GENERAL_NAMES_free)> names(GENERAL_NAMES_new(),
                                                                      &GENERAL_NAMES_free);
  GENERAL_NAME* name = GENERAL_NAME_new();
  X509_NAME* issuer = X509_NAME_dup(X509_get_issuer_name(certificate));
  if (!names || name == nullptr || issuer == nullptr) {
    GENERAL_NAME_free(name);
    X509_NAME_free(issuer);
    Fail("out of memory");
  }
  GENERAL_NAME_set0_value(name, GEN_DIRNAME, issuer);
  if (sk_GENERAL_NAME_push(names.get(), name) <= 0) {
    GENERAL_NAME_free(name);
    Fail("out of memory");
  }
  // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
  const std::string body = DerOf<GENERAL_NAMES>(names.get(), &i2d_GENERAL_NAMES) +
                           DerOf<ASN1_INTEGER>(X509_get0_serialNumber(certificate), &i2d_ASN1_INTEGER);
  return xmldsig::Base64('\x30' + DerLength(body.size()) + body);
}

std::string XadesSignature(const SealKey& seal, const std::vector<DataFile>& files,
                           std::chrono::system_clock::time_point at, const TrustServices* trust_services) {
  const auto method = xmldsig::SignatureMethodFor(seal.Key());
  if (!method)
    Fail("the seal key is neither RSA nor EC");
  const std::string sha256 = std::string("<ds:DigestMethod Algorithm=\"") + xmldsig::kSha256 + "\"/>";
  std::string references;
  std::string formats;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string id = "S0-RefId" + std::to_string(i);
    references += "<ds:Reference Id=\"" + id + "\" URI=\"" + xmldsig::Escaped(files[i].name) + "\">" +
                  sha256 + "<ds:DigestValue>" + xmldsig::Base64(common::Sha256(files[i].bytes)) +
                  "</ds:DigestValue></ds:Reference>";
    formats += "<xades:DataObjectFormat ObjectReference=\"#" + id + "\"><xades:MimeType>" +
               xmldsig::Escaped(files[i].media_type) + "</xades:MimeType></xades:DataObjectFormat>";
  }
  const std::string certificate = CertificateDer(seal.Certificate());
  // The SignedProperties digest and the SignatureValue are filled in once the tree is parsed.
  const std::string text =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n") +
      "<asic:XAdESSignatures xmlns:asic=\"" + xmldsig::kAsicNamespace + "\" xmlns:ds=\"" +
      xmldsig::kDsNamespace + "\" xmlns:xades=\"" + xmldsig::kXadesNamespace + "\">" +
      "<ds:Signature Id=\"S0\"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"" + xmldsig::kC14n11 +
      "\"/><ds:SignatureMethod Algorithm=\"" + *method + "\"/>" + references +
      "<ds:Reference Id=\"S0-RefId-SignedProperties\" Type=\"" + xmldsig::kSignedPropertiesType +
      "\" URI=\"#S0-SignedProperties\"><ds:Transforms><ds:Transform Algorithm=\"" + xmldsig::kC14n11 +
      "\"/></ds:Transforms>" + sha256 + "<ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>" +
      "<ds:SignatureValue Id=\"S0-SIG\"></ds:SignatureValue>" +
      "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + xmldsig::Base64(certificate) +
      "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>" +
      "<ds:Object><xades:QualifyingProperties Target=\"#S0\"><xades:SignedProperties "
      "Id=\"S0-SignedProperties\">" +
      "<xades:SignedSignatureProperties><xades:SigningTime>" + XadesTime(at) + "</xades:SigningTime>" +
      "<xades:SigningCertificateV2><xades:Cert><xades:CertDigest>" + sha256 + "<ds:DigestValue>" +
      xmldsig::Base64(common::Sha256(certificate)) +
      "</ds:DigestValue></xades:CertDigest><xades:IssuerSerialV2>" + IssuerSerialV2(seal.Certificate()) +
      "</xades:IssuerSerialV2></xades:Cert></xades:SigningCertificateV2>" +
      "</xades:SignedSignatureProperties><xades:SignedDataObjectProperties>" + formats +
      "</xades:SignedDataObjectProperties></xades:SignedProperties></xades:QualifyingProperties></"
      "ds:Object>" +
      "</ds:Signature></asic:XAdESSignatures>";

  xmldsig::InitXml();
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), "signatures0.xml", "UTF-8", XML_PARSE_NONET),
      &xmlFreeDoc);
  if (!doc)
    Fail("the signature's XML");
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  xmlNodePtr signed_info = Find(root, "SignedInfo", xmldsig::kDsNamespace);
  xmlNodePtr properties = Find(root, "SignedProperties", xmldsig::kXadesNamespace);
  xmlNodePtr signature_value = Find(root, "SignatureValue", xmldsig::kDsNamespace);
  xmlNodePtr properties_digest = signed_info != nullptr ? signed_info->last : nullptr;  // its last Reference
  properties_digest = properties_digest != nullptr ? properties_digest->last : nullptr;
  if (properties == nullptr || signature_value == nullptr || properties_digest == nullptr)
    Fail("the signature's XML");
  const std::string digest = xmldsig::Base64(common::Sha256(Canonical11(doc.get(), properties)));
  xmlNodeSetContent(properties_digest, BAD_CAST digest.c_str());
  const std::string value = xmldsig::Base64(Sign(seal, Canonical11(doc.get(), signed_info)));
  xmlNodeSetContent(signature_value, BAD_CAST value.c_str());
  if (trust_services != nullptr)
    AddLtProperties(doc.get(), properties->parent, signature_value, seal, *trust_services);

  xmlChar* bytes = nullptr;
  int length = 0;
  xmlDocDumpMemoryEnc(doc.get(), &bytes, &length, "UTF-8");
  if (bytes == nullptr)
    Fail("the signature's XML");
  std::string out(reinterpret_cast<char*>(bytes), static_cast<size_t>(length));
  xmlFree(bytes);
  return out;
}

}  // namespace kutse::stamping::seal
