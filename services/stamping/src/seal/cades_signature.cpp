#include "seal/cades_signature.hpp"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/sha.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "seal/der.hpp"

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

// The signed attributes as the signature covers them: a DER SET OF, its members sorted by their
// encodings (X.690 §11.6), as every verifier re-encodes them.
std::string SignedAttributesDer(CMS_SignerInfo* signer) {
  std::vector<std::string> members;
  for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i)
    members.push_back(DerOf<X509_ATTRIBUTE>(CMS_signed_get_attr(signer, i), &i2d_X509_ATTRIBUTE));
  std::sort(members.begin(), members.end());
  std::string body;
  for (const std::string& member : members)
    body += member;
  return '\x31' + DerLength(body.size()) + body;  // SET
}

using CmsPointer = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;

// The TSA's token over the SHA-256 of the signature value's octets, as an unsigned attribute.
void AddSignatureTimeStamp(CMS_SignerInfo* signer, const TrustServices& time_stamping) {
  const ASN1_OCTET_STRING* value = CMS_SignerInfo_get0_signature(signer);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(ASN1_STRING_get0_data(value), static_cast<size_t>(ASN1_STRING_length(value)), digest);
  const std::string token =
      time_stamping.TimeStampToken(std::string(reinterpret_cast<char*>(digest), sizeof digest));
  // The token is a ContentInfo, a SEQUENCE: OpenSSL keeps a SEQUENCE value as its whole encoding.
  if (CMS_unsigned_add1_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token.data(),
                                    static_cast<int>(token.size())) != 1)
    Fail("the time-stamp token cannot be added");
}

}  // namespace

std::vector<std::string> TimeStampCertificates(const std::string& cms_der) {
  const auto* cursor = reinterpret_cast<const unsigned char*>(cms_der.data());
  CmsPointer cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(cms_der.size())),
                 &CMS_ContentInfo_free);
  STACK_OF(CMS_SignerInfo)* signers = cms ? CMS_get0_SignerInfos(cms.get()) : nullptr;
  if (signers == nullptr || sk_CMS_SignerInfo_num(signers) != 1)
    Fail("the CMS cannot be read back");
  CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(signers, 0);
  const int at = CMS_unsigned_get_attr_by_NID(signer, NID_id_smime_aa_timeStampToken, -1);
  if (at < 0)
    return {};
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(signer, at), 0);
  if (value == nullptr || value->type != V_ASN1_SEQUENCE)
    Fail("the time-stamp token cannot be read back");
  const unsigned char* token_cursor = value->value.sequence->data;
  CmsPointer token(d2i_CMS_ContentInfo(nullptr, &token_cursor, value->value.sequence->length),
                   &CMS_ContentInfo_free);
  if (!token)
    Fail("the time-stamp token cannot be read back");
  std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> certificates(
      CMS_get1_certs(token.get()), [](STACK_OF(X509) * list) { sk_X509_pop_free(list, X509_free); });
  std::vector<std::string> ders;
  for (int i = 0; certificates && i < sk_X509_num(certificates.get()); ++i)
    ders.push_back(CertificateDer(sk_X509_value(certificates.get(), i)));
  return ders;
}

std::string CadesDetachedSignature(const SealKey& seal, std::string_view content,
                                   const TrustServices* time_stamping) {
  constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CmsPointer cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags), &CMS_ContentInfo_free);
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
  // Over the final signature value: asked only now that it is.
  if (time_stamping != nullptr)
    AddSignatureTimeStamp(signer, *time_stamping);

  return DerOf<CMS_ContentInfo>(cms.get(), &i2d_CMS_ContentInfo);
}

}  // namespace kutse::stamping::seal
