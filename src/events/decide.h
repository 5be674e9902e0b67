// File: events/decide.h
//
// The last stage of events: which candidates become events. With the learned
// models, each candidate's actor and recipient are chosen first
// (events/participants.h), then those whose decision probability reaches the
// model's threshold become events, with that probability as confidence;
// without models, those the hand rules accept (Candidate::reasons == 0), with
// the rules' fixed confidences.
#ifndef RASD_EVENTS_DECIDE_H_
#define RASD_EVENTS_DECIDE_H_

#include <vector>

#include "events/candidate.h"
#include "events/event_models.h"
#include "rasd/document.h"

namespace rasd::internal {

// Moves the chosen candidates' events to doc->events, in candidate (text) order.
void DecideEvents(const EventModels* models, std::vector<Candidate>* candidates, Document* doc);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_DECIDE_H_
