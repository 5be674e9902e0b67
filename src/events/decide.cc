#include "events/decide.h"

#include "events/features.h"
#include "events/participants.h"

namespace rasd::internal {

void DecideEvents(const EventModels* models, std::vector<Candidate>* candidates, Document* doc) {
  std::vector<uint64_t> features;
  for (Candidate& c : *candidates) {
    if (models == nullptr) {
      if (c.reasons == 0) doc->events.push_back(std::move(c.event));
      continue;
    }
    // The hand rules' events keep the grammar's participants; the models
    // choose for the candidates the rules drop.
    if (c.reasons == 0) {
      CandidateFeatures(*doc, c, &features);
      c.event.confidence = models->calibration.Apply(models->decision.Probability(features));
      doc->events.push_back(std::move(c.event));
      continue;
    }
    ChooseParticipants(*doc, models->actor, models->recipient, &c);
    CandidateFeatures(*doc, c, &features);
    const double p = models->decision.Probability(features);
    if (p < models->decision.threshold()) continue;  // the threshold is on the model's own probability
    c.event.confidence = models->calibration.Apply(p);
    doc->events.push_back(std::move(c.event));
  }
}

}  // namespace rasd::internal
