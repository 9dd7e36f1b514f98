#include "verify/asice_verifier.hpp"

#include <libxml/parser.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/x509_vfy.h>

#include <cctype>
#include <ctime>
#include <memory>
#include <regex>
#include <vector>

#include "domain/stamp.hpp"
#include "kutse/common/sha256.hpp"
#include "kutse/common/time_format.hpp"
#include "seal/asice_container.hpp"
#include "seal/xml_dsig.hpp"
#include "verify/ocsp_check.hpp"
#include "verify/time_stamp_check.hpp"

namespace kutse::stamping::verify {

namespace {

namespace dsig = seal::xmldsig;

constexpr size_t kMaxSignatureXmlBytes = 1024 * 1024;
constexpr size_t kMaxCertificates = 8;
// The UnsignedSignatureProperties we read: a few elements, a few OCSP responses of a few KiB each.
constexpr size_t kMaxUnsignedProperties = 16;
constexpr size_t kMaxOcspValues = 4;
constexpr size_t kMaxOcspBytes = 64 * 1024;

// Why the check stopped; thrown inside, turned into the SealCheck's defect at the top.
struct Defect {
  SealDefect defect;
};
[[noreturn]] void Malformed() {
  throw Defect{SealDefect::kMalformed};
}

using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

struct Certificates {
  void operator()(STACK_OF(X509) * certificates) const { sk_X509_pop_free(certificates, X509_free); }
};

bool Is(const xmlNode* node, const char* name, const char* namespace_uri) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         xmlStrEqual(node->name, BAD_CAST name) && xmlStrEqual(node->ns->href, BAD_CAST namespace_uri);
}

// The element children of `parent`; any text between them must be whitespace.
std::vector<xmlNodePtr> Children(xmlNodePtr parent) {
  std::vector<xmlNodePtr> children;
  for (xmlNodePtr child = parent->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      children.push_back(child);
    } else if (child->type == XML_TEXT_NODE) {
      if (!xmlIsBlankNode(child))
        Malformed();
    } else if (child->type != XML_COMMENT_NODE) {
      Malformed();  // processing instructions, CDATA, entity references: not of our kind
    }
  }
  return children;
}

// The one element `name` among `children`, null when there is none; two are malformed.
xmlNodePtr Optional(const std::vector<xmlNodePtr>& children, const char* name, const char* namespace_uri) {
  xmlNodePtr found = nullptr;
  for (xmlNodePtr child : children) {
    if (Is(child, name, namespace_uri)) {
      if (found != nullptr)
        Malformed();
      found = child;
    }
  }
  return found;
}

// The one child `name` of `parent`, or malformed.
xmlNodePtr Only(xmlNodePtr parent, const char* name, const char* namespace_uri) {
  xmlNodePtr found = Optional(Children(parent), name, namespace_uri);
  if (found == nullptr)
    Malformed();
  return found;
}

std::string Attribute(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, BAD_CAST name);
  if (value == nullptr)
    return "";
  std::string text(reinterpret_cast<char*>(value));
  xmlFree(value);
  return text;
}

std::string Text(xmlNodePtr node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (value == nullptr)
    return "";
  std::string text(reinterpret_cast<char*>(value));
  xmlFree(value);
  return text;
}

std::string Base64Content(xmlNodePtr node) {
  auto bytes = dsig::FromBase64(Text(node));
  if (!bytes)
    Malformed();
  return *bytes;
}

// Elements of the whole document with an attribute Id="id" (ours or any other): exactly one may.
std::vector<xmlNodePtr> WithId(xmlNodePtr node, const std::string& id) {
  std::vector<xmlNodePtr> found;
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE)
      continue;
    for (xmlAttrPtr attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
      if (xmlStrEqual(attribute->name, BAD_CAST "Id") && Attribute(node, "Id") == id)
        found.push_back(node);
    }
    for (xmlNodePtr inner : WithId(node->children, id))
      found.push_back(inner);
  }
  return found;
}

std::unique_ptr<X509, decltype(&X509_free)> ParseCertificate(const std::string& der) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<X509, decltype(&X509_free)> certificate(
      d2i_X509(nullptr, &bytes, static_cast<long>(der.size())), &X509_free);
  // The whole element must be the certificate: nothing after it.
  if (!certificate || bytes != reinterpret_cast<const unsigned char*>(der.data()) + der.size())
    Malformed();
  return certificate;
}

// URI-decoded (RFC 3986 percent-encoding) reference to a container entry.
std::string DecodeUri(const std::string& uri) {
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '%') {
      out += uri[i];
      continue;
    }
    if (i + 2 >= uri.size() || !std::isxdigit(static_cast<unsigned char>(uri[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      Malformed();
    }
    out += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
    i += 2;
  }
  return out;
}

Doc ParseSignatures(const std::string& xml) {
  // A DTD is never part of an XAdES signature; refusing one before parsing keeps entity tricks
  // (external entities, billion laughs) out whatever the parser would make of them.
  if (xml.size() > kMaxSignatureXmlBytes || xml.find("<!DOCTYPE") != std::string::npos ||
      xml.find("<!ENTITY") != std::string::npos) {
    Malformed();
  }
  // No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR, no HUGE: libxml2's limits
  // on depth and text size stay on; NONET: nothing is fetched.
  dsig::InitXml();
  constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "signatures0.xml", nullptr, kOptions),
          &xmlFreeDoc);
  if (!doc || doc->intSubset != nullptr || doc->extSubset != nullptr)
    Malformed();
  return doc;
}

struct SigningTime {
  std::chrono::system_clock::time_point at;
  std::string text;  // as SealCheck::signed_at gives it
};

std::optional<SigningTime> ParseSigningTime(const std::string& text) {
  static const std::regex kTime(
      R"(^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{1,9})?(Z|([+-])(\d\d):(\d\d))$)");
  std::smatch m;
  if (!std::regex_match(text, m, kTime))
    return std::nullopt;
  // Years a seal can be from: system_clock counts nanoseconds, which end in 2262.
  const int year = std::stoi(m[1]);
  if (year < 1970 || year > 2200)
    return std::nullopt;
  std::tm fields{};
  fields.tm_year = year - 1900;
  fields.tm_mon = std::stoi(m[2]) - 1;
  fields.tm_mday = std::stoi(m[3]);
  fields.tm_hour = std::stoi(m[4]);
  fields.tm_min = std::stoi(m[5]);
  fields.tm_sec = std::stoi(m[6]);
  if (fields.tm_mon > 11 || fields.tm_mday < 1 || fields.tm_mday > 31 || fields.tm_hour > 23 ||
      fields.tm_min > 59 || fields.tm_sec > 60)
    return std::nullopt;
  std::time_t seconds = timegm(&fields);
  if (m[9].matched) {
    const long offset = std::stol(m[10]) * 3600 + std::stol(m[11]) * 60;
    seconds += m[9] == "+" ? -offset : offset;
  }
  const auto at = std::chrono::system_clock::from_time_t(seconds);
  return SigningTime{at, common::FormatTimestamp(at)};
}

bool SignatureVerifies(X509* certificate, const std::string& method, const std::string& signed_info,
                       std::string value) {
  EVP_PKEY* key = X509_get0_pubkey(certificate);
  if (key == nullptr || dsig::SignatureMethodFor(key) != method)
    return false;
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC) {
    auto der = dsig::EcdsaRawToDer(value);
    if (!der)
      return false;
    value = *der;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  const bool ok =
      context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                       reinterpret_cast<const unsigned char*>(signed_info.data()), signed_info.size()) == 1;
  ERR_clear_error();
  return ok;
}

struct Reference {
  xmlNodePtr node;
  std::string uri;
  std::string type;
  std::optional<std::string> transform;  // the one canonicalisation a SignedProperties reference may name
  std::string digest;
};

Reference ReadReference(xmlNodePtr node) {
  Reference reference{node, Attribute(node, "URI"), Attribute(node, "Type"), std::nullopt, ""};
  const std::vector<xmlNodePtr> parts = Children(node);
  size_t at = 0;
  if (at < parts.size() && Is(parts[at], "Transforms", dsig::kDsNamespace)) {
    const std::vector<xmlNodePtr> transforms = Children(parts[at]);
    if (transforms.size() != 1 || !Is(transforms[0], "Transform", dsig::kDsNamespace))
      Malformed();
    reference.transform = Attribute(transforms[0], "Algorithm");
    ++at;
  }
  if (parts.size() != at + 2 || !Is(parts[at], "DigestMethod", dsig::kDsNamespace) ||
      Attribute(parts[at], "Algorithm") != dsig::kSha256 ||
      !Is(parts[at + 1], "DigestValue", dsig::kDsNamespace)) {
    Malformed();
  }
  reference.digest = Base64Content(parts[at + 1]);
  return reference;
}

// What the UnsignedSignatureProperties of an intact B-B seal make of it (ETSI EN 319 132-1 clause
// 6.3, in the shape libdigidocpp writes): no SignatureTimeStamp, B-B whatever else is there; a
// good one, B-T at the TSA's time, and B-LT with CertificateValues and RevocationValues holding an
// OCSP response that says the signer was good. A time-stamp that does not verify over the
// canonical SignatureValue is a broken seal, as a SignatureValue that does not verify is.
struct Level {
  const char* level = kLevelBaselineB;
  std::optional<std::chrono::system_clock::time_point> time_stamped;
};

Level ReadLevel(xmlDocPtr doc, xmlNodePtr qualifying, xmlNodePtr signature_value, X509* signer,
                STACK_OF(X509) * carried, const SignerTrust& tsa_trusted) {
  xmlNodePtr unsigned_properties =
      Optional(Children(qualifying), "UnsignedProperties", dsig::kXadesNamespace);
  if (unsigned_properties == nullptr)
    return {};
  const std::vector<xmlNodePtr> properties =
      Children(Only(unsigned_properties, "UnsignedSignatureProperties", dsig::kXadesNamespace));
  if (properties.size() > kMaxUnsignedProperties)
    Malformed();
  xmlNodePtr time_stamp = Optional(properties, "SignatureTimeStamp", dsig::kXadesNamespace);
  xmlNodePtr certificate_values = Optional(properties, "CertificateValues", dsig::kXadesNamespace);
  xmlNodePtr revocation_values = Optional(properties, "RevocationValues", dsig::kXadesNamespace);
  if (time_stamp == nullptr)
    return {};

  // [ds:CanonicalizationMethod] xades:EncapsulatedTimeStamp (XAdESTimeStampType without Include).
  const std::vector<xmlNodePtr> parts = Children(time_stamp);
  std::string canonicalization = dsig::kC14n10;  // XML-DSig's default when none is named
  size_t at = 0;
  if (!parts.empty() && Is(parts[0], "CanonicalizationMethod", dsig::kDsNamespace))
    canonicalization = Attribute(parts[at++], "Algorithm");
  if (parts.size() != at + 1 || !Is(parts[at], "EncapsulatedTimeStamp", dsig::kXadesNamespace))
    Malformed();
  const auto stamped = dsig::Canonical(doc, signature_value, canonicalization);  // only C14N 1.0 and 1.1
  if (!stamped)
    Malformed();
  const auto facts = CheckTimeStamp(Base64Content(parts[at]), *stamped, tsa_trusted);
  if (!facts)
    throw Defect{SealDefect::kSignatureInvalid};
  if (!facts->tsa_trusted)
    return {};
  Level level{"B-T", facts->gen_time};

  if (certificate_values != nullptr) {
    // The CAs above the signer: they help the trust check build its chain.
    const std::vector<xmlNodePtr> certificates = Children(certificate_values);
    if (certificates.size() > kMaxCertificates)
      Malformed();
    for (xmlNodePtr node : certificates) {
      if (!Is(node, "EncapsulatedX509Certificate", dsig::kXadesNamespace) ||
          sk_X509_push(carried, ParseCertificate(Base64Content(node)).release()) <= 0) {
        Malformed();
      }
    }
  }
  if (certificate_values == nullptr || revocation_values == nullptr)
    return level;
  const std::vector<xmlNodePtr> responses =
      Children(Only(revocation_values, "OCSPValues", dsig::kXadesNamespace));
  if (responses.size() > kMaxOcspValues)
    Malformed();
  for (xmlNodePtr node : responses) {
    if (!Is(node, "EncapsulatedOCSPValue", dsig::kXadesNamespace))
      Malformed();
    const std::string response = Base64Content(node);
    if (response.size() > kMaxOcspBytes)
      Malformed();
    if (OcspSaysGood(response, signer, facts->gen_time))
      level.level = kLevelBaselineLT;
  }
  ERR_clear_error();  // what OpenSSL queued on a response that did not do
  return level;
}

SealCheck Check(std::string_view container, const SignerTrust& trusted, const ArchiveLimits& limits,
                const SignerTrust& tsa_trusted) {
  SealCheck check;
  check.form = SealForm::kAsice;
  const auto entries = ReadArchive(container, limits);
  if (!entries || entries->empty())
    Malformed();
  const ArchiveEntry& mimetype = entries->front();
  if (mimetype.name != "mimetype" || !mimetype.stored || mimetype.bytes != seal::kAsiceMediaType)
    Malformed();
  static const std::regex kSignatures("^META-INF/[^/]*signatures[^/]*\\.xml$");
  const ArchiveEntry* signatures = nullptr;
  const ArchiveEntry* data = nullptr;
  for (size_t i = 1; i < entries->size(); ++i) {
    const ArchiveEntry& entry = (*entries)[i];
    if (std::regex_match(entry.name, kSignatures)) {
      if (signatures != nullptr)
        Malformed();  // we make one signature file
      signatures = &entry;
    } else if (entry.name.rfind("META-INF/", 0) != 0) {
      if (data != nullptr || entry.name == "mimetype")
        Malformed();  // we seal one data file
      data = &entry;
    }
  }
  if (data == nullptr)
    Malformed();
  if (signatures == nullptr)
    throw Defect{SealDefect::kNoSignature};

  const Doc doc = ParseSignatures(signatures->bytes);
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  if (!Is(root, "XAdESSignatures", dsig::kAsicNamespace))
    Malformed();
  const std::vector<xmlNodePtr> signature_nodes = Children(root);
  if (signature_nodes.empty())
    throw Defect{SealDefect::kNoSignature};
  if (signature_nodes.size() != 1 || !Is(signature_nodes[0], "Signature", dsig::kDsNamespace))
    Malformed();
  xmlNodePtr signature = signature_nodes[0];
  xmlNodePtr signed_info = Only(signature, "SignedInfo", dsig::kDsNamespace);
  xmlNodePtr signature_value = Only(signature, "SignatureValue", dsig::kDsNamespace);
  xmlNodePtr key_info = Only(signature, "KeyInfo", dsig::kDsNamespace);
  xmlNodePtr object = Only(signature, "Object", dsig::kDsNamespace);

  const std::vector<xmlNodePtr> info = Children(signed_info);
  if (info.size() < 4 || !Is(info[0], "CanonicalizationMethod", dsig::kDsNamespace) ||
      !Is(info[1], "SignatureMethod", dsig::kDsNamespace)) {
    Malformed();
  }
  const std::string canonicalization = Attribute(info[0], "Algorithm");
  const std::string method = Attribute(info[1], "Algorithm");
  if (method != dsig::kRsaSha256 && method != dsig::kEcdsaSha256)
    Malformed();
  std::optional<Reference> properties_reference;
  std::optional<Reference> data_reference;
  for (size_t i = 2; i < info.size(); ++i) {
    if (!Is(info[i], "Reference", dsig::kDsNamespace))
      Malformed();
    Reference reference = ReadReference(info[i]);
    if (reference.type == dsig::kSignedPropertiesType) {
      if (properties_reference || reference.uri.size() < 2 || reference.uri[0] != '#')
        Malformed();
      properties_reference = std::move(reference);
    } else {
      if (data_reference || !reference.type.empty() || reference.transform ||
          DecodeUri(reference.uri) != data->name)
        Malformed();
      data_reference = std::move(reference);
    }
  }
  if (!properties_reference || !data_reference)
    Malformed();

  // The SignedProperties the reference names: the only element with that Id, in this signature.
  const std::vector<xmlNodePtr> named = WithId(root, properties_reference->uri.substr(1));
  if (named.size() != 1)
    Malformed();
  xmlNodePtr properties = named[0];
  xmlNodePtr qualifying = Only(object, "QualifyingProperties", dsig::kXadesNamespace);
  if (!Is(properties, "SignedProperties", dsig::kXadesNamespace) || properties->parent != qualifying)
    Malformed();

  // The signer's certificate first, then any it carries towards its CA.
  const std::vector<xmlNodePtr> certificate_nodes = Children(Only(key_info, "X509Data", dsig::kDsNamespace));
  if (certificate_nodes.empty() || certificate_nodes.size() > kMaxCertificates)
    Malformed();
  const std::string certificate_der = Base64Content(certificate_nodes[0]);
  std::unique_ptr<X509, decltype(&X509_free)> certificate = ParseCertificate(certificate_der);
  std::unique_ptr<STACK_OF(X509), Certificates> carried(sk_X509_new_null());
  if (!carried)
    Malformed();
  for (size_t i = 0; i < certificate_nodes.size(); ++i) {
    if (!Is(certificate_nodes[i], "X509Certificate", dsig::kDsNamespace))
      Malformed();
    if (i > 0 &&
        sk_X509_push(carried.get(), ParseCertificate(Base64Content(certificate_nodes[i])).release()) <= 0)
      Malformed();
  }

  xmlNodePtr signed_signature = Only(properties, "SignedSignatureProperties", dsig::kXadesNamespace);
  const auto signed_at = ParseSigningTime(Text(Only(signed_signature, "SigningTime", dsig::kXadesNamespace)));
  if (!signed_at)
    Malformed();
  xmlNodePtr cert = Only(Only(signed_signature, "SigningCertificateV2", dsig::kXadesNamespace), "Cert",
                         dsig::kXadesNamespace);
  xmlNodePtr cert_digest = Only(cert, "CertDigest", dsig::kXadesNamespace);
  if (Attribute(Only(cert_digest, "DigestMethod", dsig::kDsNamespace), "Algorithm") != dsig::kSha256)
    Malformed();
  const std::string named_certificate = Base64Content(Only(cert_digest, "DigestValue", dsig::kDsNamespace));

  // The references first: what was signed must be what is here.
  if (common::Sha256(data->bytes) != data_reference->digest)
    throw Defect{SealDefect::kDigestMismatch};
  const auto canonical_properties =
      dsig::Canonical(doc.get(), properties, properties_reference->transform.value_or(dsig::kC14n10));
  if (!canonical_properties)
    Malformed();
  if (common::Sha256(*canonical_properties) != properties_reference->digest)
    throw Defect{SealDefect::kDigestMismatch};
  const auto canonical_info = dsig::Canonical(doc.get(), signed_info, canonicalization);
  if (!canonical_info)
    Malformed();
  if (!SignatureVerifies(certificate.get(), method, *canonical_info, Base64Content(signature_value)) ||
      named_certificate != common::Sha256(certificate_der)) {
    throw Defect{SealDefect::kSignatureInvalid};
  }

  const Level level =
      ReadLevel(doc.get(), qualifying, signature_value, certificate.get(), carried.get(), tsa_trusted);
  const auto sealed_at = level.time_stamped.value_or(signed_at->at);
  check.defect = SealDefect::kNone;
  check.register_seal = trusted && trusted(certificate.get(), carried.get(), sealed_at);
  std::unique_ptr<BIO, decltype(&BIO_free)> subject(BIO_new(BIO_s_mem()), &BIO_free);
  if (subject &&
      X509_NAME_print_ex(subject.get(), X509_get_subject_name(certificate.get()), 0, XN_FLAG_RFC2253) >= 0) {
    char* text = nullptr;
    const long length = BIO_get_mem_data(subject.get(), &text);
    check.signer_subject = std::string(text, static_cast<size_t>(length));
  }
  check.signed_at = level.time_stamped ? common::FormatTimestamp(sealed_at) : signed_at->text;
  check.level = level.level;
  check.covered_sha256 = common::Sha256Hex(data->bytes);
  return check;
}

}  // namespace

SignerTrust TrustedBy(X509* anchor) {
  if (anchor == nullptr)
    return nullptr;
  std::shared_ptr<X509> kept(X509_dup(anchor), &X509_free);
  return [kept](X509* signer, STACK_OF(X509) * carried, std::chrono::system_clock::time_point) {
    if (!kept || X509_cmp(signer, kept.get()) == 0)
      return static_cast<bool>(kept);
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(),
                                                                            &X509_STORE_CTX_free);
    if (!store || !context || X509_STORE_add_cert(store.get(), kept.get()) != 1 ||
        X509_STORE_CTX_init(context.get(), store.get(), signer, carried) != 1) {
      ERR_clear_error();
      return false;
    }
    // The anchor may be an intermediate CA.
    X509_STORE_CTX_set_flags(context.get(), X509_V_FLAG_PARTIAL_CHAIN | X509_V_FLAG_NO_CHECK_TIME);
    const bool trusted = X509_verify_cert(context.get()) == 1;
    ERR_clear_error();
    return trusted;
  };
}

SealCheck VerifyAsice(std::string_view container, const SignerTrust& trusted, const ArchiveLimits& limits,
                      const SignerTrust& tsa_trusted) {
  try {
    return Check(container, trusted, limits, tsa_trusted);
  } catch (const Defect& stopped) {
    SealCheck check;
    check.form = SealForm::kAsice;
    check.defect = stopped.defect;
    return check;
  } catch (const std::exception&) {
    SealCheck check;  // out of memory or a number out of range: the document is not checked
    check.form = SealForm::kAsice;
    return check;
  }
}

}  // namespace kutse::stamping::verify
