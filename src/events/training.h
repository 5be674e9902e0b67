// File: events/training.h
//
// Training examples for the learned event decision (docs/events.md): each
// candidate the grammar proposes in an annotated article is labelled by the
// span gold of data/annotations/ (docs/annotation.md). A candidate is right
// when a `must` instance of its type in the same sentence has sides it
// matches by the document-level rules of ../shared/tools/score.py (CONSULT and
// COOPERATE in either order; a side the gold leaves empty matches any side); it
// is left out when it matches only a `may` instance.
#ifndef RASD_EVENTS_TRAINING_H_
#define RASD_EVENTS_TRAINING_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "events/candidate.h"
#include "rasd/document.h"

namespace rasd::internal {

struct CodePointSpan {
  uint32_t begin = 0, end = 0;
};

struct GoldEventInstance {
  uint32_t sentence_begin = 0, sentence_end = 0;  // code points in the article text
  CodePointSpan trigger;
  std::vector<CodePointSpan> actor_mentions, recipient_mentions;
  std::string type;
  std::set<std::string> actor, recipient;         // country-level codes; empty = unknown
  bool must = false;
};

enum class CandidateLabel { kRight, kWrong, kLeftOut };

// `cp_of_byte` maps each byte offset of doc.text to its code point offset (size text.size() + 1).
CandidateLabel LabelCandidate(const Candidate& c, const std::vector<GoldEventInstance>& gold,
                              const std::vector<uint32_t>& cp_of_byte);

// The gold instance a candidate stands for: in its sentence, with a trigger
// overlapping the candidate's anchor (one of the same type first); null when none.
const GoldEventInstance* AlignCandidate(const Candidate& c, const std::vector<GoldEventInstance>& gold,
                                        const std::vector<uint32_t>& cp_of_byte);

// Whether entity `e` overlaps one of `mentions`.
bool EntityOverlaps(const Entity& e, const std::vector<CodePointSpan>& mentions,
                    const std::vector<uint32_t>& cp_of_byte);

// Whether the participant entity `e` stands for a gold side by the scorer's country-level
// keys (a non-empty side only).
bool EntityMeetsSide(const Document& doc, int e, const std::set<std::string>& side);

// Code point offset of every byte offset of `text` (and of its end).
std::vector<uint32_t> CodePointOffsets(const std::string& text);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_TRAINING_H_
