// Clitic segmentation of one Arabic word: و+قال، ل+أوباما، نشرت+ها، ب+النسبة.
//
// The segmenter proposes proclitic splits (و ف ب ك ل س and combinations) and
// pronoun enclitics (ه ها هم هما هن ك كم كما نا ني ي), and accepts a split
// only when the remaining stem is a plausible word: a guard list keeps words
// that merely look like clitic + stem whole (فلسطين، بيروت، وزارة، ولاية),
// and a word-frequency vocabulary built from news text arbitrates the rest.
#ifndef RASD_TOKENIZE_CLITICS_H_
#define RASD_TOKENIZE_CLITICS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/normalize.h"
#include "rasd/status.h"

namespace rasd::internal {

// The normalisation a word gets before it reaches the segmenter: diacritics,
// tatweel, presentation forms and format controls removed, digits folded, but
// hamza, alef maksura and ta marbuta kept (ة vs ه decides حكومة vs حكوم+ه).
NormalizeOptions SegmenterNormalizeOptions();

class CliticSegmenter {
 public:
  static constexpr int kMaxCuts = 6;

  // Builds a segmenter from a vocabulary TSV (columns `word	count`, see
  // docs/segmentation.md) and a guard TSV (data/lexicons/segmenter_guard.tsv,
  // column `surface`: words never split). An empty `guard_tsv` uses the
  // built-in copy of that list (BuiltinGuardTsv()).
  // Fails with kInvalidArgument ("vocab:LINE: reason" / "guard:LINE: reason")
  // on a malformed line.
  static StatusOr<CliticSegmenter> Create(std::string_view vocabulary_tsv,
                                          std::string_view guard_tsv = {});

  // The guard list compiled into the library (same content as
  // data/lexicons/segmenter_guard.tsv; a unit test keeps them equal).
  static std::string_view BuiltinGuardTsv();

  // The segmenter's table (every known word with its count, flags and
  // memoised split) as bytes: "RASDSEG\0", uint32 format version, uint32
  // entry size, uint64 capacity, uint64 entry count, then the entries
  // (little-endian). The build compiles the built-in vocabulary into such a
  // blob (tools/segc) so that start-up costs no parsing and no memo pass.
  std::string Serialize() const;
  // A segmenter over a Serialize() blob. When `blob` is 8-byte aligned the
  // segmenter reads the table in place (no copy): `blob` must then outlive
  // it. Fails with kDataLoss/kInvalidArgument on a malformed blob.
  static StatusOr<CliticSegmenter> FromBlob(std::string_view blob);

  // `word`: one Arabic word (letters only) normalised with
  // SegmenterNormalizeOptions(). Writes to `cuts` the byte offsets inside
  // `word` where the second, third … segments begin (strictly increasing,
  // each in (0, word.size())), and returns how many (0 = word stays whole).
  // Thread-safe; allocation-free.
  int Split(std::string_view word, uint32_t cuts[kMaxCuts]) const;

  // Count of `word` (normalised) in the vocabulary, 0 if absent.
  uint32_t Count(std::string_view word) const { return Find(word).count; }

 private:
  // One open-addressing table over all known strings: vocabulary words with
  // their counts, and closed-class words with flag bits. A key is identified
  // by its 64-bit hash alone (no key text is kept: one cache line per look-up;
  // a false match needs a 64-bit collision, about 1e-19 per look-up).
  struct Entry {
    uint64_t hash = 0;    // 0 = empty slot
    uint32_t count = 0;
    // bits 0..23: the memoised Split() cuts (one byte each); bits 24..25:
    // number of cuts; bits 26..30: flags; bit 31: memo valid.
    uint32_t bits = 0;
  };
  struct Hit {
    uint32_t count = 0;
    uint32_t bits = 0;
  };
  Hit Find(std::string_view key) const;
  Entry* FindOrAdd(uint64_t hash);
  void Insert(std::string_view key, uint32_t count, uint32_t flags);
  void Rehash(size_t capacity);
  int SplitUncached(std::string_view word, const Hit& hit, uint32_t cuts[kMaxCuts]) const;
  // Count of the best-attested surface variant of a stem (ة/ى/ء restored).
  uint32_t StemCount(std::string_view stem, uint32_t stem_count, bool has_enclitic, bool after_lam) const;
  uint32_t ArticleCount(std::string_view word) const;
  bool NounLike(std::string_view stem) const;

  // The table: `owned_` when built here, else a blob read in place.
  const Entry* table() const { return owned_.empty() ? blob_ : owned_.data(); }
  std::vector<Entry> owned_;
  const Entry* blob_ = nullptr;
  size_t capacity_ = 0;  // a power of two, or 0 (no table)
  size_t size_ = 0;
};

}  // namespace rasd::internal

#endif  // RASD_TOKENIZE_CLITICS_H_
