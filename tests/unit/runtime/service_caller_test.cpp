// The callee's side of service calls: which verifier a bearer token goes to, and RequireService.
#include "kutse/runtime/service_caller.hpp"

#include <catch2/catch.hpp>

#include "kutse/auth/token_signer.hpp"
#include "kutse/common/message_catalog.hpp"
#include "kutse/runtime/caller.hpp"
#include "support/test_keys.hpp"

using namespace kutse;
using std::chrono::seconds;

namespace {

struct Keys {
  testing::PemKeyPair gateway = testing::NewP256KeyPair();
  testing::PemKeyPair stamping = testing::NewP256KeyPair();
  testing::PemKeyPair notification = testing::NewP256KeyPair();

  auth::TokenVerifier People() const {
    return auth::TokenVerifier(auth::Es256Key::FromPublicPem(gateway.public_pem), "certificate");
  }
  // The certificate service trusts the stamping and notification services.
  auth::ServiceTokenVerifier Services() const {
    return auth::ServiceTokenVerifier(
        "certificate", {{"stamping", auth::Es256Key::FromPublicPem(stamping.public_pem)},
                        {"notification", auth::Es256Key::FromPublicPem(notification.public_pem)}});
  }
  std::string ServiceToken(const std::string& service, const testing::PemKeyPair& keys) const {
    return auth::ServiceTokenSigner(service, auth::Es256Key::FromPrivatePem(keys.private_pem))
        .Issue("certificate");
  }
  std::string PersonToken() const {
    auth::Identity person;
    person.personal_code = "36805280109";
    person.roles = {"holder"};
    return auth::TokenSigner(auth::Es256Key::FromPrivatePem(gateway.private_pem), seconds(60))
        .Issue(person, "certificate");
  }
};

http::Request WithBearer(const std::string& token) {
  http::Request request;
  request.headers["authorization"] = "Bearer " + token;
  return request;
}

common::StatusCode CodeOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const common::StatusError& error) {
    return error.status().code();
  }
  return common::StatusCode::kOk;
}

}  // namespace

TEST_CASE("a service's token makes the caller that service; the gateway's still makes a person",
          "[service_caller]") {
  Keys keys;
  auto people = keys.People();
  auto services = keys.Services();

  http::Request from_stamping = WithBearer(keys.ServiceToken("stamping", keys.stamping));
  runtime::ResolveCallerOrService(people, services, from_stamping);
  REQUIRE(from_stamping.caller->IsService());
  REQUIRE(runtime::RequireService(from_stamping, "stamping").service == "stamping");

  http::Request from_person = WithBearer(keys.PersonToken());
  runtime::ResolveCallerOrService(people, services, from_person);
  REQUIRE(from_person.caller->IsPerson());
  REQUIRE(from_person.caller->personal_code == "36805280109");

  http::Request anonymous;
  runtime::ResolveCallerOrService(people, services, anonymous);
  REQUIRE_FALSE(anonymous.caller);
}

TEST_CASE("RequireService admits only the named service", "[service_caller]") {
  Keys keys;
  auto people = keys.People();
  auto services = keys.Services();

  http::Request anonymous;
  REQUIRE(CodeOf([&] { runtime::RequireService(anonymous, "stamping"); }) ==
          common::StatusCode::kUnauthenticated);

  http::Request from_person = WithBearer(keys.PersonToken());
  runtime::ResolveCallerOrService(people, services, from_person);
  REQUIRE(CodeOf([&] { runtime::RequireService(from_person, "stamping"); }) ==
          common::StatusCode::kPermissionDenied);

  http::Request from_notification = WithBearer(keys.ServiceToken("notification", keys.notification));
  runtime::ResolveCallerOrService(people, services, from_notification);
  REQUIRE(CodeOf([&] { runtime::RequireService(from_notification, "stamping"); }) ==
          common::StatusCode::kPermissionDenied);

  http::Request api_client;
  api_client.caller = auth::Identity{};
  api_client.caller->kind = auth::Identity::Kind::kApiClient;
  api_client.caller->client_id = "kutsekoda-site";
  REQUIRE(CodeOf([&] { runtime::RequireService(api_client, "stamping"); }) ==
          common::StatusCode::kPermissionDenied);
}

TEST_CASE("a service is not a person to the routes that want one", "[service_caller]") {
  Keys keys;
  auto people = keys.People();
  auto services = keys.Services();
  http::Request from_stamping = WithBearer(keys.ServiceToken("stamping", keys.stamping));
  runtime::ResolveCallerOrService(people, services, from_stamping);
  REQUIRE_NOTHROW(runtime::RequireCaller(from_stamping));
  REQUIRE_THROWS(runtime::RequirePerson(from_stamping));
  REQUIRE_THROWS(runtime::RequireAdmin(from_stamping));
}

TEST_CASE("a refused service token is unauthenticated and never read as the gateway's", "[service_caller]") {
  Keys keys;
  auto people = keys.People();
  // Trusts the stamping key, but as the notification service: the token names a trusted key and so
  // goes to the service verifier, which refuses the subject.
  auth::ServiceTokenVerifier services(
      "certificate", {{"notification", auth::Es256Key::FromPublicPem(keys.stamping.public_pem)}});
  http::Request request = WithBearer(keys.ServiceToken("stamping", keys.stamping));
  bool refused = false;
  try {
    runtime::ResolveCallerOrService(people, services, request);
  } catch (const common::StatusError& error) {
    refused = error.status().code() == common::StatusCode::kUnauthenticated &&
              error.status().message().key == "runtime.service_token_refused";
  }
  REQUIRE(refused);
  REQUIRE_FALSE(request.caller);

  // A token from a key nobody trusts goes to the gateway's verifier, which refuses it too.
  http::Request stranger = WithBearer(keys.ServiceToken("stamping", testing::NewP256KeyPair()));
  REQUIRE_THROWS(runtime::ResolveCallerOrService(people, keys.Services(), stranger));
  REQUIRE_FALSE(stranger.caller);
}

TEST_CASE("every message of the service glue has an Estonian and an English text", "[service_caller]") {
  runtime::LoadEmbeddedMessages();
  const auto& catalog = common::MessageCatalog::Global();
  for (const char* key :
       {"runtime.service_token_refused", "runtime.service_token_missing", "runtime.for_service_only"}) {
    INFO(key);
    REQUIRE(catalog.Has(key, "et"));
    REQUIRE(catalog.Has(key, "en"));
  }
}
