// Sentence splitting over tokens: Arabic and Latin end marks, closing quotes,
// abbreviations (د. م. أ.), numbers (already single tokens: 1.5, 11/11/2024),
// line breaks (headlines, paragraphs) and datelines ("بيروت - …").
#ifndef RASD_SEGMENT_SENTENCE_SPLITTER_H_
#define RASD_SEGMENT_SENTENCE_SPLITTER_H_

#include "rasd/document.h"

namespace rasd::internal {

// Longest sentence in tokens; longer runs are cut (bounds later stages' work
// on text without punctuation).
inline constexpr uint32_t kMaxSentenceTokens = 400;

// Fills doc->sentences from doc->tokens. Every token belongs to exactly one
// sentence; sentences are in order and non-empty.
void SplitSentences(Document* doc);

}  // namespace rasd::internal

#endif  // RASD_SEGMENT_SENTENCE_SPLITTER_H_
