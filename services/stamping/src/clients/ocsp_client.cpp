#include "clients/ocsp_client.hpp"

#include <openssl/err.h>
#include <openssl/ocsp.h>

#include <memory>
#include <stdexcept>

#include "seal/der.hpp"

namespace kutse::stamping {
namespace {

using BasicResponse = std::unique_ptr<OCSP_BASICRESP, decltype(&OCSP_BASICRESP_free)>;
using CertificateId = std::unique_ptr<OCSP_CERTID, decltype(&OCSP_CERTID_free)>;
using Request = std::unique_ptr<OCSP_REQUEST, decltype(&OCSP_REQUEST_free)>;
using ResponsePointer = std::unique_ptr<OCSP_RESPONSE, decltype(&OCSP_RESPONSE_free)>;
using Store = std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)>;

// SHA-1 in the CertID: what every responder matches on (RFC 6960 section 4.1.1, RFC 5019).
CertificateId IdOf(X509* certificate, X509* issuer) {
  CertificateId id(OCSP_cert_to_id(EVP_sha1(), certificate, issuer), &OCSP_CERTID_free);
  if (!id) {
    ERR_clear_error();
    throw std::invalid_argument("no OCSP certificate id for that certificate and issuer");
  }
  return id;
}

Request MakeRequest(X509* certificate, X509* issuer) {
  Request request(OCSP_REQUEST_new(), &OCSP_REQUEST_free);
  CertificateId id = IdOf(certificate, issuer);
  if (!request || OCSP_request_add0_id(request.get(), id.get()) == nullptr) {
    throw std::runtime_error("the OCSP request could not be made");
  }
  id.release();                                                    // the request owns it now
  if (OCSP_request_add1_nonce(request.get(), nullptr, -1) != 1) {  // 16 random bytes
    throw std::runtime_error("the OCSP request could not be made");
  }
  return request;
}

// The issuer is the anchor, also when it is an intermediate CA.
Store IssuerStore(X509* issuer) {
  Store store(X509_STORE_new(), &X509_STORE_free);
  if (!store || X509_STORE_add_cert(store.get(), issuer) != 1) {
    throw std::bad_alloc();
  }
  X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
  return store;
}

}  // namespace

OcspClient::OcspClient(std::string url, std::chrono::milliseconds budget)
    : exchange_(TrustServiceEndpoint{"OCSP responder", "ocsp", std::move(url), "application/ocsp-request",
                                     "application/ocsp-response", budget}) {}

std::string OcspClient::Response(X509* certificate, X509* issuer) const {
  const Request request = MakeRequest(certificate, issuer);
  const std::string body = exchange_.Post(seal::DerOf<OCSP_REQUEST>(request.get(), &i2d_OCSP_REQUEST));

  const auto* cursor = reinterpret_cast<const unsigned char*>(body.data());
  const ResponsePointer response(d2i_OCSP_RESPONSE(nullptr, &cursor, static_cast<long>(body.size())),
                                 &OCSP_RESPONSE_free);
  if (!response || cursor != reinterpret_cast<const unsigned char*>(body.data()) + body.size()) {
    ERR_clear_error();
    exchange_.Refuse("the answer is not an OCSPResponse");
  }
  const int status = OCSP_response_status(response.get());
  if (status != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
    exchange_.Refuse(std::string("the response is not successful (") + OCSP_response_status_str(status) +
                     ")");
  }
  BasicResponse basic(OCSP_response_get1_basic(response.get()), &OCSP_BASICRESP_free);
  if (!basic) {
    ERR_clear_error();
    exchange_.Refuse("the response is not a basic OCSP response");
  }
  // Signed by the issuer, or by a responder certificate it issued with OCSPSigning. NOEXPLICIT:
  // a self-signed issuer's trust does not stand in for that extended key usage.
  const Store store = IssuerStore(issuer);
  if (OCSP_basic_verify(basic.get(), nullptr, store.get(), OCSP_NOEXPLICIT) != 1) {
    ERR_clear_error();
    exchange_.Refuse("the response's signature or responder certificate does not verify");
  }
  // 1: the same nonce; -1: the responder echoed none (allowed, RFC 5019); anything else is not ours.
  const int nonce = OCSP_check_nonce(request.get(), basic.get());
  if (nonce != 1 && nonce != -1) {
    exchange_.Refuse("the response's nonce is not the one asked for");
  }
  const CertificateId id = IdOf(certificate, issuer);
  int certificate_status = -1;
  int reason = -1;
  ASN1_GENERALIZEDTIME* revoked_at = nullptr;
  ASN1_GENERALIZEDTIME* this_update = nullptr;
  ASN1_GENERALIZEDTIME* next_update = nullptr;
  if (OCSP_resp_find_status(basic.get(), id.get(), &certificate_status, &reason, &revoked_at, &this_update,
                            &next_update) != 1) {
    exchange_.Refuse("the response does not name the certificate asked about");
  }
  if (certificate_status != V_OCSP_CERTSTATUS_GOOD) {
    exchange_.Refuse(std::string("the certificate's status is ") + OCSP_cert_status_str(certificate_status));
  }
  if (OCSP_check_validity(this_update, next_update, static_cast<long>(kOcspClockSkew.count()), -1) != 1) {
    ERR_clear_error();
    exchange_.Refuse("the response is not current (thisUpdate or nextUpdate)");
  }
  return body;
}

}  // namespace kutse::stamping
