#include "seal/seal_key.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include <stdexcept>

namespace kutse::stamping::seal {

namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio MemoryBio(const std::string& bytes) {
  return Bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())), &BIO_free);
}

std::shared_ptr<STACK_OF(X509)> EmptyChain() {
  return std::shared_ptr<STACK_OF(X509)>(sk_X509_new_null(),
                                         [](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); });
}

// Every certificate of a PEM text, in order.
std::shared_ptr<STACK_OF(X509)> PemCertificates(const std::string& pem) {
  auto all = EmptyChain();
  Bio bio = MemoryBio(pem);
  while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    sk_X509_push(all.get(), certificate);
  }
  return all;
}

int PasswordCallback(char* buffer, int size, int, void* password) {
  const auto* text = static_cast<const std::string*>(password);
  if (text->size() > static_cast<size_t>(size))
    return -1;
  text->copy(buffer, text->size());
  return static_cast<int>(text->size());
}

}  // namespace

SealKey SealKey::Load(const std::string& key, const std::string& certificates, const std::string& password) {
  SealKey seal;
  std::shared_ptr<STACK_OF(X509)> found;
  if (key.find("-----BEGIN") != std::string::npos) {
    Bio bio = MemoryBio(key);
    std::string secret = password;
    EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, &PasswordCallback, &secret);
    if (pkey == nullptr)
      throw std::runtime_error("the seal key is not a readable PEM private key");
    seal.key_.reset(pkey, &EVP_PKEY_free);
    found = PemCertificates(certificates.empty() ? key : certificates);
  } else {
    Bio bio = MemoryBio(key);
    std::unique_ptr<PKCS12, decltype(&PKCS12_free)> p12(d2i_PKCS12_bio(bio.get(), nullptr), &PKCS12_free);
    if (!p12)
      throw std::runtime_error("the seal key is neither PEM nor PKCS#12");
    EVP_PKEY* pkey = nullptr;
    X509* certificate = nullptr;
    STACK_OF(X509)* cas = nullptr;
    if (PKCS12_parse(p12.get(), password.c_str(), &pkey, &certificate, &cas) != 1 || pkey == nullptr) {
      throw std::runtime_error("the seal's PKCS#12 file cannot be opened with the password given");
    }
    seal.key_.reset(pkey, &EVP_PKEY_free);
    found = EmptyChain();
    if (certificate != nullptr)
      sk_X509_push(found.get(), certificate);
    while (cas != nullptr && sk_X509_num(cas) > 0)
      sk_X509_push(found.get(), sk_X509_shift(cas));
    sk_X509_free(cas);
    if (!certificates.empty())
      found = PemCertificates(certificates);
  }
  if (sk_X509_num(found.get()) == 0)
    throw std::runtime_error("no seal certificate was given");
  // The seal certificate is the one of this key; the others are its chain.
  seal.chain_ = EmptyChain();
  while (sk_X509_num(found.get()) > 0) {
    X509* certificate = sk_X509_shift(found.get());
    if (!seal.certificate_ && X509_check_private_key(certificate, seal.key_.get()) == 1) {
      seal.certificate_.reset(certificate, &X509_free);
    } else {
      sk_X509_push(seal.chain_.get(), certificate);
    }
  }
  ERR_clear_error();  // the certificates that did not match left their errors behind
  if (!seal.certificate_)
    throw std::runtime_error("no seal certificate given matches the seal key");
  return seal;
}

}  // namespace kutse::stamping::seal
