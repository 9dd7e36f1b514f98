#include "kutse/bus/broker_connection.hpp"

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>

#include <set>

namespace kutse::bus {
namespace {

constexpr amqp_channel_t kChannel = 1;

timeval ToTimeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

std::string Describe(const amqp_rpc_reply_t& reply) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
      return "ok";
    case AMQP_RESPONSE_NONE:
      return "no reply";
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
      return amqp_error_string2(reply.library_error);
    case AMQP_RESPONSE_SERVER_EXCEPTION:
      if (reply.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
        auto* close = static_cast<amqp_connection_close_t*>(reply.reply.decoded);
        return "connection closed by broker: " +
               std::string(static_cast<char*>(close->reply_text.bytes), close->reply_text.len);
      }
      if (reply.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
        auto* close = static_cast<amqp_channel_close_t*>(reply.reply.decoded);
        return "channel closed by broker: " +
               std::string(static_cast<char*>(close->reply_text.bytes), close->reply_text.len);
      }
      return "broker error";
  }
  return "unknown";
}

amqp_bytes_t Bytes(const std::string& text) {
  return amqp_bytes_t{text.size(), const_cast<char*>(text.data())};
}

// Table entries point into the strings they were made from: keep those alive until the call.
amqp_table_entry_t IntEntry(amqp_bytes_t key, int value) {
  amqp_table_entry_t entry{};
  entry.key = key;
  entry.value.kind = AMQP_FIELD_KIND_I32;
  entry.value.value.i32 = value;
  return entry;
}

amqp_table_entry_t TextEntry(amqp_bytes_t key, const std::string& value) {
  amqp_table_entry_t entry{};
  entry.key = key;
  entry.value.kind = AMQP_FIELD_KIND_UTF8;
  entry.value.value.bytes = Bytes(value);
  return entry;
}

amqp_table_t Table(std::vector<amqp_table_entry_t>& entries) {
  return amqp_table_t{static_cast<int>(entries.size()), entries.empty() ? nullptr : entries.data()};
}

std::string Text(const amqp_bytes_t& bytes) {
  return std::string(static_cast<const char*>(bytes.bytes), bytes.len);
}

}  // namespace

struct BrokerConnection::State {
  amqp_connection_state_t connection = nullptr;
  bool channel_open = false;
  bool confirms = false;
  uint64_t next_tag = 1;

  void Check(const amqp_rpc_reply_t& reply, const std::string& what) {
    if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
      throw BrokerError(what + ": " + Describe(reply));
    }
  }
  void CheckRpc(const std::string& what) { Check(amqp_get_rpc_reply(connection), what); }
};

BrokerConnection::BrokerConnection(const AmqpUrl& url, int heartbeat_seconds)
    : state_(std::make_unique<State>()) {
  state_->connection = amqp_new_connection();
  try {
    Open(url, heartbeat_seconds);
  } catch (...) {
    amqp_destroy_connection(state_->connection);
    state_->connection = nullptr;
    throw;
  }
}

void BrokerConnection::Open(const AmqpUrl& url, int heartbeat_seconds) {
  amqp_socket_t* socket = amqp_tcp_socket_new(state_->connection);
  if (socket == nullptr) {
    throw BrokerError("cannot create a socket");
  }
  timeval connect_timeout = ToTimeval(std::chrono::milliseconds(5000));
  if (amqp_socket_open_noblock(socket, url.host.c_str(), url.port, &connect_timeout) != AMQP_STATUS_OK) {
    throw BrokerError("cannot connect to the broker at " + url.host + ":" + std::to_string(url.port));
  }
  state_->Check(amqp_login(state_->connection, url.vhost.c_str(), 0, 131072, heartbeat_seconds,
                           AMQP_SASL_METHOD_PLAIN, url.user.c_str(), url.password.c_str()),
                "login");
  amqp_channel_open(state_->connection, kChannel);
  state_->CheckRpc("channel open");
  state_->channel_open = true;
}

BrokerConnection::~BrokerConnection() {
  if (state_->connection == nullptr) {
    return;
  }
  if (state_->channel_open) {
    amqp_channel_close(state_->connection, kChannel, AMQP_REPLY_SUCCESS);
  }
  amqp_connection_close(state_->connection, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(state_->connection);
}

void BrokerConnection::DeclareExchange(const std::string& name, const std::string& type,
                                       const std::optional<std::string>& alternate_exchange) {
  std::vector<amqp_table_entry_t> entries;
  if (alternate_exchange) {
    entries.push_back(TextEntry(amqp_cstring_bytes("alternate-exchange"), *alternate_exchange));
  }
  amqp_exchange_declare(state_->connection, kChannel, Bytes(name), Bytes(type), 0, 1, 0, 0, Table(entries));
  state_->CheckRpc("declare exchange " + name);
}

void BrokerConnection::DeclareQueue(const std::string& name, const QueueOptions& options) {
  std::vector<amqp_table_entry_t> entries;
  if (options.type == QueueType::kQuorum) {
    entries.push_back(TextEntry(amqp_cstring_bytes("x-queue-type"), "quorum"));
  }
  if (options.message_ttl_ms) {
    entries.push_back(IntEntry(amqp_cstring_bytes("x-message-ttl"), *options.message_ttl_ms));
  }
  if (options.dead_letter_exchange) {
    entries.push_back(TextEntry(amqp_cstring_bytes("x-dead-letter-exchange"), *options.dead_letter_exchange));
  }
  if (options.dead_letter_routing_key) {
    entries.push_back(
        TextEntry(amqp_cstring_bytes("x-dead-letter-routing-key"), *options.dead_letter_routing_key));
  }
  amqp_queue_declare(state_->connection, kChannel, Bytes(name), 0, 1, 0, 0, Table(entries));
  state_->CheckRpc("declare queue " + name);
}

void BrokerConnection::Bind(const std::string& queue, const std::string& exchange,
                            const std::string& routing_key) {
  amqp_queue_bind(state_->connection, kChannel, Bytes(queue), Bytes(exchange), Bytes(routing_key),
                  amqp_empty_table);
  state_->CheckRpc("bind " + queue);
}

long BrokerConnection::QueueDepth(const std::string& queue) {
  amqp_queue_declare_ok_t* ok =
      amqp_queue_declare(state_->connection, kChannel, Bytes(queue), 1, 0, 0, 0, amqp_empty_table);
  state_->CheckRpc("inspect queue " + queue);
  return ok == nullptr ? 0 : static_cast<long>(ok->message_count);
}

void BrokerConnection::EnableConfirms() {
  amqp_confirm_select(state_->connection, kChannel);
  state_->CheckRpc("confirm select");
  state_->confirms = true;
  state_->next_tag = 1;
}

void BrokerConnection::PublishConfirmed(const std::vector<OutgoingMessage>& messages,
                                        std::chrono::milliseconds timeout) {
  if (!state_->confirms) {
    throw BrokerError("publisher confirms are not enabled on this connection");
  }
  std::set<uint64_t> outstanding;
  for (const auto& message : messages) {
    std::vector<amqp_table_entry_t> headers;
    for (const auto& [key, value] : message.int_headers) {
      headers.push_back(IntEntry(Bytes(key), value));
    }
    for (const auto& [key, value] : message.text_headers) {
      headers.push_back(TextEntry(Bytes(key), value));
    }
    amqp_basic_properties_t properties{};
    properties._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG |
                        AMQP_BASIC_MESSAGE_ID_FLAG | AMQP_BASIC_TYPE_FLAG | AMQP_BASIC_HEADERS_FLAG;
    properties.content_type = amqp_cstring_bytes("application/cloudevents+json");
    properties.delivery_mode = 2;  // persistent
    properties.message_id = Bytes(message.message_id);
    properties.type = Bytes(message.type);
    properties.headers =
        amqp_table_t{static_cast<int>(headers.size()), headers.empty() ? nullptr : headers.data()};
    int status = amqp_basic_publish(state_->connection, kChannel, Bytes(message.exchange),
                                    Bytes(message.routing_key), 1, 0, &properties, Bytes(message.body));
    if (status != AMQP_STATUS_OK) {
      throw BrokerError(std::string("publish failed: ") + amqp_error_string2(status));
    }
    outstanding.insert(state_->next_tag++);
  }
  bool returned = false;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!outstanding.empty()) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      throw BrokerError("no publisher confirm within the timeout");
    }
    amqp_frame_t frame{};
    timeval wait = ToTimeval(left);
    int status = amqp_simple_wait_frame_noblock(state_->connection, &frame, &wait);
    if (status == AMQP_STATUS_TIMEOUT) {
      throw BrokerError("no publisher confirm within the timeout");
    }
    if (status != AMQP_STATUS_OK) {
      throw BrokerError(std::string("waiting for confirms: ") + amqp_error_string2(status));
    }
    if (frame.frame_type != AMQP_FRAME_METHOD) {
      continue;
    }
    switch (frame.payload.method.id) {
      case AMQP_BASIC_ACK_METHOD: {
        auto* ack = static_cast<amqp_basic_ack_t*>(frame.payload.method.decoded);
        if (ack->multiple) {
          outstanding.erase(outstanding.begin(), outstanding.upper_bound(ack->delivery_tag));
        } else {
          outstanding.erase(ack->delivery_tag);
        }
        break;
      }
      case AMQP_BASIC_NACK_METHOD:
        throw BrokerError("the broker refused (nacked) a message");
      case AMQP_BASIC_RETURN_METHOD: {
        // The returned message's header and body frames follow; read them off the wire.
        amqp_message_t message{};
        amqp_read_message(state_->connection, frame.channel, &message, 0);
        amqp_destroy_message(&message);
        returned = true;
        break;
      }
      case AMQP_CHANNEL_CLOSE_METHOD:
      case AMQP_CONNECTION_CLOSE_METHOD:
        state_->channel_open = false;
        throw BrokerError("the broker closed the channel while publishing");
      default:
        break;
    }
  }
  if (returned) {
    throw BrokerError("a message was unroutable and returned by the broker");
  }
}

void BrokerConnection::StartConsuming(const std::string& queue, int prefetch) {
  amqp_basic_qos(state_->connection, kChannel, 0, static_cast<uint16_t>(prefetch), 0);
  state_->CheckRpc("qos");
  amqp_basic_consume(state_->connection, kChannel, Bytes(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table);
  state_->CheckRpc("consume " + queue);
}

std::optional<Delivery> BrokerConnection::NextDelivery(std::chrono::milliseconds timeout) {
  amqp_maybe_release_buffers(state_->connection);
  amqp_envelope_t envelope{};
  timeval wait = ToTimeval(timeout);
  amqp_rpc_reply_t reply = amqp_consume_message(state_->connection, &envelope, &wait, 0);
  if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && reply.library_error == AMQP_STATUS_TIMEOUT) {
    return std::nullopt;
  }
  if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
      reply.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
    // Not a delivery: read the frame to see whether the broker is closing on us.
    amqp_frame_t frame{};
    if (amqp_simple_wait_frame(state_->connection, &frame) != AMQP_STATUS_OK) {
      throw BrokerError("connection lost while consuming");
    }
    if (frame.frame_type == AMQP_FRAME_METHOD && (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                                                  frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD)) {
      state_->channel_open = false;
      throw BrokerError("the broker closed the consumer channel");
    }
    return std::nullopt;
  }
  if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
    throw BrokerError("consume failed: " + Describe(reply));
  }
  Delivery delivery;
  delivery.delivery_tag = envelope.delivery_tag;
  delivery.routing_key = Text(envelope.routing_key);
  delivery.body = Text(envelope.message.body);
  const auto& properties = envelope.message.properties;
  if ((properties._flags & AMQP_BASIC_HEADERS_FLAG) != 0) {
    for (int i = 0; i < properties.headers.num_entries; ++i) {
      const auto& entry = properties.headers.entries[i];
      if (entry.value.kind == AMQP_FIELD_KIND_I32) {
        delivery.int_headers[Text(entry.key)] = entry.value.value.i32;
      }
    }
  }
  amqp_destroy_envelope(&envelope);
  return delivery;
}

void BrokerConnection::Ack(uint64_t delivery_tag) {
  if (amqp_basic_ack(state_->connection, kChannel, delivery_tag, 0) != AMQP_STATUS_OK) {
    throw BrokerError("ack failed");
  }
}

void BrokerConnection::ServiceHeartbeats() {
  amqp_frame_t frame{};
  timeval wait = ToTimeval(std::chrono::milliseconds(1));
  int status = amqp_simple_wait_frame_noblock(state_->connection, &frame, &wait);
  if (status == AMQP_STATUS_TIMEOUT) {
    return;
  }
  if (status != AMQP_STATUS_OK) {
    throw BrokerError(std::string("connection lost: ") + amqp_error_string2(status));
  }
  if (frame.frame_type == AMQP_FRAME_METHOD && (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                                                frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD)) {
    state_->channel_open = false;
    throw BrokerError("the broker closed the connection");
  }
}

}  // namespace kutse::bus
