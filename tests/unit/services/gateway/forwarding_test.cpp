#include "proxy/forwarding.hpp"

#include <catch2/catch.hpp>

using namespace kutse::gateway;

namespace {

bool Has(const std::vector<std::string>& headers, const std::string& prefix) {
  for (const auto& header : headers) {
    if (header.rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("only listed headers reach a service, with the gateway's token and request id") {
  kutse::http::Request incoming;
  incoming.method = "POST";
  incoming.path = "/api/v1/bodies/80012345/certificates";
  incoming.query = "a=1";
  incoming.request_id = "trace-1";
  incoming.headers = {{"content-type", "application/json"},
                      {"authorization", "Bearer client-forged"},
                      {"x-kutse-dev-identity", "{}"},
                      {"cookie", "kutse_session=abc"},
                      {"idempotency-key", "k1"},
                      {"accept-language", "en\r\nX-Injected: 1"}};
  auto request = BuildUpstreamRequest(incoming, Upstream{"certificate", "http://127.0.0.1:8081"}, "signed");
  REQUIRE(request.url == "http://127.0.0.1:8081/api/v1/bodies/80012345/certificates?a=1");
  REQUIRE(Has(request.headers, "content-type: application/json"));
  REQUIRE(Has(request.headers, "idempotency-key: k1"));
  REQUIRE(Has(request.headers, "x-request-id: trace-1"));
  REQUIRE(Has(request.headers, "authorization: Bearer signed"));
  REQUIRE_FALSE(Has(request.headers, "authorization: Bearer client-forged"));
  REQUIRE_FALSE(Has(request.headers, "x-kutse-dev-identity"));
  REQUIRE_FALSE(Has(request.headers, "cookie"));
  REQUIRE_FALSE(Has(request.headers, "accept-language"));
}

TEST_CASE("a file's name reaches the service with the file") {
  kutse::http::Request incoming;
  incoming.method = "POST";
  incoming.path = "/api/v1/me/requests/5d7c2a10-3b4e-4f6a-8c9d-0e1f2a3b4c5d/attachments";
  incoming.body = "%PDF-1.4";
  incoming.headers = {{"content-type", "application/pdf"},
                      {"content-disposition", "attachment; filename*=UTF-8''t%C3%B5end.pdf"}};
  auto request = BuildUpstreamRequest(incoming, Upstream{"workflow", "http://127.0.0.1:8082"}, "signed");
  REQUIRE(Has(request.headers, "content-disposition: attachment; filename*=UTF-8''t%C3%B5end.pdf"));
  REQUIRE(request.body == "%PDF-1.4");
}

TEST_CASE("a file comes back with its name and the browser told not to sniff its type") {
  kutse::http::Request incoming;
  UpstreamResponse answer;
  answer.status = 200;
  answer.body = "%PDF-1.4";
  answer.headers = {{"content-type", "application/pdf"},
                    {"content-disposition", "attachment; filename=\"toend.pdf\""},
                    {"x-content-type-options", "nosniff"}};
  auto response = ToClientResponse(answer, incoming);
  REQUIRE(response.content_type == "application/pdf");
  REQUIRE(response.headers.size() == 2);
  REQUIRE(response.headers[1] ==
          std::make_pair(std::string("x-content-type-options"), std::string("nosniff")));
}

TEST_CASE("an unreachable or slow service becomes 502 or 504 problem+json") {
  kutse::http::Request incoming;
  incoming.path = "/api/v1/me/notifications";
  incoming.request_id = "trace-2";
  UpstreamResponse refused;
  refused.failure = UpstreamResponse::Failure::kConnect;
  auto bad_gateway = ToClientResponse(refused, incoming);
  REQUIRE(bad_gateway.status == 502);
  REQUIRE(bad_gateway.content_type == "application/problem+json");
  UpstreamResponse slow;
  slow.failure = UpstreamResponse::Failure::kTimeout;
  REQUIRE(ToClientResponse(slow, incoming).status == 504);
}

TEST_CASE("a service's answer passes through with its listed headers only") {
  kutse::http::Request incoming;
  UpstreamResponse answer;
  answer.status = 201;
  answer.body = "{}";
  answer.headers = {{"content-type", "application/json"}, {"location", "/x"}, {"set-cookie", "evil=1"}};
  auto response = ToClientResponse(answer, incoming);
  REQUIRE(response.status == 201);
  REQUIRE(response.content_type == "application/json");
  REQUIRE(response.headers.size() == 1);
  REQUIRE(response.headers[0].first == "location");
}

TEST_CASE("a file's name passes through, so the browser saves a sealed PDF as it is called") {
  kutse::http::Request incoming;
  UpstreamResponse answer;
  answer.status = 200;
  answer.body = "%PDF-1.7";
  answer.headers = {{"content-type", "application/pdf"},
                    {"content-disposition", "attachment; filename=\"K-000123-et.pdf\""}};
  auto response = ToClientResponse(answer, incoming);
  REQUIRE(response.content_type == "application/pdf");
  REQUIRE(response.body == "%PDF-1.7");
  REQUIRE(response.headers.size() == 1);
  REQUIRE(response.headers[0] == std::pair<std::string, std::string>{
                                     "content-disposition", "attachment; filename=\"K-000123-et.pdf\""});
}
