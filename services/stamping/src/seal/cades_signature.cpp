#include "seal/cades_signature.hpp"

#include <openssl/cms.h>
#include <openssl/err.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace kutse::stamping::seal {

namespace {

[[noreturn]] void Fail(const char* what) {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  char reason[256] = "";
  if (code != 0)
    ERR_error_string_n(code, reason, sizeof reason);
  throw std::runtime_error(std::string("the seal cannot be made: ") + what + (code != 0 ? ": " : "") +
                           reason);
}

std::string Der(X509_ATTRIBUTE* attribute) {
  unsigned char* bytes = nullptr;
  const int length = i2d_X509_ATTRIBUTE(attribute, &bytes);
  if (length <= 0)
    Fail("an attribute cannot be encoded");
  std::string der(reinterpret_cast<char*>(bytes), static_cast<size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

// The signed attributes as the signature covers them: a DER SET OF, its members sorted by their
// encodings (X.690 §11.6), as every verifier re-encodes them.
std::string SignedAttributesDer(CMS_SignerInfo* signer) {
  std::vector<std::string> members;
  for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i)
    members.push_back(Der(CMS_signed_get_attr(signer, i)));
  std::sort(members.begin(), members.end());
  std::string body;
  for (const std::string& member : members)
    body += member;
  std::string der(1, '\x31');  // SET
  if (body.size() < 0x80) {
    der += static_cast<char>(body.size());
  } else {
    std::string length;
    for (size_t n = body.size(); n > 0; n >>= 8)
      length.insert(length.begin(), static_cast<char>(n & 0xff));
    der += static_cast<char>(0x80 | length.size());
    der += length;
  }
  return der + body;
}

}  // namespace

std::string CadesDetachedSignature(const SealKey& seal, std::string_view content) {
  constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags), &CMS_ContentInfo_free);
  if (!cms)
    Fail("CMS_sign");
  // CMS_CADES adds the ESS signing-certificate-v2 attribute (SHA-256 of the seal certificate).
  CMS_SignerInfo* signer =
      CMS_add1_signer(cms.get(), seal.Certificate(), seal.Key(), EVP_sha256(), kFlags | CMS_CADES);
  if (signer == nullptr)
    Fail("CMS_add1_signer");
  for (int i = 0; i < sk_X509_num(seal.Chain()); ++i) {
    if (CMS_add1_cert(cms.get(), sk_X509_value(seal.Chain(), i)) != 1)
      Fail("CMS_add1_cert");
  }
  std::unique_ptr<BIO, decltype(&BIO_free)> data(
      BIO_new_mem_buf(content.data(), static_cast<int>(content.size())), &BIO_free);
  if (CMS_final(cms.get(), data.get(), nullptr, kFlags) != 1)
    Fail("CMS_final");

  // OpenSSL always adds a signing-time attribute when it signs; take it out and sign the remaining
  // attributes again, so the only time of the seal is the one in /M.
  const int at = CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1);
  if (at >= 0) {
    X509_ATTRIBUTE_free(CMS_signed_delete_attr(signer, at));
    const std::string attributes = SignedAttributesDer(signer);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, seal.Key()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length,
                       reinterpret_cast<const unsigned char*>(attributes.data()), attributes.size()) != 1) {
      Fail("EVP_DigestSign");
    }
    std::vector<unsigned char> signature(length);
    if (EVP_DigestSign(context.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(attributes.data()), attributes.size()) != 1 ||
        ASN1_STRING_set(CMS_SignerInfo_get0_signature(signer), signature.data(), static_cast<int>(length)) !=
            1) {
      Fail("EVP_DigestSign");
    }
  }

  unsigned char* bytes = nullptr;
  const int length = i2d_CMS_ContentInfo(cms.get(), &bytes);
  if (length <= 0)
    Fail("i2d_CMS_ContentInfo");
  std::string der(reinterpret_cast<char*>(bytes), static_cast<size_t>(length));
  OPENSSL_free(bytes);
  return der;
}

}  // namespace kutse::stamping::seal
