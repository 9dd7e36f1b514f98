#include "seal/xades_signature.hpp"

#include <libxml/parser.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>
#include <stdexcept>

#include "kutse/common/sha256.hpp"
#include "seal/xml_dsig.hpp"

namespace kutse::stamping::seal {

namespace {

[[noreturn]] void Fail(const std::string& what) {
  ERR_clear_error();
  throw std::runtime_error("the XAdES signature cannot be made: " + what);
}

std::string DerLength(size_t length) {
  if (length < 0x80)
    return std::string(1, static_cast<char>(length));
  std::string bytes;
  for (size_t n = length; n > 0; n >>= 8)
    bytes.insert(bytes.begin(), static_cast<char>(n & 0xff));
  return static_cast<char>(0x80 | bytes.size()) + bytes;
}

template <typename T, typename Encode>
std::string Der(const T* value, Encode encode) {
  unsigned char* bytes = nullptr;
  const int length = encode(value, &bytes);
  if (length <= 0)
    Fail("a certificate field cannot be encoded");
  std::string der(reinterpret_cast<char*>(bytes), static_cast<size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

std::string CertificateDer(X509* certificate) {
  return Der(certificate, [](const X509* c, unsigned char** out) { return i2d_X509(c, out); });
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
  const std::string body =
      Der(names.get(),
          [](const GENERAL_NAMES* n, unsigned char** out) { return i2d_GENERAL_NAMES(n, out); }) +
      Der(X509_get0_serialNumber(certificate),
          [](const ASN1_INTEGER* n, unsigned char** out) { return i2d_ASN1_INTEGER(n, out); });
  return xmldsig::Base64('\x30' + DerLength(body.size()) + body);
}

std::string XadesSignature(const SealKey& seal, const std::vector<DataFile>& files,
                           std::chrono::system_clock::time_point at) {
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
