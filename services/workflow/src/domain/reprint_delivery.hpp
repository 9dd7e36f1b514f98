// How a reprinted paper reaches the holder (proto-docs/domain.md, "Requests"): collected in person
// at the body, or posted to an address the holder gives; and how the handler says it went. No I/O.
#pragma once

#include <optional>
#include <string>

#include "kutse/common/status.hpp"

namespace kutse::workflow {

enum class DeliveryMethod { kCollectInPerson, kPost };
// What the handler records when the reprint is done (mark_delivered).
enum class DeliveryOutcome { kPosted, kHandedOver };

const char* ToString(DeliveryMethod method);
std::optional<DeliveryMethod> ParseDeliveryMethod(const std::string& text);
const char* ToString(DeliveryOutcome outcome);
std::optional<DeliveryOutcome> ParseDeliveryOutcome(const std::string& text);

inline constexpr size_t kMaxRecipientLength = 200;
inline constexpr size_t kMaxStreetLength = 200;
inline constexpr size_t kMaxCityLength = 100;
inline constexpr size_t kMaxPostalCodeLength = 12;

struct PostalAddress {
  std::string recipient_name;
  std::string street;       // street, house and flat, as one line
  std::string postal_code;  // Estonia: 5 digits; elsewhere optional (some countries have none)
  std::string city;
  std::string country = "EE";  // ISO 3166-1 alpha-2

  bool operator==(const PostalAddress& other) const {
    return recipient_name == other.recipient_name && street == other.street &&
           postal_code == other.postal_code && city == other.city && country == other.country;
  }
};

struct ReprintDelivery {
  DeliveryMethod method = DeliveryMethod::kCollectInPerson;
  std::optional<PostalAddress> address;  // for kPost only
};

// The delivery with its texts trimmed and the country in upper case, or invalid argument with a
// field error per wrong member. The pointers name the members of {method, address: {...}}; a caller
// that nests the delivery in a larger body prefixes them.
common::StatusOr<ReprintDelivery> CheckReprintDelivery(const ReprintDelivery& delivery);

}  // namespace kutse::workflow
