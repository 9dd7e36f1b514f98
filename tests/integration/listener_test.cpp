// db::Listener against the real PostgreSQL: notifications with their payloads, a connection killed
// under it (pg_terminate_backend), the reconnect and a notification after it, and a prompt stop.
#include "kutse/db/listener.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "support/test_env.hpp"

using namespace kutse;
using std::chrono::milliseconds;

namespace {

// What the callbacks saw, for the test thread to wait on.
class Seen {
 public:
  void Add(const std::string& event) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      events_.push_back(event);
    }
    changed_.notify_all();
  }
  // Waits up to 20 s for `event` (fails the test rather than hanging it).
  bool Await(const std::string& event) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(20), [&] { return CountLocked(event) > 0; });
  }
  int Count(const std::string& event) {
    std::lock_guard<std::mutex> lock(mutex_);
    return CountLocked(event);
  }
  std::vector<std::string> Events() {
    std::lock_guard<std::mutex> lock(mutex_);
    return events_;
  }

 private:
  int CountLocked(const std::string& event) const {
    return static_cast<int>(std::count(events_.begin(), events_.end(), event));
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> events_;
};

void Notify(const std::string& channel, const std::string& payload) {
  pqxx::connection admin(testing::AdminDsn());
  pqxx::nontransaction(admin).exec_params("SELECT pg_notify($1, $2)", channel, payload);
}

// Kills the listener's backend; how many were killed.
int Terminate(const std::string& application_name) {
  pqxx::connection admin(testing::AdminDsn());
  return pqxx::nontransaction(admin)
      .exec_params1(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1",
          application_name)[0]
      .as<int>();
}

// Listening() turns true just after on_connect or on_reconnect returns.
bool AwaitListening(const db::Listener& listener) {
  for (int i = 0; i < 2000 && !listener.Listening(); ++i) {
    std::this_thread::sleep_for(milliseconds(10));
  }
  return listener.Listening();
}

struct Fixture {
  std::string channel_a = testing::UniqueName("kutse_test_a");
  std::string channel_b = testing::UniqueName("kutse_test_b");
  std::string application_name = testing::UniqueName("kutse-test-listener");
  Seen seen;

  db::ListenerOptions Options() {
    db::ListenerOptions options;
    options.dsn = testing::AdminDsn();
    options.channels = {channel_a, channel_b};
    options.application_name = application_name;
    options.first_backoff = milliseconds(50);
    options.max_backoff = milliseconds(200);
    return options;
  }
  db::ListenerCallbacks Callbacks() {
    db::ListenerCallbacks callbacks;
    callbacks.on_notification = [this](const db::Notification& n) { seen.Add(n.channel + ":" + n.payload); };
    callbacks.on_connect = [this](pqxx::connection& connection) {
      // The connection given is the listening one, usable for a snapshot read.
      pqxx::nontransaction read(connection);
      seen.Add("connect:" + read.exec1("SELECT current_setting('application_name')")[0].as<std::string>());
    };
    callbacks.on_reconnect = [this](pqxx::connection&) { seen.Add("reconnect"); };
    callbacks.on_disconnect = [this] { seen.Add("disconnect"); };
    return callbacks;
  }
};

}  // namespace

TEST_CASE_METHOD(Fixture, "every notification of each channel arrives with its payload, in order", "[db]") {
  db::Listener listener(Options(), Callbacks());
  listener.Start();
  REQUIRE(seen.Await("connect:" + application_name));
  REQUIRE(AwaitListening(listener));
  Notify(channel_a, "first");
  Notify(channel_b, "second with ümlauts");
  Notify(channel_a, "");
  Notify("kutse_test_some_other_channel", "not ours");
  REQUIRE(seen.Await(channel_a + ":"));
  listener.Stop();
  CHECK(seen.Events() == std::vector<std::string>{"connect:" + application_name, channel_a + ":first",
                                                  channel_b + ":second with ümlauts", channel_a + ":"});
}

TEST_CASE_METHOD(Fixture, "a killed connection is replaced, the owner is told, and notifications come again",
                 "[db]") {
  db::Listener listener(Options(), Callbacks());
  listener.Start();
  REQUIRE(seen.Await("connect:" + application_name));
  REQUIRE(Terminate(application_name) == 1);
  REQUIRE(seen.Await("disconnect"));
  REQUIRE(seen.Await("reconnect"));
  REQUIRE(AwaitListening(listener));
  Notify(channel_b, "after the reconnect");
  REQUIRE(seen.Await(channel_b + ":after the reconnect"));
  // And again: the back-off starts from the beginning once listening works.
  REQUIRE(Terminate(application_name) == 1);
  for (int i = 0; i < 200 && seen.Count("reconnect") < 2; ++i) {
    std::this_thread::sleep_for(milliseconds(50));
  }
  CHECK(seen.Count("reconnect") == 2);
  CHECK(seen.Count("disconnect") == 2);
  CHECK(seen.Count("connect:" + application_name) == 1);
  listener.Stop();
}

TEST_CASE_METHOD(Fixture, "after_wait runs when notifications came and on every tick", "[db]") {
  auto options = Options();
  options.tick = milliseconds(30);
  auto callbacks = Callbacks();
  std::atomic<int> waits{0};
  callbacks.after_wait = [&](pqxx::connection&) { ++waits; };
  db::Listener listener(options, callbacks);
  listener.Start();
  REQUIRE(seen.Await("connect:" + application_name));
  std::this_thread::sleep_for(milliseconds(300));
  listener.Stop();
  CHECK(waits.load() >= 3);   // about ten ticks in 300 ms, on a busy machine fewer
  CHECK(waits.load() <= 40);  // but no busy loop
}

TEST_CASE_METHOD(Fixture, "stop ends the wait for notifications at once, and a pause of the back-off too",
                 "[db]") {
  auto options = Options();
  options.tick = std::chrono::hours(1);
  db::Listener listener(options, Callbacks());
  listener.Start();
  REQUIRE(seen.Await("connect:" + application_name));
  auto asked = std::chrono::steady_clock::now();
  listener.Stop();
  CHECK(std::chrono::steady_clock::now() - asked < milliseconds(500));
  CHECK_FALSE(listener.Listening());

  auto unreachable = Options();
  unreachable.dsn = "host=127.0.0.1 port=1 dbname=kutse connect_timeout=2";
  unreachable.first_backoff = std::chrono::hours(1);
  unreachable.max_backoff = std::chrono::hours(1);
  Seen never;
  db::ListenerCallbacks callbacks;
  callbacks.on_notification = [&](const db::Notification&) { never.Add("notification"); };
  callbacks.on_disconnect = [&] { never.Add("disconnect"); };
  db::Listener down(unreachable, callbacks);
  down.Start();
  std::this_thread::sleep_for(milliseconds(200));  // refused at once, now in its hour-long pause
  asked = std::chrono::steady_clock::now();
  down.Stop();
  CHECK(std::chrono::steady_clock::now() - asked < milliseconds(500));
  CHECK(never.Events().empty());  // never listened, so never "disconnected"
}
