#include "kutse/db/listener.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <stdexcept>
#include <system_error>

#include "kutse/common/log.hpp"

namespace kutse::db {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

nlohmann::json Channels(const std::vector<std::string>& channels) {
  return nlohmann::json(channels);
}

}  // namespace

class Listener::Receiver : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection& connection, const std::string& channel, Listener& listener)
      : pqxx::notification_receiver(connection, channel), listener_(listener) {}
  void operator()(const std::string& payload, int sender_pid) override {
    listener_.Deliver(Notification{channel(), payload, sender_pid});
  }

 private:
  Listener& listener_;
};

Listener::Listener(ListenerOptions options, ListenerCallbacks callbacks)
    : options_(std::move(options)), callbacks_(std::move(callbacks)) {
  if (options_.channels.empty() || !callbacks_.on_notification || options_.tick.count() <= 0 ||
      options_.first_backoff.count() <= 0 || options_.max_backoff < options_.first_backoff) {
    throw std::invalid_argument("a listener needs channels, on_notification, a tick and back-off above 0");
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    throw std::system_error(errno, std::generic_category(), "pipe2");
  }
  wake_read_ = fds[0];
  wake_write_ = fds[1];
}

Listener::~Listener() {
  Stop();
  close(wake_read_);
  close(wake_write_);
}

void Listener::Start() {
  if (thread_.joinable()) {
    return;
  }
  stop_.Reset();
  DrainWakeups();
  thread_ = std::thread([this] { Run(); });
}

void Listener::Stop() {
  stop_.Request();
  Wake();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void Listener::Wake() {
  char byte = 1;
  // Full means a wake-up is pending already, which is all that is needed.
  [[maybe_unused]] ssize_t written = write(wake_write_, &byte, 1);
}

void Listener::DrainWakeups() {
  char buffer[64];
  while (read(wake_read_, buffer, sizeof buffer) > 0) {
  }
}

void Listener::Deliver(const Notification& notification) {
  try {
    callbacks_.on_notification(notification);
  } catch (const std::exception& error) {
    common::log::Warn("a notification could not be handled",
                      {{"channel", notification.channel}, {"error", error.what()}});
  }
}

void Listener::Run() {
  milliseconds backoff = options_.first_backoff;
  bool listened_before = false;
  while (!stop_.Requested()) {
    bool listening_now = false;
    try {
      pqxx::connection connection(options_.dsn);
      // libpqxx 6 would otherwise reconnect a broken connection silently on its next query and
      // LISTEN again, and nobody would learn that notifications were missed in between.
      connection.inhibit_reactivation(true);
      if (!options_.application_name.empty()) {
        pqxx::nontransaction(connection)
            .exec("SET application_name = " + connection.quote(options_.application_name));
      }
      std::vector<std::unique_ptr<Receiver>> receivers;
      for (const auto& channel : options_.channels) {
        receivers.push_back(std::make_unique<Receiver>(connection, channel, *this));
      }
      listening_now = true;
      bool reconnected = listened_before;
      listened_before = true;
      if (reconnected) {
        if (callbacks_.on_reconnect) {
          callbacks_.on_reconnect(connection);
        }
        common::log::Info("listening again", {{"channels", Channels(options_.channels)}});
      } else if (callbacks_.on_connect) {
        callbacks_.on_connect(connection);
      }
      listening_ = true;
      backoff = options_.first_backoff;
      Serve(connection);
      listening_ = false;
    } catch (const std::exception& error) {
      listening_ = false;
      if (listening_now && callbacks_.on_disconnect) {
        callbacks_.on_disconnect();
      }
      if (stop_.Requested()) {
        break;
      }
      common::log::Warn("listener lost its database connection; connecting again",
                        {{"channels", Channels(options_.channels)},
                         {"error", error.what()},
                         {"retry_in_ms", backoff.count()}});
      if (stop_.WaitFor(backoff)) {
        break;
      }
      backoff = std::min(options_.max_backoff, backoff * 2);
    }
  }
}

// Waits on the connection's socket and the wake-up pipe together, so that neither a notification
// nor a stop request waits for a timer.
void Listener::Serve(pqxx::connection& connection) {
  auto next_tick = steady_clock::now() + options_.tick;
  while (!stop_.Requested()) {
    // First what libpq has read already (during a callback's queries, say): poll() would not show it.
    int delivered = connection.get_notifs();
    if (!connection.is_open()) {
      throw pqxx::broken_connection("the listening connection closed");
    }
    if (delivered == 0) {
      auto wait = std::chrono::duration_cast<milliseconds>(next_tick - steady_clock::now());
      pollfd watched[2] = {{connection.sock(), POLLIN, 0}, {wake_read_, POLLIN, 0}};
      int ready = poll(watched, 2, static_cast<int>(std::max<long long>(0, wait.count())));
      if (ready < 0 && errno != EINTR) {
        throw std::system_error(errno, std::generic_category(), "poll");
      }
      if (ready > 0 && watched[1].revents != 0) {
        DrainWakeups();
        continue;
      }
      if (ready > 0 && watched[0].revents != 0) {
        delivered = connection.get_notifs();
        if (!connection.is_open()) {
          throw pqxx::broken_connection("the listening connection closed");
        }
      }
    }
    if (delivered > 0 || steady_clock::now() >= next_tick) {
      if (callbacks_.after_wait) {
        callbacks_.after_wait(connection);
      }
      next_tick = steady_clock::now() + options_.tick;
    }
  }
}

}  // namespace kutse::db
