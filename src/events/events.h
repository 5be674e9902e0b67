// Events: who did what to whom. Trigger words from data/lexicons/triggers.tsv
// (PLOVER type and mode, CAMEO code, where the actor is and which preposition
// introduces the recipient), arguments attached from the sentence's actors,
// reported speech (speech.tsv), negation and modality (modality.tsv).
#ifndef RASD_EVENTS_EVENTS_H_
#define RASD_EVENTS_EVENTS_H_

#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal {

// Appends the events of `doc` (entities done) to doc->events. `events` is the
// lexicon of triggers, speech verbs and modality words; `entities` the entity
// lexicon (for titles between a preposition and a name). Never fails.
void ExtractEvents(const Lexicon& events, const Lexicon& entities, Document* doc);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_EVENTS_H_
