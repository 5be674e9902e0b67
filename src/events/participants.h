// File: events/participants.h
//
// The learned choice of actor and recipient: for a candidate and each entity
// of its sentence (and the subject a dropped pronoun continues), the
// probability that the entity is the actor, and that it is the recipient, from
// two linear models (learn/linear_model.h) over the features below: where the
// entity stands from the trigger, the preposition that introduces it, what
// kind of entity it is, the trigger's type, kind and lemma, and whether the
// hand grammar chose it.
#ifndef RASD_EVENTS_PARTICIPANTS_H_
#define RASD_EVENTS_PARTICIPANTS_H_

#include <cstdint>
#include <vector>

#include "events/candidate.h"
#include "learn/linear_model.h"
#include "rasd/document.h"

namespace rasd::internal {

enum class ParticipantRole { kActor, kRecipient };

void ParticipantFeatures(const Document& doc, const Candidate& c, const CandidateMention& m, ParticipantRole role,
                         std::vector<uint64_t>* out);

// Replaces the candidate's actor and recipient by the mentions the models rank
// first (a side stays empty only when the sentence offers no mention: a minimum
// probability cost more F1 on dev than it saved, docs/events.md). The grammar's
// list is kept where the model agrees with its first member (it holds the
// conjuncts: الأردن ومصر).
void ChooseParticipants(const Document& doc, const LinearModel& actor_model, const LinearModel& recipient_model,
                        Candidate* c);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_PARTICIPANTS_H_
