#include "kutse/http/server.hpp"

#include <pistache/http.h>
#include <pistache/listener.h>
#include <pistache/net.h>
#include <pistache/peer.h>
#include <pistache/transport.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "kutse/common/log.hpp"
#include "kutse/http/io_loop.hpp"
#include "loop_core.hpp"

namespace kutse::http {
namespace {

using namespace Pistache;

// Request headers on top of the body: generous for cookies and tokens, but bounded.
constexpr size_t kHeaderAllowance = 32 * 1024;
constexpr const char* kDiscardKey = "kutse.discard";
// Set once an answer written on the connection's own thread did not fit the socket buffer: from
// then on its answers go through Pistache's write queue, behind the rest of that one.
constexpr const char* kQueuedKey = "kutse.queued";

// Pistache parses Content-Type and Accept into its own media types and refuses the whole request,
// as unreadable, when it does not know one. We keep both as text instead and judge them ourselves
// (request_checks.cpp: 415 and 406): in the head of a request their names are swapped, byte for
// byte, for names of the same length that Pistache keeps as raw headers.
constexpr std::string_view kContentTypeName = "content-type:";
constexpr const char* kContentTypeAsText = "x-kutse-ctyp";
constexpr std::string_view kAcceptName = "accept:";
constexpr const char* kAcceptAsText = "x-acpt";

bool StartsWithName(const char* at, const char* end, std::string_view name) {
  if (static_cast<size_t>(end - at) < name.size()) {
    return false;
  }
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(at[i])) != name[i]) {
      return false;
    }
  }
  return true;
}

// A copy of the request head in `chunk` with the two names swapped; false (and `out` untouched)
// when neither is in it. Stops at the end of the head, so a body is never changed.
bool SwapMediaHeaderNames(const char* chunk, size_t length, bool starts_at_line, std::string& out) {
  const char* end = chunk + length;
  bool copied = false;
  for (const char* line = chunk; line < end;) {
    bool at_line_start = line != chunk || starts_at_line;
    if (at_line_start && (*line == '\r' || *line == '\n')) {
      break;  // the empty line that ends the head
    }
    const char* newline = static_cast<const char*>(std::memchr(line, '\n', static_cast<size_t>(end - line)));
    if (at_line_start) {
      for (auto [name, replacement] :
           {std::pair{kContentTypeName, kContentTypeAsText}, std::pair{kAcceptName, kAcceptAsText}}) {
        if (StartsWithName(line, end, name)) {
          if (!copied) {
            out.assign(chunk, length);
            copied = true;
          }
          std::memcpy(out.data() + (line - chunk), replacement, name.size() - 1);
        }
      }
    }
    if (newline == nullptr) {
      break;
    }
    line = newline + 1;
  }
  return copied;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

Request ToRequest(const Http::Request& in, const Tcp::Peer& peer) {
  Request out;
  out.method = Http::methodString(in.method());
  out.path = in.resource();
  std::string query = in.query().as_str();
  out.query = query.empty() ? "" : query.substr(1);
  // One stream per thread, emptied for each header: building a stream (its locale) costs more
  // than writing the header.
  thread_local std::ostringstream value;
  for (const auto& header : in.headers().list()) {
    value.str(std::string());
    value.clear();
    header->write(value);
    out.headers[Lower(header->name())] = value.str();
  }
  for (const auto& [name, raw] : in.headers().rawList()) {
    std::string lower = Lower(name);
    out.headers[lower == kContentTypeAsText ? "content-type"
                : lower == kAcceptAsText    ? "accept"
                                            : lower] = raw.value();
  }
  std::string cookies;
  for (const auto& cookie : in.cookies()) {
    cookies += (cookies.empty() ? "" : "; ") + cookie.name + "=" + cookie.value;
  }
  if (!cookies.empty()) {
    out.headers["cookie"] = cookies;
  }
  out.body = in.body();
  // Pistache fills the request's own address only in its input loop, which ours replaces.
  out.peer_address = peer.address().host();
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

Async::Promise<ssize_t> Send(Http::ResponseWriter& writer, const Response& response) {
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
  return writer.send(static_cast<Http::Code>(response.status), response.body);
}

bool SaysClose(const Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (Lower(name) == "connection" && Lower(value) == "close") {
      return true;
    }
  }
  return false;
}

// The bytes of an answer, as Pistache's writer would put them on the wire.
std::string WireFormat(Http::Version version, bool keep_alive, const Response& response) {
  std::string wire;
  wire.reserve(160 + response.body.size());
  wire += Http::versionString(version);
  wire += ' ';
  wire += std::to_string(response.status);
  wire += ' ';
  wire += Http::codeString(static_cast<Http::Code>(response.status));
  wire += "\r\n";
  bool connection_given = false;
  for (const auto& [name, value] : response.headers) {
    if (Lower(name) == "connection") {
      connection_given = true;
      wire += value == "close" ? "Connection: Close\r\n" : "Connection: Keep-Alive\r\n";
      continue;
    }
    wire += name;
    wire += ": ";
    wire += value;
    wire += "\r\n";
  }
  if (!connection_given) {
    wire += keep_alive ? "Connection: Keep-Alive\r\n" : "Connection: Close\r\n";
  }
  if (!response.content_type.empty()) {
    wire += "Content-Type: ";
    wire += response.content_type;
    wire += "\r\n";
  }
  wire += "Content-Length: ";
  wire += std::to_string(response.body.size());
  wire += "\r\n\r\n";
  wire += response.body;
  return wire;
}

class PistacheHandler : public Http::Handler {
 public:
  HTTP_PROTOTYPE(PistacheHandler)

  explicit PistacheHandler(std::shared_ptr<Dispatcher> dispatcher) : dispatcher_(std::move(dispatcher)) {}

  void onRequest(const Http::Request& request, Http::ResponseWriter writer) override {
    Handle(request, std::move(writer), nullptr, true);
  }
  void Handle(const Http::Request& request, Http::ResponseWriter writer,
              const std::shared_ptr<Tcp::Peer>& peer, bool keep_alive);

  // A connection that stalled while sending its request: 408 problem+json, then it is closed.
  Async::Promise<ssize_t> RefuseStalled(const std::shared_ptr<Tcp::Peer>& peer) {
    if (!peer->tryGetData(kDiscardKey)) {
      peer->putData(kDiscardKey, std::make_shared<int>(1));
    }
    Http::ResponseWriter writer(Http::Version::Http11, transport(), this, peer);
    return Send(
        writer,
        Dispatcher::TransportProblem(
            common::DeadlineExceeded(common::Msg("http.request_timeout")).WithReason("request_timeout")));
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
      // Only in the head, which a new request or a chunk after a line break begins.
      thread_local std::string swapped;
      auto step = parser->step()->id();
      bool in_head = step == Http::Private::RequestLineStep::Id || step == Http::Private::HeadersStep::Id;
      const char* data = buffer;
      if (in_head &&
          SwapMediaHeaderNames(buffer, length, step == Http::Private::RequestLineStep::Id, swapped)) {
        data = swapped.data();
      }
      if (!parser->feed(data, length)) {
        parser->reset();
        Refuse(peer, request.version(), TooLarge());
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
      Handle(request, std::move(writer), peer, control == Http::ConnectionControl::KeepAlive);
      parser->reset();
    } catch (const Http::HttpError& error) {
      parser->reset();
      Refuse(peer, request.version(), error.code() == 413 ? TooLarge() : Unreadable());
    } catch (const std::exception&) {
      parser->reset();
      Refuse(peer, request.version(), Unreadable());
    }
  }

 private:
  static common::Status TooLarge() {
    return common::InvalidArgument(common::Msg("http.request_too_large")).WithReason("payload_too_large");
  }
  static common::Status Unreadable() {
    return common::InvalidArgument(common::Msg("http.malformed_request")).WithReason("malformed_request");
  }

  // Answers with the problem and closes the connection once the answer is out.
  void Refuse(const std::shared_ptr<Tcp::Peer>& peer, Http::Version version, const common::Status& status);

  std::shared_ptr<Dispatcher> dispatcher_;
};

// Pistache's TCP transport for one I/O thread, which is also that thread's IoLoop: other code
// (the gateway's upstream calls) watches its descriptors in the same epoll set as the client
// connections, so a request is received, forwarded and answered without leaving the thread.
// Replaces Pistache's HTTP endpoint transport, whose idle and stalled connection timeouts it keeps.
class LoopTransport : public Tcp::Transport, public IoLoop {
 public:
  using Base = Tcp::Transport;

  LoopTransport(const std::shared_ptr<Tcp::Handler>& handler, std::chrono::milliseconds request_timeout,
                std::chrono::milliseconds idle_timeout)
      : Base(handler), handler_(handler), request_timeout_(request_timeout), idle_timeout_(idle_timeout) {}
  ~LoopTransport() override {
    if (timer_fd_ >= 0) {
      close(timer_fd_);
    }
  }

  std::shared_ptr<Aio::Handler> clone() const override {
    return std::make_shared<LoopTransport>(handler_->clone(), request_timeout_, idle_timeout_);
  }

  void registerPoller(Polling::Epoll& poller) override {
    Base::registerPoller(poller);
    poller_ = &poller;
    timer_fd_ = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (timer_fd_ < 0) {
      throw std::runtime_error("cannot create the connection timer");
    }
    itimerspec every{};
    every.it_interval.tv_nsec = every.it_value.tv_nsec = kCheckInterval.count() * 1000 * 1000;
    timerfd_settime(timer_fd_, 0, &every, nullptr);
    AddReadable(timer_fd_);
    AddReadable(core_.WakeFd());
  }

  void onReady(const Aio::FdSet& fds) override {
    SetCurrent(this);
    std::vector<Polling::Event> pistache;  // Pistache's own queues, writable peers, hang-ups
    for (const auto& entry : fds) {
      auto fd = static_cast<int>(entry.getTag().value());
      if (fd == timer_fd_) {
        uint64_t expirations = 0;
        ssize_t ignored = read(timer_fd_, &expirations, sizeof expirations);
        (void)ignored;
        CloseStaleConnections();
        continue;
      }
      if (fd == core_.WakeFd()) {
        core_.RunPosted();
        continue;
      }
      if (entry.isReadable()) {
        if (auto peer = peers.find(fd); peer != peers.end()) {
          Receive(std::shared_ptr<Tcp::Peer>(peer->second));
          continue;
        }
      }
      if (core_.Dispatch(fd)) {
        continue;
      }
      Polling::Event event(entry.getTag());
      for (auto flag : {Polling::NotifyOn::Read, Polling::NotifyOn::Write, Polling::NotifyOn::Hangup}) {
        bool set = flag == Polling::NotifyOn::Read    ? entry.isReadable()
                   : flag == Polling::NotifyOn::Write ? entry.isWritable()
                                                      : entry.isHangup();
        if (set) {
          event.flags.setFlag(flag);
        }
      }
      pistache.push_back(event);
    }
    if (!pistache.empty()) {
      Base::onReady(Aio::FdSet(std::move(pistache)));
    }
    core_.RunDeferred();
  }

  void Watch(int fd, std::function<void()> on_readable) override {
    core_.Watch(fd, std::move(on_readable));
    AddReadable(fd);
  }
  void Unwatch(int fd) override {
    poller_->removeFd(fd);
    core_.Unwatch(fd);
  }
  void Post(std::function<void()> task) override { core_.Post(std::move(task)); }
  void Defer(std::function<void()> task) override { core_.Defer(std::move(task)); }

  // From any thread: closes the connection on this transport's own thread, once what is written
  // to it now has been handed to the socket (the client asked for Connection: close, or sent
  // something that cannot be read).
  void CloseSoon(const std::weak_ptr<Tcp::Peer>& weak_peer) {
    Post([this, weak_peer] {
      if (auto peer = weak_peer.lock()) {
        ClosePeer(peer);
      }
    });
  }

  // On this transport's thread: writes an answer to one of its connections now. False when it must
  // go through Pistache's write queue instead (an earlier answer is still queued there).
  bool WriteNow(const std::shared_ptr<Tcp::Peer>& peer, const std::string& wire) {
    auto found = peers.find(peer->fd());
    if (found == peers.end() || found->second != peer) {
      return true;  // the connection is gone (its descriptor may already be another's): nothing to do
    }
    if (peer->tryGetData(kQueuedKey)) {
      return false;
    }
    peer->setIdle(true);
    ssize_t sent = ::send(peer->fd(), wire.data(), wire.size(), MSG_NOSIGNAL);
    if (sent == static_cast<ssize_t>(wire.size())) {
      return true;
    }
    if (sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      return true;  // a broken connection: the poller reports the hang-up and Pistache closes it
    }
    // The socket buffer is full: the rest goes through Pistache's queue, and so do later answers.
    peer->putData(kQueuedKey, std::make_shared<int>(1));
    size_t offset = sent > 0 ? static_cast<size_t>(sent) : 0;
    peer->send(RawBuffer(wire.substr(offset), wire.size() - offset));
    return true;
  }

 private:
  static constexpr std::chrono::milliseconds kCheckInterval{500};

  // Pistache's read loop reads until the socket says EAGAIN, one recv more per request than
  // needed: a read shorter than the buffer has emptied the socket, and the edge-triggered poller
  // reports whatever arrives after it.
  void Receive(const std::shared_ptr<Tcp::Peer>& peer) {
    char buffer[Const::MaxBuffer];
    for (;;) {
      ssize_t got = recv(peer->fd(), buffer, sizeof buffer, 0);
      if (got > 0) {
        handler_->onInput(buffer, static_cast<size_t>(got), peer);
        if (static_cast<size_t>(got) < sizeof buffer) {
          return;
        }
        continue;
      }
      if (got < 0 && errno == EINTR) {
        continue;
      }
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return;
      }
      handler_->onDisconnection(peer);  // 0: the client closed; otherwise a broken connection
      removePeer(peer);
      return;
    }
  }

  void AddReadable(int fd) {
    poller_->addFd(fd, Flags<Polling::NotifyOn>(Polling::NotifyOn::Read),
                   Polling::Tag(static_cast<uint64_t>(fd)), Polling::Mode::Level);
  }

  // Idle keep-alive connections past their time are closed; connections stalled in the middle
  // of a request are answered 408 first. A request being handled is never cut off.
  void CloseStaleConnections() {
    auto now = std::chrono::steady_clock::now();
    std::vector<std::shared_ptr<Tcp::Peer>> idle;
    std::vector<std::shared_ptr<Tcp::Peer>> stalled;
    // Forget connections that went away while their 408 was on its way (Pistache drops the write).
    for (auto it = closing_.begin(); it != closing_.end();) {
      auto found = peers.find(it->first);
      it = found == peers.end() || found->second != it->second ? closing_.erase(it) : std::next(it);
    }
    for (const auto& [fd, peer] : peers) {
      if (closing_.count(fd) != 0) {
        continue;
      }
      auto parser = Http::Handler::getParser(peer);
      auto elapsed = now - parser->time();
      if (peer->isIdle()) {
        if (elapsed > idle_timeout_) {
          idle.push_back(peer);
        }
        continue;
      }
      auto step = parser->step()->id();
      bool head = step == Http::Private::RequestLineStep::Id || step == Http::Private::HeadersStep::Id;
      bool body = step == Http::Private::BodyStep::Id;
      if ((head || body) && elapsed > request_timeout_) {
        stalled.push_back(peer);
      }
    }
    for (const auto& peer : idle) {
      removePeer(peer);
    }
    for (const auto& peer : stalled) {
      closing_.emplace(peer->fd(), peer);
      static_cast<PistacheHandler*>(handler_.get())
          ->RefuseStalled(peer)
          .then([this, peer](ssize_t) { ClosePeer(peer); },
                [this, peer](std::exception_ptr) { ClosePeer(peer); });
    }
  }

  void ClosePeer(const std::shared_ptr<Tcp::Peer>& peer) {
    closing_.erase(peer->fd());
    auto found = peers.find(peer->fd());
    if (found != peers.end() && found->second == peer) {  // the client may have gone first
      removePeer(peer);
    }
  }

  std::shared_ptr<Tcp::Handler> handler_;
  std::chrono::milliseconds request_timeout_;
  std::chrono::milliseconds idle_timeout_;
  Polling::Epoll* poller_ = nullptr;
  int timer_fd_ = -1;
  LoopCore core_;
  std::unordered_map<int, std::shared_ptr<Tcp::Peer>> closing_;  // answered 408, to be closed
};

void PistacheHandler::Refuse(const std::shared_ptr<Tcp::Peer>& peer, Http::Version version,
                             const common::Status& status) {
  peer->putData(kDiscardKey, std::make_shared<int>(1));
  Http::ResponseWriter writer(version, transport(), this, peer);
  auto* loop = static_cast<LoopTransport*>(transport());
  std::weak_ptr<Tcp::Peer> weak_peer = peer;
  Send(writer, Dispatcher::TransportProblem(status))
      .then([loop, weak_peer](ssize_t) { loop->CloseSoon(weak_peer); },
            [loop, weak_peer](std::exception_ptr) { loop->CloseSoon(weak_peer); });
}

void PistacheHandler::Handle(const Http::Request& request, Http::ResponseWriter writer,
                             const std::shared_ptr<Tcp::Peer>& peer, bool keep_alive) {
  auto shared_writer = std::make_shared<Http::ResponseWriter>(std::move(writer));
  auto* loop = static_cast<LoopTransport*>(transport());
  std::weak_ptr<Tcp::Peer> weak_peer = peer;
  Http::Version version = request.version();
  dispatcher_->Handle(ToRequest(request, *peer),
                      [shared_writer, loop, weak_peer, version, keep_alive](Response response) {
                        // The client asked to close, or the answer says so (draining, a refusal).
                        bool close_after = !keep_alive || SaysClose(response);
                        // Answered on the connection's own thread (a forwarded request, an early problem):
                        // straight to the socket, without Pistache's queue and the extra turn of the poller
                        // that it costs.
                        if (IoLoop::Current() == loop) {
                          if (auto target = weak_peer.lock();
                              target && loop->WriteNow(target, WireFormat(version, keep_alive, response))) {
                            if (close_after) {
                              loop->CloseSoon(weak_peer);
                            }
                            return;
                          }
                        }
                        auto sent = Send(*shared_writer, response);
                        if (close_after) {
                          sent.then([loop, weak_peer](ssize_t) { loop->CloseSoon(weak_peer); },
                                    [loop, weak_peer](std::exception_ptr) { loop->CloseSoon(weak_peer); });
                        }
                      });
}

}  // namespace

struct Server::Impl {
  Impl(const Router& router, ServerOptions opts)
      : options(std::move(opts)),
        dispatcher(std::make_shared<Dispatcher>(router, options.dispatcher)),
        max_request_bytes(router.LargestBodyLimit() + kHeaderAllowance),
        listener(Pistache::Address(options.address, Pistache::Port(static_cast<uint16_t>(options.port)))) {}

  ServerOptions options;
  std::shared_ptr<Dispatcher> dispatcher;
  size_t max_request_bytes;
  Tcp::Listener listener;
  bool started = false;
  bool stopped = false;
};

Server::Server(const Router& router, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}

Server::~Server() {
  if (impl_->started && !impl_->stopped) {
    impl_->listener.shutdown();
  }
  impl_->dispatcher->StopWorkers();
}

void Server::Start() {
  auto handler = Http::make_handler<PistacheHandler>(impl_->dispatcher);
  handler->setMaxRequestSize(impl_->max_request_bytes);
  impl_->listener.init(static_cast<size_t>(impl_->options.io_threads),
                       Flags<Tcp::Options>(Tcp::Options::ReuseAddr));
  impl_->listener.setTransportFactory(
      [handler, request = impl_->options.request_timeout, idle = impl_->options.idle_timeout] {
        return std::make_shared<LoopTransport>(handler, request, idle);
      });
  impl_->listener.setHandler(handler);
  impl_->listener.bind();
  impl_->listener.runThreaded();
  impl_->started = true;
}

int Server::Port() const {
  return static_cast<int>(static_cast<uint16_t>(impl_->listener.getPort()));
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
  impl_->listener.shutdown();
  impl_->stopped = true;
  impl_->dispatcher->StopWorkers();
}

}  // namespace kutse::http
