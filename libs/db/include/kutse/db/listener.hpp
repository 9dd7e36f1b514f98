// LISTEN/NOTIFY with a connection of its own, in a thread of its own: calls back for every
// notification on its channels, and when the connection drops, connects again with growing pauses.
// Whatever was announced while it was not listening is lost, so the owner is told (on_disconnect,
// then on_reconnect) and reloads what it keeps. Stop ends a wait at once. Used by every in-memory copy
// that must follow the database (the gateway's session cache, the certificate name index).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "kutse/common/stop_signal.hpp"

namespace kutse::db {

struct Notification {
  std::string channel;
  std::string payload;
  int sender_pid = 0;  // the backend that sent it
};

struct ListenerOptions {
  std::string dsn;
  std::vector<std::string> channels;
  std::string application_name;          // shown in pg_stat_activity, so an operator or a test can find it
  std::chrono::milliseconds tick{1000};  // after_wait runs at least this often
  std::chrono::milliseconds first_backoff{250};
  std::chrono::milliseconds max_backoff{10000};
};

// Every callback runs on the listener's thread, one at a time. The connection they are given is the
// listening one: a snapshot read on it after LISTEN misses nothing that is announced later. A
// callback that throws (other than on_notification, which is only logged) counts as a lost connection.
struct ListenerCallbacks {
  std::function<void(const Notification&)> on_notification;  // required
  // LISTEN is in place for the first time: load what the notifications will keep current.
  std::function<void(pqxx::connection&)> on_connect;
  // LISTEN is in place again after a drop: what was announced meanwhile is lost, so load anew.
  std::function<void(pqxx::connection&)> on_reconnect;
  // A listening connection dropped: nothing is heard until on_reconnect.
  std::function<void()> on_disconnect;
  // After the notifications that came together were delivered, and at least every tick.
  std::function<void(pqxx::connection&)> after_wait;
};

class Listener {
 public:
  Listener(ListenerOptions options, ListenerCallbacks callbacks);
  ~Listener();  // stops
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  void Start();
  // Returns once a callback under way has ended; never waits out a pause or a wait for notifications.
  void Stop();
  // LISTEN is in place and on_connect or on_reconnect has returned.
  bool Listening() const { return listening_.load(); }

 private:
  class Receiver;
  void Run();
  void Serve(pqxx::connection& connection);
  void Deliver(const Notification& notification);
  void Wake();
  void DrainWakeups();

  ListenerOptions options_;
  ListenerCallbacks callbacks_;
  common::StopSignal stop_;
  std::atomic<bool> listening_{false};
  int wake_read_ = -1;  // a pipe: Stop writes to it so that poll() returns at once
  int wake_write_ = -1;
  std::thread thread_;
};

}  // namespace kutse::db
