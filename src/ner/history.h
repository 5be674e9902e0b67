// File: ner/history.h
//
// Prediction history for the NER tagger (Ratinov & Roth 2009, "extended
// prediction history"): a name tagged PERS in one sentence of an article is
// likely PERS in the next, where its context may say less. NerHistory keeps
// the tags the tagger gave to the words of the last `window` tokens and turns
// them into cue strings for the next sentence (the tagger's per-token cue
// hook); the engine keeps one per document, `rasd ner --conll` one sliding
// window over the stream. Words are keyed by NormalizeKey without a leading
// و/ف, ب/ل/ك + ال, لل or ال, so والمالكي and المالكي share a history.
//
// A token whose key was tagged X (PERS, LOC, ORG, MISC) in the window gets
// "HIST=X", and "HIST=X:all" when every occurrence there was X (and
// "HIST=X:most" when more than half were).
#ifndef RASD_NER_HISTORY_H_
#define RASD_NER_HISTORY_H_

#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace rasd::internal {

class NerHistory {
 public:
  explicit NerHistory(size_t window = 2000) : window_(window) {}

  // Appends the history cues of `tokens` to (*cues)[i] (resized to tokens.size() if needed).
  void AddCues(std::span<const std::string> tokens, std::vector<std::vector<std::string>>* cues) const;
  // Records the tags (NerTag values) given to `tokens`.
  void Update(std::span<const std::string> tokens, std::span<const uint8_t> tags);
  void Clear();

 private:
  struct Counts {
    std::array<uint32_t, 5> by_type{};  // O, PERS, LOC, ORG, MISC
  };
  size_t window_;
  std::deque<std::pair<uint64_t, uint8_t>> recent_;  // key, type
  std::unordered_map<uint64_t, Counts> counts_;      // only looked up, never iterated
};

// The history key of a token (0 for punctuation, digits and one-letter words).
uint64_t NerHistoryKey(std::string_view token);

}  // namespace rasd::internal

#endif  // RASD_NER_HISTORY_H_
