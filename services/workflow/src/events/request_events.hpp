// The events of a request's life (proto-docs/events/), written to the outbox in the transaction of
// the change they report, for the notification service to tell the holder:
//   request.submitted.v1        a holder made a request;
//   request.status_changed.v1   an accepted action moved it to another state;
//   request.message_added.v1    a message was added to a question's thread (the text stays here);
//   workflow.duplicate_approved.v1  a handler approved a duplicate: the certificate service issues it;
//   workflow.reprint_completed.v1   a handler marked a reprint delivered: it enters the print history;
//   workflow.personal_data_read.v1  a handler read the request or a file of it: the holder's
//                                   data-access log (the certificate service keeps it).
// The data carry the holder's personal code: never log them.
#pragma once

#include <chrono>
#include <string>

#include "domain/request.hpp"
#include "kutse/bus/cloud_event.hpp"

namespace kutse::workflow {

inline constexpr const char* kRequestSubmittedV1 = "request.submitted.v1";
inline constexpr const char* kRequestStatusChangedV1 = "request.status_changed.v1";
inline constexpr const char* kRequestMessageAddedV1 = "request.message_added.v1";
inline constexpr const char* kDuplicateApprovedV1 = "workflow.duplicate_approved.v1";
inline constexpr const char* kReprintCompletedV1 = "workflow.reprint_completed.v1";
inline constexpr const char* kPersonalDataReadV1 = "workflow.personal_data_read.v1";

bus::CloudEvent RequestSubmittedEvent(const Request& request, const std::string& correlation_id);
// `action` names the ActionKind that made the change.
bus::CloudEvent RequestStatusChangedEvent(const Request& after, RequestState from, const std::string& action,
                                          ActorKind by, const std::optional<std::string>& reason,
                                          std::chrono::system_clock::time_point at,
                                          const std::string& correlation_id);
bus::CloudEvent RequestMessageAddedEvent(const Request& request, const RequestMessage& message,
                                         const std::string& correlation_id);
// The approval of a duplicate request, with the claim stored at creation (a new name is the one
// the holder's identity gave then); approved_by is the request's route.
bus::CloudEvent DuplicateApprovedEvent(const Request& request, std::chrono::system_clock::time_point at,
                                       const std::string& correlation_id);
// A reprint posted or handed over; `completed_by` is the handler's subject (EE and a personal code).
bus::CloudEvent ReprintCompletedEvent(const Request& request, DeliveryOutcome delivery,
                                      const std::string& completed_by,
                                      std::chrono::system_clock::time_point at,
                                      const std::string& correlation_id);

// A clerk's or the register keeper's admin's read of the request (`what`: request or attachment).
bus::CloudEvent PersonalDataReadEvent(const Request& request, const Actor& reader, const char* what,
                                      std::chrono::system_clock::time_point at,
                                      const std::string& correlation_id);

}  // namespace kutse::workflow
