#include "verify/trust_anchors.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <stdexcept>

namespace kutse::stamping::verify {
namespace {

std::shared_ptr<X509_STORE> NewStore() {
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) {
    throw std::runtime_error("no memory for the trust anchors");
  }
  // An anchor may be the seal certificate itself, not only a self-signed root.
  X509_STORE_set_flags(store, X509_V_FLAG_PARTIAL_CHAIN);
  return std::shared_ptr<X509_STORE>(store, X509_STORE_free);
}

}  // namespace

TrustAnchors TrustAnchors::FromPem(const std::string& pem) {
  TrustAnchors anchors;
  anchors.store_ = NewStore();
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())),
                                                BIO_free);
  int count = 0;
  while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(anchors.store_.get(), certificate);  // takes its own reference
    X509_free(certificate);
    ++count;
  }
  // The loop ends at the end of the text (PEM_R_NO_START_LINE) or at a certificate it cannot read.
  const unsigned long error = ERR_peek_last_error();
  ERR_clear_error();
  if (count == 0 || (error != 0 && ERR_GET_REASON(error) != PEM_R_NO_START_LINE)) {
    throw std::runtime_error("the trust anchors are not PEM certificates");
  }
  return anchors;
}

TrustAnchors TrustAnchors::Of(X509* certificate) {
  TrustAnchors anchors;
  anchors.store_ = NewStore();
  X509_STORE_add_cert(anchors.store_.get(), certificate);
  return anchors;
}

bool TrustAnchors::Trusts(X509* signer, STACK_OF(X509) * untrusted,
                          std::chrono::system_clock::time_point at) const {
  if (store_ == nullptr || signer == nullptr) {
    return false;
  }
  std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(),
                                                                          X509_STORE_CTX_free);
  if (!context || X509_STORE_CTX_init(context.get(), store_.get(), signer, untrusted) != 1) {
    ERR_clear_error();
    return false;
  }
  // The seal was valid when it was made; its certificate may have expired since.
  X509_STORE_CTX_set_time(context.get(), 0, std::chrono::system_clock::to_time_t(at));
  const bool trusted = X509_verify_cert(context.get()) == 1;
  ERR_clear_error();
  return trusted;
}

SignerTrust TrustedBy(const TrustAnchors& anchors) {
  return [&anchors](X509* signer, STACK_OF(X509) * carried, std::chrono::system_clock::time_point at) {
    return anchors.Trusts(signer, carried, at);
  };
}

}  // namespace kutse::stamping::verify
