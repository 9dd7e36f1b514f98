#include "kutse/http/server.hpp"

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/net.h>
#include <pistache/peer.h>

#include <algorithm>
#include <sstream>
#include <thread>

#include "kutse/common/log.hpp"

namespace kutse::http {
namespace {

using namespace Pistache;

// Request headers on top of the body: generous for cookies and tokens, but bounded.
constexpr size_t kHeaderAllowance = 32 * 1024;
constexpr const char* kDiscardKey = "kutse.discard";

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

Request ToRequest(const Http::Request& in) {
  Request out;
  out.method = Http::methodString(in.method());
  out.path = in.resource();
  std::string query = in.query().as_str();
  out.query = query.empty() ? "" : query.substr(1);
  for (const auto& header : in.headers().list()) {
    std::ostringstream value;
    header->write(value);
    out.headers[Lower(header->name())] = value.str();
  }
  for (const auto& [name, raw] : in.headers().rawList()) {
    out.headers[Lower(name)] = raw.value();
  }
  std::string cookies;
  for (const auto& cookie : in.cookies()) {
    cookies += (cookies.empty() ? "" : "; ") + cookie.name + "=" + cookie.value;
  }
  if (!cookies.empty()) {
    out.headers["cookie"] = cookies;
  }
  out.body = in.body();
  return out;
}

// Pistache writes only typed headers to the wire; this one carries any name and value.
class NamedHeader : public Http::Header::Header {
 public:
  NamedHeader(std::string name, std::string value) : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  void write(std::ostream& stream) const override { stream << value_; }
#ifdef SAFE_HEADER_CAST
  uint64_t hash() const override {
    return std::hash<std::string>()(name_);
  }
#endif

 private:
  std::string name_;
  std::string value_;
};

void Send(Http::ResponseWriter& writer, const Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (Lower(name) == "connection") {
      writer.headers().remove<Http::Header::Connection>();
      writer.headers().add<Http::Header::Connection>(value == "close" ? Http::ConnectionControl::Close
                                                                      : Http::ConnectionControl::KeepAlive);
    } else {
      writer.headers().add(std::make_shared<NamedHeader>(name, value));
    }
  }
  // Written as given: Pistache's media-type parser throws on types it does not know.
  if (!response.content_type.empty()) {
    writer.headers().add(std::make_shared<NamedHeader>("Content-Type", response.content_type));
  }
  writer.send(static_cast<Http::Code>(response.status), response.body);
}

class PistacheHandler : public Http::Handler {
 public:
  HTTP_PROTOTYPE(PistacheHandler)

  explicit PistacheHandler(std::shared_ptr<Dispatcher> dispatcher) : dispatcher_(std::move(dispatcher)) {}

  void onRequest(const Http::Request& request, Http::ResponseWriter writer) override {
    auto shared_writer = std::make_shared<Http::ResponseWriter>(std::move(writer));
    dispatcher_->Handle(ToRequest(request),
                        [shared_writer](Response response) { Send(*shared_writer, response); });
  }

  // Our own copy of Pistache's input loop, for two reasons: its errors (over-size, unparsable)
  // go out as plain text, and it answers "Connection: close" to HTTP/1.1 clients that send no
  // Connection header, which kills keep-alive for curl, wrk and most proxies.
  void onInput(const char* buffer, size_t length, const std::shared_ptr<Tcp::Peer>& peer) override {
    if (peer->tryGetData(kDiscardKey)) {
      return;  // the connection is closing after an error; ignore the rest of its bytes
    }
    auto parser = getParser(peer);
    auto& request = parser->request;
    try {
      if (!parser->feed(buffer, length)) {
        parser->reset();
        Refuse(peer, request.version(), 413, "payload_too_large",
               "The request is larger than this service accepts.");
        return;
      }
      if (parser->parse() != Http::Private::State::Done) {
        return;
      }
      Http::ResponseWriter writer(request.version(), transport(), this, peer);
      auto connection = request.headers().tryGet<Http::Header::Connection>();
      Http::ConnectionControl control = connection ? connection->control()
                                        : request.version() == Http::Version::Http11
                                            ? Http::ConnectionControl::KeepAlive
                                            : Http::ConnectionControl::Close;
      writer.headers().add<Http::Header::Connection>(control);
      peer->setIdle(false);
      onRequest(request, std::move(writer));
      parser->reset();
    } catch (const Http::HttpError& error) {
      parser->reset();
      Refuse(peer, request.version(), error.code() == 413 ? 413 : 400,
             error.code() == 413 ? "payload_too_large" : "malformed_request",
             "The request could not be read as HTTP.");
    } catch (const std::exception&) {
      parser->reset();
      Refuse(peer, request.version(), 400, "malformed_request", "The request could not be read as HTTP.");
    }
  }

 private:
  void Refuse(const std::shared_ptr<Tcp::Peer>& peer, Http::Version version, int status,
              const std::string& code, const std::string& detail) {
    peer->putData(kDiscardKey, std::make_shared<int>(1));
    Http::ResponseWriter writer(version, transport(), this, peer);
    Send(writer, Dispatcher::TransportProblem(status, code, detail));
  }

  std::shared_ptr<Dispatcher> dispatcher_;
};

}  // namespace

struct Server::Impl {
  Impl(const Router& router, ServerOptions opts)
      : options(std::move(opts)),
        dispatcher(std::make_shared<Dispatcher>(router, options.dispatcher)),
        max_request_bytes(router.LargestBodyLimit() + kHeaderAllowance),
        endpoint(Pistache::Address(options.address, Pistache::Port(static_cast<uint16_t>(options.port)))) {}

  ServerOptions options;
  std::shared_ptr<Dispatcher> dispatcher;
  size_t max_request_bytes;
  Http::Endpoint endpoint;
  bool started = false;
  bool stopped = false;
};

Server::Server(const Router& router, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}

Server::~Server() {
  if (impl_->started && !impl_->stopped) {
    impl_->endpoint.shutdown();
  }
  impl_->dispatcher->StopWorkers();
}

void Server::Start() {
  auto opts = Http::Endpoint::options()
                  .threads(impl_->options.io_threads)
                  .flags(Tcp::Options::ReuseAddr)
                  .maxRequestSize(impl_->max_request_bytes);
  impl_->endpoint.init(opts);
  impl_->endpoint.setHandler(Http::make_handler<PistacheHandler>(impl_->dispatcher));
  impl_->endpoint.serveThreaded();
  impl_->started = true;
}

int Server::Port() const {
  return static_cast<int>(static_cast<uint16_t>(impl_->endpoint.getPort()));
}

long Server::InFlight() const {
  return impl_->dispatcher->InFlight();
}

void Server::Drain(std::chrono::milliseconds timeout) {
  impl_->dispatcher->StopAccepting();
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (impl_->dispatcher->InFlight() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (impl_->dispatcher->InFlight() > 0) {
    common::log::Warn("drain timed out with requests in flight",
                      {{"in_flight", impl_->dispatcher->InFlight()}});
  }
  // Give the last responses a moment to leave the socket buffers before the reactor stops.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  impl_->endpoint.shutdown();
  impl_->stopped = true;
  impl_->dispatcher->StopWorkers();
}

}  // namespace kutse::http
