#include "clients/tsa_client.hpp"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include <stdexcept>

#include "seal/der.hpp"

namespace kutse::stamping {
namespace {

using BigNumber = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
using Integer = std::unique_ptr<ASN1_INTEGER, decltype(&ASN1_INTEGER_free)>;
using Object = std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)>;
using Request = std::unique_ptr<TS_REQ, decltype(&TS_REQ_free)>;
using Response = std::unique_ptr<TS_RESP, decltype(&TS_RESP_free)>;
using Store = std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)>;
using VerifyContext = std::unique_ptr<TS_VERIFY_CTX, decltype(&TS_VERIFY_CTX_free)>;

constexpr size_t kSha256Bytes = 32;

Object PolicyObject(const std::string& oid) {
  // 1: numerical form only, so a name like "sha256" is not taken for an OID.
  return Object(oid.empty() ? nullptr : OBJ_txt2obj(oid.c_str(), 1), &ASN1_OBJECT_free);
}

Store TrustStore(const std::string& pem) {
  Store store(X509_STORE_new(), &X509_STORE_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                &BIO_free);
  if (!store || !bio) {
    throw std::bad_alloc();
  }
  int certificates = 0;
  while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store.get(), certificate);
    X509_free(certificate);
    ++certificates;
  }
  ERR_clear_error();  // the end of the PEM is reported as an error
  if (certificates == 0) {
    throw std::invalid_argument("the TSA trust file holds no PEM certificate");
  }
  // The TSA's own certificate or an intermediate CA may be the anchor.
  X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
  return store;
}

// Without a trust file: the certificates the token carries are the anchors, so its signature, the
// ESS signing-certificate link and the timeStamping purpose are still checked.
Store CarriedStore(TS_RESP* response) {
  Store store(X509_STORE_new(), &X509_STORE_free);
  if (!store) {
    throw std::bad_alloc();
  }
  PKCS7* token = TS_RESP_get_token(response);
  if (token != nullptr && PKCS7_type_is_signed(token)) {
    STACK_OF(X509)* carried = token->d.sign->cert;
    for (int i = 0; i < sk_X509_num(carried); ++i) {
      X509_STORE_add_cert(store.get(), sk_X509_value(carried, i));
    }
  }
  X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
  return store;
}

Integer RandomNonce() {
  unsigned char bytes[8];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    throw std::runtime_error("no random bytes for a time-stamp nonce");
  }
  BigNumber number(BN_bin2bn(bytes, sizeof bytes, nullptr), &BN_free);
  Integer nonce(number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr, &ASN1_INTEGER_free);
  if (!nonce) {
    throw std::bad_alloc();
  }
  return nonce;
}

Request MakeRequest(const std::string& sha256, const ASN1_OBJECT* policy) {
  Request request(TS_REQ_new(), &TS_REQ_free);
  std::unique_ptr<TS_MSG_IMPRINT, decltype(&TS_MSG_IMPRINT_free)> imprint(TS_MSG_IMPRINT_new(),
                                                                          &TS_MSG_IMPRINT_free);
  std::unique_ptr<X509_ALGOR, decltype(&X509_ALGOR_free)> algorithm(X509_ALGOR_new(), &X509_ALGOR_free);
  if (!request || !imprint || !algorithm ||
      X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1 ||
      TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1 ||
      TS_MSG_IMPRINT_set_msg(imprint.get(),
                             reinterpret_cast<unsigned char*>(const_cast<char*>(sha256.data())),
                             static_cast<int>(sha256.size())) != 1 ||
      TS_REQ_set_version(request.get(), 1) != 1 ||
      TS_REQ_set_msg_imprint(request.get(), imprint.get()) != 1 ||
      TS_REQ_set_nonce(request.get(), RandomNonce().get()) != 1 ||
      TS_REQ_set_cert_req(request.get(), 1) != 1 ||
      (policy != nullptr && TS_REQ_set_policy_id(request.get(), policy) != 1)) {
    throw std::runtime_error("the time-stamp request could not be made");
  }
  return request;
}

// The token's own bytes inside TimeStampResp ::= SEQUENCE { status, timeStampToken }, as the TSA
// signed and encoded them (not re-encoded by OpenSSL). Empty when the outer layout is not that.
std::string TokenBytes(const std::string& body) {
  const auto* start = reinterpret_cast<const unsigned char*>(body.data());
  const unsigned char* cursor = start;
  long length = 0;
  int tag = 0;
  int klass = 0;
  if (ASN1_get_object(&cursor, &length, &tag, &klass, static_cast<long>(body.size())) & 0x80 ||
      tag != V_ASN1_SEQUENCE) {
    return "";
  }
  const unsigned char* end = cursor + length;
  long status_length = 0;
  if (ASN1_get_object(&cursor, &status_length, &tag, &klass, end - cursor) & 0x80 || tag != V_ASN1_SEQUENCE) {
    return "";
  }
  cursor += status_length;
  return cursor < end ? std::string(reinterpret_cast<const char*>(cursor), static_cast<size_t>(end - cursor))
                      : std::string();
}

// What OpenSSL's verification says went wrong, in a few words; its queue is emptied.
std::string VerificationFailure() {
  const unsigned long error = ERR_peek_error();
  std::string reason;
  switch (ERR_GET_REASON(error)) {
    case TS_R_NONCE_MISMATCH:
    case TS_R_NONCE_NOT_RETURNED:
      reason = "the nonce is not the one asked for";
      break;
    case TS_R_MESSAGE_IMPRINT_MISMATCH:
    case TS_R_UNSUPPORTED_MD_ALGORITHM:
      reason = "the message imprint is not the one asked for";
      break;
    case TS_R_UNSUPPORTED_VERSION:
      reason = "the token's version is not 1";
      break;
    case TS_R_POLICY_MISMATCH:
      reason = "the token's policy is not the one asked for";
      break;
    default:
      reason = "the token's signature or TSA certificate does not verify";
  }
  ERR_clear_error();
  return reason;
}

}  // namespace

TsaClient::TsaClient(TsaOptions options)
    : options_(std::move(options)),
      exchange_(TrustServiceEndpoint{"time-stamping authority", "tsa", options_.url,
                                     "application/timestamp-query", "application/timestamp-reply",
                                     options_.budget}) {
  if (!options_.policy_oid.empty() && !PolicyObject(options_.policy_oid)) {
    ERR_clear_error();
    throw std::invalid_argument("the time-stamp policy is not an OID");
  }
  if (!options_.trust_pem.empty()) {
    trust_ = TrustStore(options_.trust_pem).release();
  }
}

TsaClient::~TsaClient() {
  X509_STORE_free(trust_);
}

TsaClient::TsaClient(TsaClient&& other) noexcept
    : options_(std::move(other.options_)), exchange_(std::move(other.exchange_)), trust_(other.trust_) {
  other.trust_ = nullptr;
}

std::string TsaClient::TimeStampToken(const std::string& sha256) const {
  if (sha256.size() != kSha256Bytes) {
    throw std::invalid_argument("a time-stamp imprint is a SHA-256 of 32 bytes");
  }
  const Object policy = PolicyObject(options_.policy_oid);
  const Request request = MakeRequest(sha256, policy.get());
  const std::string body = exchange_.Post(seal::DerOf<TS_REQ>(request.get(), &i2d_TS_REQ));

  const auto* cursor = reinterpret_cast<const unsigned char*>(body.data());
  Response response(d2i_TS_RESP(nullptr, &cursor, static_cast<long>(body.size())), &TS_RESP_free);
  if (!response || cursor != reinterpret_cast<const unsigned char*>(body.data()) + body.size()) {
    ERR_clear_error();
    exchange_.Refuse("the answer is not a TimeStampResp");
  }
  // granted (0) or grantedWithMods (1): both carry a token (RFC 3161 section 2.4.2).
  const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response.get())));
  if (status != TS_STATUS_GRANTED && status != TS_STATUS_GRANTED_WITH_MODS) {
    exchange_.Refuse("the request was not granted (PKIStatus " + std::to_string(status) + ")");
  }
  const std::string token = TokenBytes(body);
  if (TS_RESP_get_token(response.get()) == nullptr || token.empty()) {
    exchange_.Refuse("granted without a token");
  }

  // Version, imprint, nonce and (when asked for) policy as in the request, then the signature.
  VerifyContext context(TS_REQ_to_TS_VERIFY_CTX(request.get(), nullptr), &TS_VERIFY_CTX_free);
  if (!context) {
    throw std::bad_alloc();
  }
  if (trust_ != nullptr) {
    X509_STORE_up_ref(trust_);
  }
  // The context owns the store it is given.
  TS_VERIFY_CTX_set_store(context.get(), trust_ != nullptr ? trust_ : CarriedStore(response.get()).release());
  TS_VERIFY_CTX_add_flags(context.get(), TS_VFY_SIGNATURE);
  if (TS_RESP_verify_response(context.get(), response.get()) != 1) {
    exchange_.Refuse(VerificationFailure());
  }
  return token;
}

}  // namespace kutse::stamping
