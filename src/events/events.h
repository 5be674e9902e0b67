// Events: who did what to whom. Trigger words from data/lexicons/triggers.tsv
// (PLOVER type and mode, CAMEO code, where the actor is and which preposition
// introduces the recipient), arguments attached from the sentence's actors,
// reported speech (speech.tsv), negation and modality (modality.tsv).
#ifndef RASD_EVENTS_EVENTS_H_
#define RASD_EVENTS_EVENTS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <string>
#include <vector>

#include "events/candidate.h"
#include "events/decide.h"
#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal {

// Verbal phrase triggers whose subject may stand inside them (فرضت الحكومة
// الأمريكية عقوبات على …, وقعت X اتفاقية مع …): their first word maps to the
// rest of the phrase. Built once from the event lexicon.
class GappedPhrases {
 public:
  // `entities` tells which rest words are function words: a verb + preposition
  // alone (عمل مع) is too loose to find across a gap.
  GappedPhrases(const Lexicon& events, const Lexicon& entities);
  struct Phrase {
    const LexEntry* entry;
    std::vector<std::string> rest;  // folded words after the verb
    bool loose = false;             // the rest is one function word
    bool masdar = false;            // a verbal noun: the gap is its genitive agent (إطلاق الشرطة النار)
  };
  // The phrases whose first word is `head` (folded), or null.
  const std::vector<Phrase>* Find(std::string_view head) const;

 private:
  // The phrases grouped by head, and an open-addressing index over the heads
  // (by WordHash, at most half full): Find() runs for every word of every
  // article, and a node-based map cost a cache miss or two each time.
  std::vector<std::string> heads_;
  std::vector<std::vector<Phrase>> phrases_;  // parallel to heads_
  struct Slot {
    uint64_t hash = 0;
    uint32_t index = 0;  // into heads_
    bool used = false;
  };
  std::vector<Slot> slots_;
};

// The event candidates of `doc` (entities done), in text order: every trigger
// with the participants the grammar attached and the reasons the hand rules
// would drop it. `events` is the lexicon of triggers, speech verbs and
// modality words; `gapped` the phrases built from it; `entities` the entity
// lexicon (for titles between a preposition and a name). Never fails.
std::vector<Candidate> EventCandidates(const Lexicon& events, const GappedPhrases& gapped, const Lexicon& entities,
                                       Document* doc);

// Candidates, then the decision (events/decide.h): appends to doc->events.
// `model` null keeps the hand rules' choice.
void ExtractEvents(const Lexicon& events, const GappedPhrases& gapped, const Lexicon& entities,
                   const EventModels* models, Document* doc);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_EVENTS_H_
