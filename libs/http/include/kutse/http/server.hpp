// The HTTP server: Pistache underneath, our Dispatcher on top. Keeps HTTP/1.1 connections alive
// when the client sends no Connection header, answers transport errors as problem+json, and drains.
// Each I/O thread is an IoLoop (io_loop.hpp): answers given on it are written at once.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "kutse/http/dispatcher.hpp"
#include "kutse/http/router.hpp"

namespace kutse::http {

struct ServerOptions {
  std::string address = "0.0.0.0";
  int port = 0;
  int io_threads = 2;
  DispatcherOptions dispatcher;
  // A client that takes longer to send a request's head or body gets 408 and is disconnected;
  // a kept-alive connection idle for longer is closed. Checked twice a second.
  std::chrono::milliseconds request_timeout{60000};
  std::chrono::milliseconds idle_timeout{300000};
};

class Server {
 public:
  Server(const Router& router, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void Start();  // listens and returns; requests are served on background threads
  int Port() const;
  // Refuses new requests (503, Connection: close), waits until none is in flight (at most
  // `timeout`), then closes the listener.
  void Drain(std::chrono::milliseconds timeout);
  long InFlight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kutse::http
