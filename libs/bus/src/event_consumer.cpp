#include "kutse/bus/event_consumer.hpp"

#include <memory>

#include "kutse/bus/broker_connection.hpp"
#include "kutse/bus/topology.hpp"
#include "kutse/common/interruptible_sleep.hpp"
#include "kutse/common/log.hpp"
#include "kutse/common/message_catalog.hpp"
#include "kutse/common/metrics.hpp"

namespace kutse::bus {
namespace {

constexpr const char* kAttemptHeader = "x-kutse-attempt";
constexpr std::chrono::milliseconds kPollInterval{500};
constexpr std::chrono::milliseconds kConfirmTimeout{10000};
constexpr std::chrono::seconds kDepthCheckInterval{5};

}  // namespace

EventConsumer::EventConsumer(db::Pool& pool, ConsumerOptions options)
    : pool_(pool), options_(std::move(options)) {
  auto& metrics = common::MetricsRegistry::Default();
  metrics.Describe("events_consumed_total", "counter", "Events handled, by type and outcome");
  metrics.Describe("events_dead_lettered_total", "counter", "Events sent to the dead-letter queue");
  metrics.Describe("events_queue_depth", "gauge", "Events waiting in the service's queue (consumer lag)");
  metrics.Describe("events_dead_letter_depth", "gauge", "Events waiting in the dead-letter queue");
}

EventConsumer::~EventConsumer() {
  Stop();
}

void EventConsumer::On(const std::string& event_type, EventHandler handler) {
  handlers_[event_type] = std::move(handler);
}

void EventConsumer::Start() {
  running_ = true;
  thread_ = std::thread([this] { Run(); });
}

void EventConsumer::Stop() {
  running_ = false;
  if (thread_.joinable()) {
    thread_.join();
  }
}

EventConsumer::Outcome EventConsumer::Handle(const std::string& body, CloudEvent& event) const {
  auto json = nlohmann::json::parse(body, nullptr, false);
  auto parsed = json.is_discarded() ? std::nullopt : CloudEvent::FromJson(json);
  if (!parsed) {
    return Outcome::kRejected;  // retrying cannot fix a malformed envelope
  }
  event = *parsed;
  auto handler = handlers_.find(event.type);
  if (handler == handlers_.end()) {
    return Outcome::kRejected;
  }
  const std::string record =
      "INSERT INTO " + options_.service + ".inbox (message_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  auto refused = [&](const common::Status& status) {
    // The text names the rule, never the person: handlers' messages carry no personal data.
    common::log::Warn(common::IsTransient(status.code()) ? "event handler failed" : "event rejected",
                      {{"event_id", event.id},
                       {"type", event.type},
                       {"code", common::ToString(status.code())},
                       {"error", common::MessageCatalog::Global().Render(status.message(), "en")}});
    return common::IsTransient(status.code()) ? Outcome::kFailed : Outcome::kRejected;
  };
  try {
    common::StatusOr<bool> fresh = pool_.Transaction([&](pqxx::work& work) -> common::StatusOr<bool> {
      if (work.exec_params(record, event.id, event.type).affected_rows() == 0) {
        return false;
      }
      common::Status applied = handler->second(work, event);
      if (!applied.ok()) {
        return applied;
      }
      return true;
    });
    if (!fresh.ok()) {
      return refused(fresh.status());
    }
    return *fresh ? Outcome::kHandled : Outcome::kDuplicate;
  } catch (const common::StatusError& error) {
    return refused(error.status());
  } catch (const std::exception& error) {
    common::log::Warn("event handler failed",
                      {{"event_id", event.id}, {"type", event.type}, {"error", error.what()}});
    return Outcome::kFailed;
  }
}

void EventConsumer::Run() {
  std::vector<std::string> types;
  for (const auto& [type, handler] : handlers_) {
    types.push_back(type);
  }
  std::unique_ptr<BrokerConnection> consuming;
  std::unique_ptr<BrokerConnection> publishing;  // its own connection: confirms never mix with deliveries
  auto backoff = std::chrono::milliseconds(250);
  auto& metrics = common::MetricsRegistry::Default();
  auto next_depth_check = std::chrono::steady_clock::now();
  while (running_) {
    try {
      if (!consuming) {
        consuming = std::make_unique<BrokerConnection>(options_.url, options_.heartbeat_seconds);
        DeclareConsumerQueues(*consuming, options_.service, types, options_.retry_delays_ms,
                              options_.queue_type);
        consuming->StartConsuming(QueueName(options_.service), options_.prefetch);
        publishing = std::make_unique<BrokerConnection>(options_.url, options_.heartbeat_seconds);
        publishing->EnableConfirms();
        connected_ = true;
        backoff = std::chrono::milliseconds(250);
        common::log::Info("event consumer connected", {{"queue", QueueName(options_.service)}});
      }
      publishing->ServiceHeartbeats();
      if (std::chrono::steady_clock::now() >= next_depth_check) {
        // Read on the publishing connection: its channel has no deliveries to interleave.
        metrics.SetGauge("events_queue_depth", {{"queue", QueueName(options_.service)}},
                         static_cast<double>(publishing->QueueDepth(QueueName(options_.service))));
        metrics.SetGauge("events_dead_letter_depth", {{"queue", DeadLetterQueueName(options_.service)}},
                         static_cast<double>(publishing->QueueDepth(DeadLetterQueueName(options_.service))));
        next_depth_check = std::chrono::steady_clock::now() + kDepthCheckInterval;
      }
      auto delivery = consuming->NextDelivery(kPollInterval);
      if (!delivery) {
        continue;
      }
      CloudEvent event;
      Outcome outcome = Handle(delivery->body, event);
      const char* outcome_name = "handled";
      if (outcome == Outcome::kDuplicate) {
        outcome_name = "duplicate";
      } else if (outcome == Outcome::kFailed || outcome == Outcome::kRejected) {
        int attempt = delivery->int_headers.count(kAttemptHeader) ? delivery->int_headers[kAttemptHeader] : 0;
        bool give_up = outcome == Outcome::kRejected || attempt >= kRetryTiers;
        OutgoingMessage copy{
            "",  // the default exchange routes by queue name
            give_up ? DeadLetterQueueName(options_.service) : RetryQueueName(options_.service, attempt + 1),
            delivery->body,
            event.id.empty() ? "unparsable" : event.id,
            event.type.empty() ? delivery->routing_key : event.type,
            {{kAttemptHeader, attempt + 1}},
            {{"x-kutse-reason", outcome == Outcome::kRejected ? "rejected" : "handler failed"}}};
        // Published and confirmed before the original is acked: a crash in between repeats it,
        // and the inbox makes the repeat harmless.
        publishing->PublishConfirmed({copy}, kConfirmTimeout);
        outcome_name = give_up ? "dead_lettered" : "retry";
        if (give_up) {
          metrics.Increment("events_dead_lettered_total", {{"queue", QueueName(options_.service)}});
          common::log::Error("event dead-lettered", {{"event_id", copy.message_id}, {"type", copy.type}});
        }
      }
      consuming->Ack(delivery->delivery_tag);
      metrics.Increment("events_consumed_total", {{"type", event.type.empty() ? "unparsable" : event.type},
                                                  {"outcome", outcome_name}});
    } catch (const std::exception& error) {
      common::log::Warn("event consumer lost its connection; reconnecting",
                        {{"error", error.what()}, {"retry_in_ms", backoff.count()}});
      consuming.reset();
      publishing.reset();
      connected_ = false;
      common::SleepWhileRunning(running_, backoff);
      backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
    }
  }
  connected_ = false;
}

}  // namespace kutse::bus
