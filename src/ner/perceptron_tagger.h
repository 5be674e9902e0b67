// File: ner/perceptron_tagger.h
//
// The statistical named-entity tagger: a first-order structured averaged
// perceptron (Collins 2002) over hashed sparse features, decoded with Viterbi
// under BIO constraints, with the ANERcorp tag set (PERS, LOC, ORG, MISC).
//
//   auto tagger = PerceptronTagger::Load(BuiltinNerModel());
//   if (!tagger.ok()) return tagger.status();
//   std::vector<uint8_t> tags;
//   tagger->Tag(tokens, cues, &tags);       // tokens: raw words
//   for (uint8_t t : tags) std::cout << NerTagName(t) << "\n";   // "B-PERS", "O"…
//
// `cues` (one list of strings per token, or empty) must be computed as when
// the model was trained: uses_lexicon_cues() -> ComputeLexiconCues() /
// NerLexiconCuer (ner/lexicon_cues.h); uses_history() -> NerHistory
// (ner/history.h) over the preceding sentences. Without them the tagger still
// works, less accurately.
//
// Features are computed on rasd::NormalizeKey(word) (default options): the
// word, its normalised form, 1–3 code point prefixes and suffixes, character
// trigrams and a clitic-stripped stem, the shape, the same in a ±2 window,
// word bigrams, news-corpus frequency / article-ratio classes, cue-lexicon
// classes, distributional word classes (three levels) and corpus tag profiles
// stored in the model, caller-supplied cue strings at positions -1, 0, +1, and
// the previous tag (transition weights). Feature strings are hashed to 64-bit
// keys with a fixed hash (no std::hash), so training is deterministic and
// models are byte-identical across runs. See docs/ner.md.
//
// Model file: "RASDNER\0", uint32 format version (2), uint32 tag count,
// uint32 feature-set version, uint32 flags (1: trained with lexicon cues,
// 2: with history cues, 4: context-only), uint64 row count, the sorted row
// keys (uint64), the rows (tag-count floats each), then four tables each as a
// uint64 entry count, the sorted keys (uint64) and the values (uint32): word
// counts, cue lexicon (cue-class bits), word classes, corpus tag profiles;
// then a FNV-1a 64 checksum of all bytes before it. All integers and floats
// little-endian. Load() checks every field.
#ifndef RASD_NER_PERCEPTRON_TAGGER_H_
#define RASD_NER_PERCEPTRON_TAGGER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::internal {

// The ANERcorp tags. I-X may follow only B-X or I-X.
inline constexpr int kNerTagCount = 9;
enum NerTag : uint8_t {
  kNerO = 0,
  kNerBPers, kNerIPers,
  kNerBLoc, kNerILoc,
  kNerBOrg, kNerIOrg,
  kNerBMisc, kNerIMisc,
};

// Returns "O", "B-PERS", "I-LOC", …; "O" for an out-of-range value.
std::string_view NerTagName(int tag);
// Returns the tag of "B-PERS" etc., or -1 if `name` is not an ANERcorp tag.
int NerTagFromName(std::string_view name);

// One training sentence.
struct NerExample {
  std::vector<std::string> tokens;
  std::vector<uint8_t> tags;                   // NerTag per token
  std::vector<std::vector<std::string>> cues;  // empty, or one list per token
};

class PerceptronTagger;

struct NerTrainOptions {
  int epochs = 10;
  uint64_t seed = 20241128;  // shuffling of the sentence order each epoch
  // Word counts of a large news corpus (`word<TAB>count` lines; '#' comments
  // and a `word count` header line skipped), e.g. BuiltinSegmenterVocabulary().
  // They are stored in the model (frequency and article-ratio features). May
  // be empty.
  std::string_view word_counts_tsv;
  // Cue lexicon (data/lexicons/ner_cues.tsv: `surface<TAB>cue[<TAB>…]`, '#'
  // comments, a `surface cue …` header line), stored in the model: a token whose form,
  // stem or form without one proclitic is listed gets the feature of its cue
  // class, its neighbours the positional variants. May be empty.
  std::string_view cues_tsv;
  // Tokens whose normalised form occurs at most this often in `data` train
  // without their word-identity features, so the weights learn to generalise
  // to unseen names (0 = keep all).
  int rare_threshold = 1;
  // Word classes (`word<TAB>fine<TAB>mid<TAB>coarse` lines, classes < 1024,
  // '#' comments; data/models/ner_clusters.tsv from tools/ner_clusters),
  // stored in the model: class features at 0, ±1, ±2. May be empty.
  std::string_view word_classes_tsv;
  // Whether `data` carries ComputeLexiconCues() cues (ner/lexicon_cues.h); the
  // flag is stored in the model so callers know to compute them when tagging.
  bool lexicon_cues = false;
  // Whether `data` carries NerHistory cues (ner/history.h); stored as a flag.
  bool history = false;
  // Subtracted from the score of O at every token of the returned model (and
  // of the models passed to on_epoch): > 0 trades precision for recall. Folded
  // into the bias weights; tuned on development data (docs/ner.md).
  double o_penalty = 0.0;
  // Corpus tag profiles (`word<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC` counts
  // of the tags a context-only model gave the word in a news corpus;
  // data/models/ner_profile.tsv from tools/ner_clusters.cc --profile), stored
  // in the model. May be empty.
  std::string_view profile_tsv;
  // Train a context-only model: the current token contributes no features
  // (only its neighbours do), so what it predicts for a word comes from the
  // word's contexts alone. Used to compute the corpus profiles. Stored as a flag.
  bool context_only = false;
  // Called after each epoch with the averaged model so far (e.g. to score a
  // dev set). May be empty.
  std::function<void(int epoch, const PerceptronTagger& model)> on_epoch;
};

class PerceptronTagger {
 public:
  // An empty model: tags every token "O".
  PerceptronTagger();
  PerceptronTagger(PerceptronTagger&&) noexcept;
  PerceptronTagger& operator=(PerceptronTagger&&) noexcept;
  PerceptronTagger(const PerceptronTagger&) = delete;
  PerceptronTagger& operator=(const PerceptronTagger&) = delete;
  ~PerceptronTagger();

  // Trains on `data` (deterministic: same data and options, same bytes from
  // Serialize()). Fails with kInvalidArgument on a sentence whose tags or cues
  // do not match its tokens or hold an unknown tag.
  static StatusOr<PerceptronTagger> Train(const std::vector<NerExample>& data,
                                          const NerTrainOptions& options = {});

  // Parses a model produced by Serialize(). Never crashes on bad bytes: a
  // wrong magic, version, size or checksum yields kDataLoss/kInvalidArgument.
  // The model copies what it needs; `bytes` need not outlive it.
  static StatusOr<PerceptronTagger> Load(std::string_view bytes);

  // Returns the binary model (see the file comment).
  std::string Serialize() const;

  // Tags one sentence: writes tokens.size() NerTag values to *tags. `tokens`
  // are raw words (any bytes; invalid UTF-8 is repaired for the features).
  // `cues` is empty or holds one list of extra feature strings per token
  // (other sizes are ignored). Thread-safe: const; scratch and a word cache
  // (about 14 MB) are kept per thread.
  void Tag(std::span<const std::string_view> tokens, std::span<const std::vector<std::string>> cues,
           std::vector<uint8_t>* tags) const;
  void Tag(std::span<const std::string> tokens, std::span<const std::vector<std::string>> cues,
           std::vector<uint8_t>* tags) const;

  // Number of weight rows (features with a non-zero weight).
  size_t row_count() const;

  // True if the model was trained with ComputeLexiconCues() cues: pass the
  // same cues to Tag() (without them it still works, less accurately).
  bool uses_lexicon_cues() const;
  // True if the model was trained with NerHistory cues (ner/history.h): keep
  // a history over the sentences of a document and pass its cues to Tag().
  bool uses_history() const;

  struct Impl;

 private:
  explicit PerceptronTagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::internal

#endif  // RASD_NER_PERCEPTRON_TAGGER_H_
