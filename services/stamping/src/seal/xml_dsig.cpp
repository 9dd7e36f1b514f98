#include "seal/xml_dsig.hpp"

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <openssl/ecdsa.h>

#include <cctype>
#include <memory>
#include <vector>

namespace kutse::stamping::seal::xmldsig {

namespace {

// libxml2 asks of every node of the document whether it is in the node set; a namespace node comes
// with the element it belongs to as `parent` (xmlNs and xmlNode both have `type` second).
int InSubtree(void* apex, xmlNodePtr node, xmlNodePtr parent) {
  const xmlNode* at = (node != nullptr && node->type == XML_NAMESPACE_DECL) ? parent : node;
  for (; at != nullptr; at = at->parent) {
    if (at == apex)
      return 1;
  }
  return 0;
}

int Append(void* text, const char* bytes, int length) {
  static_cast<std::string*>(text)->append(bytes, static_cast<size_t>(length));
  return length;
}

}  // namespace

void InitXml() {
  static const bool done = (xmlInitParser(), true);
  (void)done;
}

std::optional<std::string> Canonical(xmlDocPtr doc, xmlNodePtr element, const std::string& algorithm) {
  int mode = 0;
  if (algorithm == kC14n10) {
    mode = XML_C14N_1_0;
  } else if (algorithm == kC14n11) {
    mode = XML_C14N_1_1;
  } else {
    return std::nullopt;
  }
  std::string out;
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(&Append, nullptr, &out, nullptr);
  if (buffer == nullptr)
    return std::nullopt;
  const int done = xmlC14NExecute(doc, &InSubtree, element, mode, nullptr, 0, buffer);
  if (xmlOutputBufferClose(buffer) < 0 || done < 0)
    return std::nullopt;
  return out;
}

std::string Escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Base64(const std::string& bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  text.resize(static_cast<size_t>(length));
  return text;
}

std::optional<std::string> FromBase64(const std::string& text) {
  std::string compact;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
      continue;
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '='))
      return std::nullopt;
    compact += c;
  }
  if (compact.size() % 4 != 0)
    return std::nullopt;
  std::string bytes(compact.size() / 4 * 3, '\0');
  const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                     reinterpret_cast<const unsigned char*>(compact.data()),
                                     static_cast<int>(compact.size()));
  if (length < 0)
    return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes.
  size_t padding = 0;
  for (size_t i = compact.size(); i > 0 && compact[i - 1] == '='; --i)
    ++padding;
  if (padding > 2)
    return std::nullopt;
  bytes.resize(static_cast<size_t>(length) - padding);
  return bytes;
}

std::optional<std::string> SignatureMethodFor(EVP_PKEY* key) {
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
      return std::string(kRsaSha256);
    case EVP_PKEY_EC:
      return std::string(kEcdsaSha256);
    default:
      return std::nullopt;
  }
}

std::optional<std::string> EcdsaDerToRaw(const std::string& der, int field_bytes) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(
      d2i_ECDSA_SIG(nullptr, &bytes, static_cast<long>(der.size())), &ECDSA_SIG_free);
  if (!signature || field_bytes <= 0)
    return std::nullopt;
  std::string raw(2 * static_cast<size_t>(field_bytes), '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), out, field_bytes) != field_bytes ||
      BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), out + field_bytes, field_bytes) != field_bytes) {
    return std::nullopt;
  }
  return raw;
}

std::optional<std::string> EcdsaRawToDer(const std::string& raw) {
  if (raw.empty() || raw.size() % 2 != 0 || raw.size() > 264)
    return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  const int half = static_cast<int>(raw.size() / 2);
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(ECDSA_SIG_new(), &ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(bytes, half, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + half, half, nullptr);
  if (!signature || r == nullptr || s == nullptr || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0)
    return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace kutse::stamping::seal::xmldsig
