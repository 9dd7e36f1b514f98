// The Pistache-backed server on a real socket: keep-alive, transport errors as problem+json,
// exceptions, draining, and the I/O threads' own loops (watch, post, answers written from there).
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "kutse/http/io_loop.hpp"
#include "kutse/http/server.hpp"

using namespace kutse;

namespace {

struct Reply {
  long status = 0;
  std::string body;
  std::string headers;
  long new_connections = 0;
};

size_t Append(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

// One easy handle per client: curl reuses its connection between calls.
class Client {
 public:
  explicit Client(int port) : port_(port), easy_(curl_easy_init()) {}
  ~Client() { curl_easy_cleanup(easy_); }
  Reply Call(const std::string& method, const std::string& path, const std::string& body = "",
             const std::string& content_type = "application/json") {
    Reply reply;
    std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
    curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + content_type).c_str());
    curl_easy_setopt(easy_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (!body.empty()) {
      curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    } else {
      curl_easy_setopt(easy_, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(easy_, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, Append);
    curl_easy_setopt(easy_, CURLOPT_WRITEDATA, &reply.body);
    curl_easy_setopt(easy_, CURLOPT_HEADERFUNCTION, Append);
    curl_easy_setopt(easy_, CURLOPT_HEADERDATA, &reply.headers);
    curl_easy_setopt(easy_, CURLOPT_TIMEOUT, 20L);
    CURLcode result = curl_easy_perform(easy_);
    curl_slist_free_all(headers);
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, nullptr);
    if (result == CURLE_OK) {
      curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &reply.status);
      curl_easy_getinfo(easy_, CURLINFO_NUM_CONNECTS, &reply.new_connections);
    }
    return reply;
  }

 private:
  int port_;
  CURL* easy_;
};

// Set when the slow handler has begun: from then on the request is in flight for sure (a request
// the dispatcher has counted but not yet admitted may still be refused by a drain, correctly).
std::atomic<bool> slow_started{false};

http::Router TestRouter(std::atomic<int>& slow_done) {
  http::Router router;
  router.Add("GET", "/hello", [](http::Request&) {
    return http::Response::Json(200, {{"hello", "maailm"}});
  });
  router.Add(
      "POST", "/echo", [](http::Request& request) { return http::Response::Json(200, request.JsonBody()); },
      http::RouteOptions{64 * 1024, true});
  router.Add("GET", "/throws", [](http::Request&) -> http::Response {
    throw std::runtime_error("pqxx::broken_connection host=10.0.0.5 password=secret");
  });
  router.Add("GET", "/slow", [&slow_done](http::Request&) {
    slow_started = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    ++slow_done;
    return http::Response::Json(200, {{"slow", true}});
  });
  return router;
}

// The status line and headers of a raw exchange, and whether the server closed the connection
// after answering (a read that returned 0 within two seconds).
struct RawAnswer {
  std::string text;
  bool closed = false;
};

RawAnswer RawRequest(int port, const std::string& bytes) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(send(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
  timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  RawAnswer answer;
  char buffer[4096];
  for (;;) {
    ssize_t got = recv(fd, buffer, sizeof buffer, 0);
    if (got == 0) {
      answer.closed = true;
      break;
    }
    if (got < 0) {
      break;  // timed out: the connection stayed open
    }
    answer.text.append(buffer, static_cast<size_t>(got));
  }
  close(fd);
  return answer;
}

}  // namespace

TEST_CASE("HTTP/1.1 clients that send no Connection header keep their connection", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  Client client(server.Port());
  Reply first = client.Call("GET", "/hello");
  Reply second = client.Call("GET", "/hello");
  REQUIRE(first.status == 200);
  REQUIRE(first.new_connections == 1);
  REQUIRE(second.status == 200);
  REQUIRE(second.new_connections == 0);
  REQUIRE(first.headers.find("Connection: Close") == std::string::npos);
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("transport and handler errors come back as problem+json and the server stays up", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  Client client(server.Port());

  Reply huge = client.Call("POST", "/echo", std::string(10 * 1024 * 1024, 'x'));
  REQUIRE(huge.status == 413);
  REQUIRE(huge.headers.find("application/problem+json") != std::string::npos);

  Client fresh(server.Port());
  Reply thrown = fresh.Call("GET", "/throws");
  REQUIRE(thrown.status == 500);
  REQUIRE(thrown.body.find("secret") == std::string::npos);
  REQUIRE(thrown.body.find("pqxx") == std::string::npos);
  REQUIRE(nlohmann::json::parse(thrown.body)["code"] == "internal");

  REQUIRE(fresh.Call("POST", "/echo", "{not json").status == 400);
  REQUIRE(fresh.Call("POST", "/echo", "{}", "text/plain").status == 415);
  REQUIRE(fresh.Call("GET", "/nope").status == 404);
  REQUIRE(fresh.Call("DELETE", "/hello").status == 405);

  std::string garbage = RawRequest(server.Port(), "THIS IS NOT HTTP\r\n\r\n").text;
  REQUIRE(garbage.find("HTTP/1.1 400") == 0);
  REQUIRE(garbage.find("application/problem+json") != std::string::npos);

  REQUIRE(fresh.Call("GET", "/hello").status == 200);
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("a client that asks for Connection: close gets its answer and a closed connection", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  RawAnswer closing =
      RawRequest(server.Port(), "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  REQUIRE(closing.text.find("HTTP/1.1 200") == 0);
  REQUIRE(closing.text.find("maailm") != std::string::npos);
  REQUIRE(closing.closed);
  RawAnswer staying = RawRequest(server.Port(), "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  REQUIRE(staying.text.find("HTTP/1.1 200") == 0);
  REQUIRE_FALSE(staying.closed);
  RawAnswer unreadable = RawRequest(server.Port(), "THIS IS NOT HTTP\r\n\r\n");
  REQUIRE(unreadable.text.find("HTTP/1.1 400") == 0);
  REQUIRE(unreadable.closed);
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("media types the server does not take or cannot answer with get 415 and 406", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  auto status_of = [](const RawAnswer& answer) { return answer.text.substr(0, 12); };
  auto post = [&](const std::string& content_type) {
    return RawRequest(server.Port(), "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " +
                                         content_type + "\r\nContent-Length: 2\r\n\r\n{}");
  };
  REQUIRE(status_of(post("application/json")) == "HTTP/1.1 200");
  REQUIRE(status_of(post("application/json; charset=utf-8")) == "HTTP/1.1 200");
  REQUIRE(status_of(post("application/x-kutse-unknown")) == "HTTP/1.1 415");
  REQUIRE(status_of(post("kutse/unknown")) == "HTTP/1.1 415");
  REQUIRE(status_of(post("text/plain")) == "HTTP/1.1 415");
  auto get = [&](const std::string& accept) {
    return RawRequest(server.Port(), "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAccept: " +
                                         accept + "\r\n\r\n");
  };
  REQUIRE(status_of(get("application/json")) == "HTTP/1.1 200");
  REQUIRE(status_of(get("text/html,application/xhtml+xml,*/*;q=0.8")) == "HTTP/1.1 200");
  REQUIRE(status_of(get("application/*")) == "HTTP/1.1 200");
  REQUIRE(status_of(get("application/x-kutse-unknown")) == "HTTP/1.1 406");
  REQUIRE(status_of(get("image/png")) == "HTTP/1.1 406");
  REQUIRE(status_of(get("application/json;q=0, */*")) == "HTTP/1.1 406");
  RawAnswer refused = get("kutse/unknown");
  REQUIRE(status_of(refused) == "HTTP/1.1 406");
  REQUIRE(refused.text.find("application/problem+json") != std::string::npos);
  REQUIRE(refused.text.find("not_acceptable") != std::string::npos);
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("a path or a query value that is not clean text is refused before any handler", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  Client client(server.Port());
  REQUIRE(client.Call("GET", "/hello?name=%C3%95un").status == 200);
  for (const char* path : {"/hello%00", "/hello%FF", "/hel%01lo", "/hello?name=%00", "/hello?name=a%FFb",
                           "/hello?name=%1B%5B31m", "/hello?%00=x", "/hello?name=%C2%85"}) {
    INFO(path);
    Reply reply = client.Call("GET", path);
    REQUIRE(reply.status == 400);
    auto body = nlohmann::json::parse(reply.body);
    REQUIRE(body["code"] == "bad_request");
    REQUIRE(nlohmann::json(body["instance"]).dump().find("\\u0000") == std::string::npos);
  }
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("a JSON body whose text holds a NUL or another control character is refused, not cut short",
          "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  Client client(server.Port());
  REQUIRE(client.Call("POST", "/echo", R"({"name": "Õie\nŠmidt\t"})").status == 200);
  for (const char* body : {R"({"name": "Mari\u0000Maasikas"})", R"({"list": ["a", "\u001b[31m"]})",
                           R"({"nested": {"key": "\u007f"}})", R"({"a\u0000b": 1})"}) {
    INFO(body);
    Reply reply = client.Call("POST", "/echo", body);
    REQUIRE(reply.status == 422);
    REQUIRE(nlohmann::json::parse(reply.body)["errors"].size() == 1);
  }
  Reply invalid_utf8 = client.Call("POST", "/echo", "{\"name\": \"\xC3(\"}");
  REQUIRE(invalid_utf8.status == 400);
  REQUIRE(nlohmann::json::parse(invalid_utf8.body)["code"] == "malformed_json");
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("draining finishes the requests in flight before closing", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  int port = server.Port();
  slow_started = false;
  auto in_flight = std::async(std::launch::async, [port] { return Client(port).Call("GET", "/slow"); });
  while (!slow_started) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server.Drain(std::chrono::milliseconds(5000));
  Reply reply = in_flight.get();
  REQUIRE(reply.status == 200);
  REQUIRE(slow_done == 1);
}

namespace {

// Asynchronous routes that use the loop of the I/O thread they run on.
http::Router LoopRouter() {
  http::Router router;
  router.AddAsync("GET", "/loop/watch", [](http::Request& request, http::Reply reply) {
    http::IoLoop* loop = http::IoLoop::Current();
    if (loop == nullptr || request.io_loop != loop) {
      reply(http::Response::Json(500, {{"loop", false}}));
      return;
    }
    int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    loop->Watch(fd, [loop, fd, reply] {
      loop->Unwatch(fd);
      close(fd);
      reply(http::Response::Json(200, {{"watched", true}, {"same_loop", http::IoLoop::Current() == loop}}));
    });
    uint64_t one = 1;
    REQUIRE(write(fd, &one, sizeof one) == sizeof one);
  });
  router.AddAsync("GET", "/loop/posted", [](http::Request& request, http::Reply reply) {
    http::IoLoop* loop = request.io_loop;
    std::thread([loop, reply] {
      loop->Post([loop, reply] {
        reply(http::Response::Json(200, {{"same_loop", http::IoLoop::Current() == loop}}));
      });
    }).detach();
  });
  // Far more than a socket buffer takes at once: the rest must follow through Pistache's queue.
  router.AddAsync("GET", "/loop/big", [](http::Request&, http::Reply reply) {
    reply(http::Response::Text(200, "text/plain", std::string(8 * 1024 * 1024, 'k')));
  });
  return router;
}

}  // namespace

TEST_CASE("asynchronous handlers run on their I/O thread's loop and answer from there", "[http]") {
  REQUIRE(http::IoLoop::Current() == nullptr);
  http::Router router = LoopRouter();
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  Client client(server.Port());

  Reply watched = client.Call("GET", "/loop/watch");
  REQUIRE(watched.status == 200);
  REQUIRE(nlohmann::json::parse(watched.body)["same_loop"] == true);
  Reply posted = client.Call("GET", "/loop/posted");
  REQUIRE(posted.status == 200);
  REQUIRE(nlohmann::json::parse(posted.body)["same_loop"] == true);
  REQUIRE(posted.new_connections == 0);

  // A large answer, then more on the same connection: nothing lost, nothing out of order.
  for (int i = 0; i < 3; ++i) {
    Reply big = client.Call("GET", "/loop/big");
    REQUIRE(big.status == 200);
    REQUIRE(big.body.size() == 8 * 1024 * 1024);
    REQUIRE(big.body.find_first_not_of('k') == std::string::npos);
    Reply after = client.Call("GET", "/loop/watch");
    REQUIRE(after.status == 200);
    REQUIRE(after.new_connections == 0);
  }
  REQUIRE(client.Call("GET", "/loop/nothing").status == 404);
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("an event loop of its own runs posted tasks and watched descriptors on its thread", "[http]") {
  http::EventLoop loop;
  std::promise<bool> posted;
  loop.Post([&] { posted.set_value(http::IoLoop::Current() == &loop); });
  REQUIRE(posted.get_future().get());

  std::promise<bool> watched;
  int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  loop.Post([&] {
    loop.Watch(fd, [&] {
      loop.Unwatch(fd);
      watched.set_value(http::IoLoop::Current() == &loop);
    });
  });
  uint64_t one = 1;
  REQUIRE(write(fd, &one, sizeof one) == sizeof one);
  REQUIRE(watched.get_future().get());
  close(fd);
}

TEST_CASE("a stalled request gets 408 and an idle kept-alive connection is closed", "[http]") {
  std::atomic<int> slow_done{0};
  http::Router router = TestRouter(slow_done);
  http::ServerOptions options{"127.0.0.1", 0, 1, {}};
  options.request_timeout = std::chrono::milliseconds(300);
  options.idle_timeout = std::chrono::milliseconds(300);
  http::Server server(router, options);
  server.Start();

  // Half a request head, then nothing: answered 408 within the timeout and two checks.
  RawAnswer answer = RawRequest(server.Port(), "GET /hello HTTP/1.1\r\nHost: x\r\n");
  REQUIRE(answer.closed);
  const std::string& stalled = answer.text;
  REQUIRE(stalled.find("HTTP/1.1 408") == 0);
  REQUIRE(stalled.find("application/problem+json") != std::string::npos);

  // A kept-alive connection left idle is closed by the server: the next call needs a new one.
  Client client(server.Port());
  REQUIRE(client.Call("GET", "/hello").new_connections == 1);
  REQUIRE(client.Call("GET", "/hello").new_connections == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  Reply after_idle = client.Call("GET", "/hello");
  REQUIRE(after_idle.status == 200);
  REQUIRE(after_idle.new_connections == 1);
  server.Drain(std::chrono::milliseconds(1000));
}

TEST_CASE("a binary answer arrives byte for byte, NUL bytes included, whichever way it is written",
          "[http]") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes.push_back(static_cast<char>(i));
  }
  http::Router router;
  // Answered from a worker thread (Pistache's writer), and on the I/O thread itself (written at once).
  router.Add("GET", "/download", [&bytes](http::Request&) {
    return http::Response::Binary("application/pdf", bytes, "tunnistus-Õie.pdf");
  });
  router.AddAsync("GET", "/download-now", [&bytes](http::Request&, http::Reply reply) {
    reply(http::Response::Binary("application/octet-stream", bytes, "tunnistus-Õie.bin"));
  });
  http::Server server(router, http::ServerOptions{"127.0.0.1", 0, 2, {}});
  server.Start();
  Client client(server.Port());
  for (const char* path : {"/download", "/download-now"}) {
    INFO(path);
    Reply reply = client.Call("GET", path);
    REQUIRE(reply.status == 200);
    REQUIRE(reply.body.size() == 256);
    REQUIRE(reply.body == bytes);
    REQUIRE(reply.headers.find("Content-Length: 256\r\n") != std::string::npos);
    REQUIRE(reply.headers.find("X-Content-Type-Options: nosniff\r\n") != std::string::npos);
    REQUIRE(reply.headers.find("filename*=UTF-8''tunnistus-%C3%95ie.") != std::string::npos);
  }
  server.Drain(std::chrono::milliseconds(1000));
}
