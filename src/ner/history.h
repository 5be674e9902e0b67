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
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::internal {

class NerHistory {
 public:
  explicit NerHistory(size_t window = 2000) : window_(window) {}

  // Appends the history cues of `tokens` to (*cues)[i] (resized to tokens.size() if needed).
  void AddCues(std::span<const std::string> tokens, std::vector<std::vector<std::string>>* cues) const;
  // Records the tags (NerTag values) given to `tokens`.
  void Update(std::span<const std::string> tokens, std::span<const uint8_t> tags);
  // The same with the tokens' NerHistoryKey()s computed once by the caller
  // (each token is asked for twice per sentence).
  void AddCues(std::span<const uint64_t> keys, std::vector<std::vector<std::string>>* cues) const;
  void Update(std::span<const uint64_t> keys, std::span<const uint8_t> tags);
  void Clear();

 private:
  // Per key, how often each type was given in the window. An open-addressing
  // table (linear probing, backward-shift deletion, at most half full): one
  // look-up per token, and no allocation per new word as a node map has.
  struct Slot {
    uint64_t key = 0;                    // 0: empty
    std::array<uint32_t, 5> by_type{};  // O, PERS, LOC, ORG, MISC
  };
  const Slot* Find(uint64_t key) const;
  Slot* Find(uint64_t key) { return const_cast<Slot*>(std::as_const(*this).Find(key)); }
  Slot& FindOrAdd(uint64_t key);
  void Erase(Slot& slot);

  size_t window_;
  std::vector<std::pair<uint64_t, uint8_t>> recent_;  // key, type; the window is [oldest_, end)
  size_t oldest_ = 0;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

// The history key of a token (0 for punctuation, digits and one-letter words).
uint64_t NerHistoryKey(std::string_view token);
// The keys of a sentence's tokens, appended to *keys (faster than one by one:
// the memo's look-ups are started together).
void AppendNerHistoryKeys(std::span<const std::string_view> tokens, std::vector<uint64_t>* keys);

}  // namespace rasd::internal

#endif  // RASD_NER_HISTORY_H_
