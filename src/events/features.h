// File: events/features.h
//
// The features of an event candidate for the learned decision: the trigger
// (lemma, form, kind, type, clitics), its neighbours, the participants the
// grammar attached (entity type, sector, side of the trigger, preposition,
// whether both sides share a country), the hand rules that would drop it,
// speech, negation and modality marks, and where the sentence stands in the
// article. Each is a string hashed with FeatureHash (learn/linear_model.h).
#ifndef RASD_EVENTS_FEATURES_H_
#define RASD_EVENTS_FEATURES_H_

#include <cstdint>
#include <vector>

#include "events/candidate.h"
#include "rasd/document.h"

namespace rasd::internal {

void CandidateFeatures(const Document& doc, const Candidate& c, std::vector<uint64_t>* out);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_FEATURES_H_
