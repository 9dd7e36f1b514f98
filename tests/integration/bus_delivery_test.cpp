// Outbox relay and idempotent-inbox consumer against the real PostgreSQL and RabbitMQ.
// Each test uses a schema and queues of its own, named after a random "service".
#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "kutse/bus/broker_connection.hpp"
#include "kutse/bus/bus_tables.hpp"
#include "kutse/bus/dead_letter_replay.hpp"
#include "kutse/bus/event_consumer.hpp"
#include "kutse/bus/outbox.hpp"
#include "kutse/bus/outbox_relay.hpp"
#include "kutse/bus/topology.hpp"
#include "kutse/common/metrics.hpp"
#include "support/test_env.hpp"

using namespace kutse;

namespace {

// A throw-away service schema with the same outbox and inbox as the real services' V001.
struct BusScratch {
  std::string service = testing::UniqueName("bus");
  std::string event_type = service + ".happened.v1";
  db::Pool pool{db::PoolOptions{testing::AdminDsn(), 4, std::chrono::milliseconds(5000), {}}};

  BusScratch() {
    pool.Transaction([&](pqxx::work& work) {
      work.exec("CREATE SCHEMA " + service);
      work.exec("CREATE TABLE " + service + ".effects (event_id text NOT NULL, n int NOT NULL)");
    });
    pqxx::connection connection(testing::AdminDsn());
    db::ApplyMigrations(connection, service, {bus::OutboxInboxMigration(service)});
  }

  // The queues stay on the broker (unique names, the test vhost); the test command deletes the vhost.
  ~BusScratch() {
    pool.Transaction([&](pqxx::work& work) { work.exec("DROP SCHEMA " + service + " CASCADE"); });
  }

  void Enqueue(int count) {
    pool.Transaction([&](pqxx::work& work) {
      for (int i = 0; i < count; ++i) {
        bus::EnqueueEvent(work, service,
                          bus::CloudEvent::Make(service, event_type, std::to_string(i), {{"n", i}}, ""));
      }
    });
  }
  int Effects() {
    return pool.Read([&](pqxx::nontransaction& read) {
      return read.exec1("SELECT count(*) FROM " + service + ".effects")[0].as<int>();
    });
  }
  int DistinctEffects() {
    return pool.Read([&](pqxx::nontransaction& read) {
      return read.exec1("SELECT count(DISTINCT event_id) FROM " + service + ".effects")[0].as<int>();
    });
  }
  bus::EventHandler Recorder() {
    std::string insert = "INSERT INTO " + service + ".effects VALUES ($1, $2)";
    return [insert](pqxx::work& work, const bus::CloudEvent& event) {
      work.exec_params(insert, event.id, event.data["n"].get<int>());
      return common::OkStatus();
    };
  }
  bus::ConsumerOptions Consumer() const {
    bus::ConsumerOptions options;
    options.url = bus::AmqpUrl::Parse(testing::AmqpUrl());
    options.service = service;
    options.retry_delays_ms = {100, 200, 300};
    return options;
  }
  bus::RelayOptions Relay() const {
    bus::RelayOptions options;
    options.url = bus::AmqpUrl::Parse(testing::AmqpUrl());
    options.schema = service;
    options.idle_poll = std::chrono::milliseconds(20);
    return options;
  }
};

bool WaitFor(const std::function<bool()>& condition, std::chrono::seconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (condition()) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

// The first message of the service's dead-letter queue, within 15 s.
std::optional<bus::Delivery> FirstDeadLetter(const BusScratch& scratch) {
  bus::BrokerConnection inspector(bus::AmqpUrl::Parse(testing::AmqpUrl()), 30);
  inspector.StartConsuming(bus::DeadLetterQueueName(scratch.service), 1);
  std::optional<bus::Delivery> dead;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (!dead && std::chrono::steady_clock::now() < until) {
    dead = inspector.NextDelivery(std::chrono::milliseconds(200));
  }
  if (dead) {
    inspector.Ack(dead->delivery_tag);
  }
  return dead;
}

}  // namespace

TEST_CASE("two relays and two consumers deliver every event exactly once", "[bus]") {
  BusScratch scratch;
  bus::EventConsumer first(scratch.pool, scratch.Consumer());
  bus::EventConsumer second(scratch.pool, scratch.Consumer());
  first.On(scratch.event_type, scratch.Recorder());
  second.On(scratch.event_type, scratch.Recorder());
  first.Start();
  second.Start();
  REQUIRE(WaitFor([&] { return first.Connected() && second.Connected(); }, std::chrono::seconds(10)));
  scratch.Enqueue(500);
  bus::OutboxRelay relay_a(scratch.pool, scratch.Relay());
  bus::OutboxRelay relay_b(scratch.pool, scratch.Relay());
  relay_a.Start();
  relay_b.Start();
  REQUIRE(WaitFor([&] { return scratch.Effects() >= 500; }, std::chrono::seconds(30)));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // anything doubled would show now
  REQUIRE(scratch.Effects() == 500);
  REQUIRE(scratch.DistinctEffects() == 500);
  int unpublished = scratch.pool.Read([&](pqxx::nontransaction& read) {
    return read.exec1("SELECT count(*) FROM " + scratch.service + ".outbox WHERE published_at IS NULL")[0]
        .as<int>();
  });
  REQUIRE(unpublished == 0);
}

TEST_CASE("a listening relay publishes a new event at once, not at its next poll", "[bus]") {
  BusScratch scratch;
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  consumer.On(scratch.event_type, scratch.Recorder());
  consumer.Start();
  bus::RelayOptions options = scratch.Relay();
  options.idle_poll = std::chrono::minutes(10);  // only the announcement can wake it in time
  options.dsn = testing::AdminDsn();
  bus::OutboxRelay relay(scratch.pool, options);
  relay.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected() && relay.Connected(); }, std::chrono::seconds(10)));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the relay has looked and waits now
  scratch.Enqueue(3);
  REQUIRE(WaitFor([&] { return scratch.Effects() >= 3; }, std::chrono::seconds(10)));
  scratch.Enqueue(2);  // a second wake-up works as the first
  REQUIRE(WaitFor([&] { return scratch.Effects() >= 5; }, std::chrono::seconds(10)));
  REQUIRE(scratch.DistinctEffects() == 5);
}

TEST_CASE("a redelivered event is acked and ignored by the inbox", "[bus]") {
  BusScratch scratch;
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  consumer.On(scratch.event_type, scratch.Recorder());
  consumer.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected(); }, std::chrono::seconds(10)));
  auto event = bus::CloudEvent::Make(scratch.service, scratch.event_type, "x", {{"n", 1}}, "");
  bus::BrokerConnection publisher(bus::AmqpUrl::Parse(testing::AmqpUrl()), 30);
  publisher.EnableConfirms();
  bus::OutgoingMessage message{
      bus::kEventExchange, scratch.event_type, event.ToJson().dump(), event.id, scratch.event_type, {}, {}};
  publisher.PublishConfirmed({message, message, message}, std::chrono::milliseconds(5000));
  REQUIRE(WaitFor([&] { return scratch.Effects() == 1; }, std::chrono::seconds(10)));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  REQUIRE(scratch.Effects() == 1);
  // The consumer reports its queue's depth (consumer lag) and its dead letters as gauges.
  std::string metrics = common::MetricsRegistry::Default().Render();
  REQUIRE(metrics.find("events_queue_depth{queue=\"" + bus::QueueName(scratch.service) + "\"}") !=
          std::string::npos);
  REQUIRE(metrics.find("events_dead_letter_depth{queue=\"" + bus::DeadLetterQueueName(scratch.service) +
                       "\"} 0") != std::string::npos);
}

TEST_CASE("a failing handler is retried with back-off and its effect happens once", "[bus]") {
  BusScratch scratch;
  std::atomic<int> calls{0};
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  auto record = scratch.Recorder();
  consumer.On(scratch.event_type, [&](pqxx::work& work, const bus::CloudEvent& event) {
    common::Status recorded = record(work, event);  // rolled back with the transaction when we throw below
    if (++calls < 3) {
      throw std::runtime_error("temporary failure");
    }
    return recorded;
  });
  consumer.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected(); }, std::chrono::seconds(10)));
  scratch.Enqueue(1);
  bus::OutboxRelay relay(scratch.pool, scratch.Relay());
  relay.Start();
  REQUIRE(WaitFor([&] { return scratch.Effects() == 1; }, std::chrono::seconds(15)));
  REQUIRE(calls == 3);
}

TEST_CASE("an event that keeps failing ends in the dead-letter queue, not lost", "[bus]") {
  BusScratch scratch;
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  consumer.On(scratch.event_type, [](pqxx::work&, const bus::CloudEvent&) -> common::Status {
    throw std::runtime_error("always");
  });
  consumer.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected(); }, std::chrono::seconds(10)));
  scratch.Enqueue(1);
  bus::OutboxRelay relay(scratch.pool, scratch.Relay());
  relay.Start();
  auto dead = FirstDeadLetter(scratch);
  REQUIRE(dead.has_value());
  REQUIRE(dead->int_headers["x-kutse-attempt"] == 4);
  auto envelope = nlohmann::json::parse(dead->body);
  REQUIRE(envelope["type"] == scratch.event_type);
  REQUIRE(scratch.Effects() == 0);
}

TEST_CASE("an event the domain refuses is dead-lettered at once and its effect rolled back", "[bus]") {
  BusScratch scratch;
  std::atomic<int> calls{0};
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  auto record = scratch.Recorder();
  consumer.On(scratch.event_type, [&](pqxx::work& work, const bus::CloudEvent& event) {
    ++calls;
    common::Status recorded = record(work, event);
    return recorded.ok() ? common::FailedPrecondition(common::Msg("test.refused")) : recorded;
  });
  consumer.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected(); }, std::chrono::seconds(10)));
  scratch.Enqueue(1);
  bus::OutboxRelay relay(scratch.pool, scratch.Relay());
  relay.Start();
  auto dead = FirstDeadLetter(scratch);
  REQUIRE(dead.has_value());
  REQUIRE(dead->int_headers["x-kutse-attempt"] == 1);  // no retry tier in between
  REQUIRE(calls == 1);
  REQUIRE(scratch.Effects() == 0);
}

TEST_CASE("an event refused for a transient reason goes through the retry tiers first", "[bus]") {
  BusScratch scratch;
  std::atomic<int> calls{0};
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  consumer.On(scratch.event_type, [&](pqxx::work&, const bus::CloudEvent&) {
    ++calls;
    return common::Unavailable(common::Msg("test.unavailable"));
  });
  consumer.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected(); }, std::chrono::seconds(10)));
  scratch.Enqueue(1);
  bus::OutboxRelay relay(scratch.pool, scratch.Relay());
  relay.Start();
  auto dead = FirstDeadLetter(scratch);
  REQUIRE(dead.has_value());
  REQUIRE(dead->int_headers["x-kutse-attempt"] == 1 + bus::kRetryTiers);
  REQUIRE(calls == 1 + bus::kRetryTiers);
}

TEST_CASE("events written while the broker is unreachable wait in the outbox", "[bus]") {
  BusScratch scratch;
  scratch.Enqueue(5);
  auto options = scratch.Relay();
  options.url.port = 1;  // nothing listens there
  bus::OutboxRelay relay(scratch.pool, options);
  relay.Start();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  relay.Stop();
  REQUIRE_FALSE(relay.Connected());
  int unpublished = scratch.pool.Read([&](pqxx::nontransaction& read) {
    return read.exec1("SELECT count(*) FROM " + scratch.service + ".outbox WHERE published_at IS NULL")[0]
        .as<int>();
  });
  REQUIRE(unpublished == 5);
}

TEST_CASE("a dead-lettered event replayed after the fix takes effect once", "[bus]") {
  BusScratch scratch;
  std::atomic<bool> broken{true};
  std::atomic<int> calls{0};
  bus::EventConsumer consumer(scratch.pool, scratch.Consumer());
  auto record = scratch.Recorder();
  consumer.On(scratch.event_type, [&](pqxx::work& work, const bus::CloudEvent& event) {
    ++calls;
    if (broken) {
      throw std::runtime_error("bug not fixed yet");
    }
    return record(work, event);
  });
  consumer.Start();
  REQUIRE(WaitFor([&] { return consumer.Connected(); }, std::chrono::seconds(10)));
  scratch.Enqueue(1);
  bus::OutboxRelay relay(scratch.pool, scratch.Relay());
  relay.Start();
  REQUIRE(WaitFor([&] { return calls >= 1 + bus::kRetryTiers; }, std::chrono::seconds(15)));
  broken = false;
  int moved = 0;
  REQUIRE(WaitFor(
      [&] {
        moved += bus::ReplayDeadLetters(bus::AmqpUrl::Parse(testing::AmqpUrl()), scratch.service,
                                        std::chrono::milliseconds(200));
        return moved >= 1;
      },
      std::chrono::seconds(10)));
  REQUIRE(moved == 1);
  REQUIRE(WaitFor([&] { return scratch.Effects() == 1; }, std::chrono::seconds(10)));
  REQUIRE(calls == 2 + bus::kRetryTiers);
}
