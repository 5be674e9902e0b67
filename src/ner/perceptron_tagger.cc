// The NER tagger: feature extraction, Viterbi decoding, averaged training and
// the binary model format. See ner/perceptron_tagger.h.
//
// Why first-order Viterbi rather than greedy decoding: with only a dense 10x9
// transition table the search costs 81 additions per token, far less than the
// ~40 hashed feature look-ups of the emission scores, and the BIO constraint
// (I-X only after B-X or I-X) is then enforced over the whole sentence instead
// of locally, so a weak B- decision can be repaired by a strong I- after it.
#include "ner/perceptron_tagger.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "base/huge_pages.h"
#include "base/utf8.h"
#include "lexicon/tsv.h"
#include "rasd/normalize.h"

namespace rasd::internal {
namespace {

static_assert(std::endian::native == std::endian::little, "the model format is little-endian");

constexpr int kT = kNerTagCount;
constexpr int kStart = kT;  // the "previous tag" of the first token
constexpr char kMagic[8] = {'R', 'A', 'S', 'D', 'N', 'E', 'R', '\0'};
constexpr uint32_t kFormatVersion = 2;
// Bump when the features change: a model trained on other features is refused.
constexpr uint32_t kFeatureVersion = 2;
// Model flags (a uint32 after the feature-set version).
constexpr uint32_t kFlagLexiconCues = 1;  // trained with ComputeLexiconCues() cues
constexpr uint32_t kFlagHistory = 2;      // trained with NerHistory cues
constexpr uint32_t kFlagContextOnly = 4;  // features of the neighbours only (for the corpus profile)
constexpr uint32_t kKnownFlags = kFlagLexiconCues | kFlagHistory | kFlagContextOnly;

constexpr std::string_view kTagNames[kT] = {"O",     "B-PERS", "I-PERS", "B-LOC", "I-LOC",
                                            "B-ORG", "I-ORG",  "B-MISC", "I-MISC"};

// ---- hashing -----------------------------------------------------------------

inline uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xCBF29CE484222325ull ^ seed;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return Mix(h);
}

// HashBytes of the concatenation a + b.
inline uint64_t HashBytes2(std::string_view a, std::string_view b, uint64_t seed) {
  uint64_t h = 0xCBF29CE484222325ull ^ seed;
  for (unsigned char c : a) h = (h ^ c) * 0x100000001B3ull;
  for (unsigned char c : b) h = (h ^ c) * 0x100000001B3ull;
  return Mix(h);
}

inline uint64_t Combine(uint64_t a, uint64_t b) { return Mix(a * 0x9E3779B97F4A7C15ull ^ b); }

uint64_t Fnv64(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

// Feature templates. The numbers are part of the model format.
enum Template : uint64_t {
  kBias = 1, kWord, kNorm, kPre1, kPre2, kPre3, kSuf1, kSuf2, kSuf3, kStem, kNoConj,
  kShape, kNormM1, kNormM2, kNormP1, kNormP2, kStemM1, kStemP1, kBiM1, kBiP1,
  kShapeM1, kShapeP1, kSuf2M1, kSuf2P1, kCue, kCueM1, kCueP1, kTrans,
  kPre2P1, kStemM2, kStemP2, kTriM1, kFreq, kArt, kFreqArt, kArtM1, kArtP1, kArtM2, kArtP2,
  kLexCue, kLexCueM1, kLexCueP1, kLexCueM2, kLexCueP2,
  kClsF, kClsM, kClsC, kClsMM1, kClsMP1, kClsFM1, kClsFP1, kClsCM2, kClsCP2, kClsBiM1, kClsBiP1,
  kCharNgram, kProf, kProfM1, kProfP1,
};

inline uint64_t Key(uint64_t templ, uint64_t value) {
  uint64_t k = Combine(templ, value);
  return k == 0 ? 1 : k;  // 0 marks an empty slot
}

// ---- per-token analysis ----------------------------------------------------

struct TokenInfo {
  uint64_t word = 0, norm = 0, stem = 0, noconj = 0, shape = 0, shape_short = 0;
  uint64_t pre[3] = {0, 0, 0}, suf[3] = {0, 0, 0};
  uint64_t freq = 0, art = 0;  // news-corpus frequency and article-ratio classes
  uint32_t cues = 0;           // cue-class bits from the model's cue lexicon
  uint64_t cls_fine = 0, cls_mid = 0, cls_coarse = 0;  // word classes (0: unknown word)
  uint32_t profile = 0;  // corpus tag profile (see ParseProfile), 0: unknown
  bool has_noconj = false;
  bool lexical = true;         // false: word-identity features dropped (rare in training)
};

// Character trigrams of the stem: features of the token itself only, kept out
// of TokenInfo (which the neighbours' features read) to keep it small.
struct Ngrams {
  uint64_t h[24];
  int count = 0;
};

// Padding beyond the sentence edges.
TokenInfo PaddingInfo(uint64_t which) {
  TokenInfo t;
  uint64_t h = Mix(0xB0B0 + which);
  t.word = t.norm = t.stem = t.shape = t.shape_short = t.freq = t.art = h;
  t.cls_fine = t.cls_mid = t.cls_coarse = h;
  for (int k = 0; k < 3; ++k) t.pre[k] = t.suf[k] = h;
  return t;
}

char ShapeClass(char32_t cp) {
  if ((cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) || (cp >= 0x06FA && cp <= 0x06FF)) return 'R';
  if (cp >= '0' && cp <= '9') return 'd';
  if (cp >= 'A' && cp <= 'Z') return 'X';
  if (cp >= 'a' && cp <= 'z') return 'x';
  if (cp < 0x80 && cp > 0x20) return static_cast<char>(cp);
  switch (cp) {
    case 0x060C: return ',';
    case 0x061B: return ';';
    case 0x061F: return '?';
    case 0x00AB: case 0x00BB: return '"';
    default: return 'o';
  }
}

int LengthBucket(int cps) {
  if (cps <= 6) return cps;
  if (cps <= 8) return 7;
  if (cps <= 11) return 8;
  return 9;
}

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال alef lam
constexpr std::string_view kWaw = "\xD9\x88";          // و
constexpr std::string_view kFa = "\xD9\x81";           // ف
constexpr std::string_view kBa = "\xD8\xA8";           // ب
constexpr std::string_view kKaf = "\xD9\x83";          // ك
constexpr std::string_view kLam = "\xD9\x84";          // ل

int CodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The word without its proclitics و/ف (and), ب/ك/ل (in, like, for) and the
// article ال, stripped only where the result is unambiguous: و/ف only before
// an article (والحكومة -> حكومة), ب/ك before ال, لل as ل + ال (للحكومة ->
// حكومة), and ال when at least two letters remain. Works on NormalizeKey forms.
std::string_view CoreStem(std::string_view s) {
  auto rest_has_article = [](std::string_view r) {
    if (r.starts_with(kAl)) return true;
    if ((r.starts_with(kBa) || r.starts_with(kKaf) || r.starts_with(kLam)) && r.substr(2).starts_with(kAl)) return true;
    return r.starts_with(kLam) && r.substr(2).starts_with(kLam);
  };
  if ((s.starts_with(kWaw) || s.starts_with(kFa)) && rest_has_article(s.substr(2))) s = s.substr(2);
  if ((s.starts_with(kBa) || s.starts_with(kKaf) || s.starts_with(kLam)) && s.substr(2).starts_with(kAl)) {
    s = s.substr(2);
  } else if (s.starts_with(kLam) && s.substr(2).starts_with(kLam) && CodePoints(s) >= 4) {
    return s.substr(4);
  }
  if (s.starts_with(kAl) && CodePoints(s) >= 4) s = s.substr(4);
  return s;
}

}  // namespace

// Word counts of a news corpus, keyed by HashBytes(NormalizeKey(word), 2):
// they tell frequent words from rare ones and, through how often a word is
// seen with the article, common nouns (مدينة / المدينة) from names (نابلس).
struct NerWordCounts {
  std::vector<uint64_t> keys;    // sorted, unique, non-zero
  std::vector<uint32_t> counts;  // parallel to keys
  // Open addressing with the key and its value in the slot: one cache miss
  // per look-up (keys are never 0, so 0 marks an empty slot).
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };
  HugePageVector<Slot> table;
  uint64_t mask = 0;

  // Identifies these weights in the per-thread word cache (TagSentence).
  uint64_t id = 0;

  void BuildIndex() {
    static std::atomic<uint64_t> next_id{1};
    id = next_id.fetch_add(1, std::memory_order_relaxed);
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    table.assign(cap, Slot());
    mask = cap - 1;
    for (size_t r = 0; r < keys.size(); ++r) {
      uint64_t s = keys[r] & mask;
      while (table[s].key != 0) s = (s + 1) & mask;
      table[s] = Slot{keys[r], counts[r]};
    }
  }

  void Prefetch(uint64_t key) const {
    if (!table.empty()) __builtin_prefetch(&table[key & mask]);
  }
  uint32_t Count(uint64_t key) const {
    if (table.empty()) return 0;
    for (uint64_t s = key & mask;; s = (s + 1) & mask) {
      const Slot& slot = table[s];
      if (slot.key == key) return slot.value;
      if (slot.key == 0) return 0;
    }
  }
};

namespace {

uint64_t FreqClass(uint32_t c) { return c == 0 ? 0 : 1 + static_cast<uint64_t>(std::bit_width(c)) / 2; }

// 0: unknown; else 1 + 5 * size bucket + ratio bucket of count(ال+stem) / (count(stem) + count(ال+stem)).
uint64_t ArticleClass(const NerWordCounts* counts, std::string_view stem) {
  if (counts == nullptr || counts->keys.empty()) return 0;
  const uint64_t cs = counts->Count(HashBytes(stem, 2));
  const uint64_t ca = counts->Count(HashBytes2(kAl, stem, 2));  // ال + stem, not built
  const uint64_t total = cs + ca;
  if (total == 0) return 0;
  const uint64_t ratio = std::min<uint64_t>(4, ca * 5 / total);
  const uint64_t size = total < 10 ? 0 : total < 100 ? 1 : 2;
  return 1 + size * 5 + ratio;
}

// Word classes are stored as kClassKnown | coarse << 20 | mid << 10 | fine.
constexpr uint32_t kClassKnown = 1u << 30;

TokenInfo Analyze(std::string_view raw, const NerWordCounts* counts, const NerWordCounts* cue_table,
                  const NerWordCounts* classes, const NerWordCounts* profile, Ngrams* ngrams) {
  TokenInfo t;
  t.word = HashBytes(raw, 1);
  std::string norm = NormalizeKey(raw);
  std::string_view n = norm;
  t.norm = HashBytes(n, 2);
  // Code point boundaries for prefixes and suffixes.
  uint32_t starts[64];
  int count = 0;
  char shape[12];
  int shape_len = 0;
  for (size_t i = 0; i < n.size();) {
    int len = 1;
    char32_t cp = DecodeUtf8(n, i, &len);
    if (count < 64) starts[count] = static_cast<uint32_t>(i);
    ++count;
    char c = ShapeClass(cp);
    if (shape_len == 0 || (shape[shape_len - 1] != c && shape_len < 8)) shape[shape_len++] = c;
    i += len;
  }
  std::string_view sh(shape, static_cast<size_t>(shape_len));
  t.shape_short = HashBytes(sh, 3);
  t.shape = Combine(t.shape_short, static_cast<uint64_t>(LengthBucket(count)));
  for (int k = 0; k < 3; ++k) {
    if (count > k + 1 && count <= 64) {
      t.pre[k] = HashBytes(n.substr(0, starts[k + 1]), 4);
      t.suf[k] = HashBytes(n.substr(starts[count - 1 - k]), 5);
    } else if (count == k + 1) {
      t.pre[k] = t.suf[k] = HashBytes(n, 6);  // the whole word
    } else {
      t.pre[k] = t.suf[k] = Mix(7 + static_cast<uint64_t>(k));  // too short / too long
    }
  }
  std::string_view stem = CoreStem(n);
  t.stem = HashBytes(stem, 8);
  // The word-table look-ups below are cache misses: started together here,
  // they overlap with each other and with the n-gram hashing.
  const uint64_t stem_key = HashBytes(stem, 2);
  for (const NerWordCounts* table : {counts, profile, classes, cue_table}) {
    if (table == nullptr) continue;
    table->Prefetch(t.norm);
    table->Prefetch(stem_key);
  }
  if (count <= 64) {
    // Character trigrams of the stem (with edge markers): the letter patterns
    // of transliterated foreign names, of nisba and plural endings.
    std::string_view st = stem;
    uint32_t b[66];
    int nb = 0;
    for (size_t i = 0; i < st.size() && nb < 65;) {
      int len = 1;
      DecodeUtf8(st, i, &len);
      b[nb++] = static_cast<uint32_t>(i);
      i += static_cast<size_t>(len);
    }
    b[nb] = static_cast<uint32_t>(st.size());
    for (int k = -1; k + 2 <= nb && ngrams->count < 24; ++k) {
      const uint32_t from = k < 0 ? 0 : b[k];
      const uint32_t to = k + 3 > nb ? b[nb] : b[k + 3];
      uint64_t h = HashBytes(st.substr(from, to - from), 10);
      if (k < 0) h = Mix(h ^ 1);
      if (k + 3 > nb) h = Mix(h ^ 2);
      ngrams->h[ngrams->count++] = h;
    }
  }
  if ((n.starts_with(kWaw) || n.starts_with(kFa)) && count >= 4) {
    t.has_noconj = true;
    t.noconj = HashBytes(n.substr(2), 2);  // same salt as kNorm: و+مصر shares مصر's hash
  }
  if (counts != nullptr) {
    t.freq = FreqClass(counts->Count(t.norm));
    t.art = ArticleClass(counts, stem);
  }
  if (profile != nullptr && !profile->keys.empty()) {
    t.profile = profile->Count(t.norm);
    if (t.profile == 0 && t.has_noconj) t.profile = profile->Count(t.noconj);
  }
  if (classes != nullptr && !classes->keys.empty()) {
    // The word, else without و/ف, else its stem (as the corpus saw it).
    uint32_t v = classes->Count(t.norm);
    if (v == 0 && t.has_noconj) v = classes->Count(t.noconj);
    if (v == 0) v = classes->Count(stem_key);
    if (v == 0 && std::any_of(n.begin(), n.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      v = classes->Count(HashBytes("<NUM>", 2));  // the generator's class of all words with digits
    }
    if (v != 0) {
      t.cls_fine = 1 + (v & 0x3FF);
      t.cls_mid = 1 + ((v >> 10) & 0x3FF);
      t.cls_coarse = 1 + ((v >> 20) & 0x3FF);
    }
  }
  if (cue_table != nullptr && !cue_table->keys.empty()) {
    t.cues = cue_table->Count(t.norm) | cue_table->Count(stem_key);
    if (n.starts_with(kWaw) || n.starts_with(kFa) || n.starts_with(kBa) || n.starts_with(kLam) || n.starts_with(kKaf)) {
      std::string_view rest = n.substr(2);
      t.cues |= cue_table->Count(HashBytes(rest, 2));
      if (rest.starts_with(kBa) || rest.starts_with(kLam) || rest.starts_with(kKaf)) {
        t.cues |= cue_table->Count(HashBytes(rest.substr(2), 2));
      }
    }
  }
  return t;
}

// The features of a token come in groups, each in a fixed order: TokenKeys
// depend on the token alone and NeighbourKeys on one neighbour alone, so the
// tagger sums their weights once per word (and role) and caches the sums
// (TagSentence); PairKeys combine the token with a neighbour; CueKeys are the
// caller's cues. add(template, value) is called once per feature.
template <typename Add>
void TokenKeys(const TokenInfo& c, const Ngrams& ngrams, bool has_classes, Add&& add) {
  add(kBias, 0);
  if (c.lexical) {
    add(kWord, c.word);
    add(kNorm, c.norm);
    add(kStem, c.stem);
    if (c.has_noconj) add(kNoConj, c.noconj);
  }
  for (int g = 0; g < ngrams.count; ++g) add(kCharNgram, ngrams.h[g]);
  add(kPre1, c.pre[0]);
  add(kPre2, c.pre[1]);
  add(kPre3, c.pre[2]);
  add(kSuf1, c.suf[0]);
  add(kSuf2, c.suf[1]);
  add(kSuf3, c.suf[2]);
  add(kShape, c.shape);
  add(kFreq, c.freq);
  add(kArt, c.art);
  add(kFreqArt, Combine(c.freq, c.art));
  if (has_classes) {
    add(kClsF, c.cls_fine);
    add(kClsM, c.cls_mid);
    add(kClsC, c.cls_coarse);
  }
  // Corpus tag profile: one feature per (type, share bucket).
  for (int k = 0; k < 4; ++k) {
    const uint32_t b = (c.profile >> (3 * k)) & 7;
    if (b != 0) add(kProf, static_cast<uint64_t>(k * 8 + static_cast<int>(b)));
  }
  for (int b = 0; b < 32; ++b) {
    if (c.cues & (1u << b)) add(kLexCue, static_cast<uint64_t>(b));
  }
}

// The positions of a token's neighbours, for NeighbourKeys.
enum Role { kRoleM2 = 0, kRoleM1, kRoleP1, kRoleP2 };

// Features that a neighbour at `role` (two before … two after) gives the
// current token: they depend on the neighbour alone, so the tagger sums their
// weights once per word and role and caches the sums (TagSentence).
template <typename Add>
void NeighbourKeys(Role role, const TokenInfo& x, bool has_classes, Add&& add) {
  uint64_t lex_cue = 0;
  switch (role) {
    case kRoleM1:
      add(kNormM1, x.norm);
      add(kStemM1, x.stem);
      add(kSuf2M1, x.suf[1]);
      if (has_classes) {
        add(kClsMM1, x.cls_mid);
        add(kClsFM1, x.cls_fine);
      }
      if (x.profile != 0) add(kProfM1, x.profile >> 12);  // the neighbour's dominant profile type
      lex_cue = kLexCueM1;
      break;
    case kRoleP1:
      add(kNormP1, x.norm);
      add(kStemP1, x.stem);
      add(kSuf2P1, x.suf[1]);
      add(kPre2P1, x.pre[1]);
      if (has_classes) {
        add(kClsMP1, x.cls_mid);
        add(kClsFP1, x.cls_fine);
      }
      if (x.profile != 0) add(kProfP1, x.profile >> 12);
      lex_cue = kLexCueP1;
      break;
    case kRoleM2:
      add(kNormM2, x.norm);
      add(kStemM2, x.stem);
      add(kArtM2, x.art);
      if (has_classes) add(kClsCM2, x.cls_coarse);
      lex_cue = kLexCueM2;
      break;
    case kRoleP2:
      add(kNormP2, x.norm);
      add(kStemP2, x.stem);
      add(kArtP2, x.art);
      if (has_classes) add(kClsCP2, x.cls_coarse);
      lex_cue = kLexCueP2;
      break;
  }
  for (int b = 0; b < 32; ++b) {
    if (x.cues & (1u << b)) add(lex_cue, static_cast<uint64_t>(b));
  }
}

// What a token's pair and triple features read of it (TokenInfo has the same
// fields; the tagger's word cache keeps only these).
struct PairInfo {
  uint64_t norm = 0, shape_short = 0, art = 0, cls_mid = 0;
  bool lexical = true;
};

// Features of the current token together with a neighbour (bigrams, the
// trigram, shape and article-ratio pairs, class bigrams).
template <typename Info, typename Add>
void PairKeys(const Info& m2, const Info& m1, const Info& c, const Info& p1, bool has_classes, Add&& add) {
  if (c.lexical) {
    add(kBiM1, Combine(m1.norm, c.norm));
    add(kBiP1, Combine(c.norm, p1.norm));
    add(kTriM1, Combine(Combine(m2.norm, m1.norm), c.norm));
  }
  add(kShapeM1, Combine(m1.shape_short, c.shape_short));
  add(kShapeP1, Combine(c.shape_short, p1.shape_short));
  add(kArtM1, Combine(m1.art, c.art));
  add(kArtP1, Combine(c.art, p1.art));
  if (has_classes) {
    add(kClsBiM1, Combine(m1.cls_mid, c.cls_mid));
    add(kClsBiP1, Combine(c.cls_mid, p1.cls_mid));
  }
}

// The caller's cue strings of tokens i-1, i, i+1 (hashed; empty where there
// are none).
template <typename Add>
void CueKeys(std::span<const uint64_t> cue_m1, std::span<const uint64_t> cue_0, std::span<const uint64_t> cue_p1,
             Add&& add) {
  for (uint64_t h : cue_0) add(kCue, h);
  for (uint64_t h : cue_m1) add(kCueM1, h);
  for (uint64_t h : cue_p1) add(kCueP1, h);
}

// The caller's cue strings hashed once per sentence: token i's hashes are
// hashes[offsets[i], offsets[i+1]) (offsets empty when there are no cues).
void HashCues(std::span<const std::vector<std::string>> cues, size_t n, std::vector<uint64_t>* hashes,
              std::vector<uint32_t>* offsets) {
  hashes->clear();
  offsets->clear();
  if (cues.size() != n) return;
  offsets->push_back(0);
  for (const std::vector<std::string>& list : cues) {
    for (const std::string& cue : list) hashes->push_back(HashBytes(cue, 9));
    offsets->push_back(static_cast<uint32_t>(hashes->size()));
  }
}

std::span<const uint64_t> CuesOf(const std::vector<uint64_t>& hashes, const std::vector<uint32_t>& offsets,
                                 size_t i, size_t n) {
  if (offsets.empty() || i >= n) return {};
  return std::span<const uint64_t>(hashes.data() + offsets[i], offsets[i + 1] - offsets[i]);
}

// Appends the emission feature keys of every token of a sentence to *keys,
// with token i's keys in keys[offsets[i], offsets[i+1]): its TokenKeys, the
// NeighbourKeys of the tokens at -2, -1, +1, +2, its PairKeys and CueKeys.
template <typename Tokens>
void ExtractFeatures(const Tokens& tokens, std::span<const std::vector<std::string>> cues,
                     const NerWordCounts* counts, const NerWordCounts* cue_table, const NerWordCounts* classes,
                     const NerWordCounts* profile, bool context_only, std::vector<uint64_t>* keys,
                     std::vector<uint32_t>* offsets, const std::vector<bool>* drop_lexical = nullptr) {
  const size_t n = tokens.size();
  std::vector<TokenInfo> info(n + 4);
  std::vector<Ngrams> ngrams(n);
  info[0] = PaddingInfo(0);
  info[1] = PaddingInfo(1);
  for (size_t i = 0; i < n; ++i) {
    info[i + 2] = Analyze(std::string_view(tokens[i]), counts, cue_table, classes, profile, &ngrams[i]);
    if (drop_lexical != nullptr && (*drop_lexical)[i]) info[i + 2].lexical = false;
  }
  info[n + 2] = PaddingInfo(2);
  info[n + 3] = PaddingInfo(3);
  std::vector<uint64_t> cue_hashes;
  std::vector<uint32_t> cue_offsets;
  HashCues(cues, n, &cue_hashes, &cue_offsets);
  const bool has_classes = classes != nullptr && !classes->keys.empty();
  const TokenInfo masked = PaddingInfo(9);  // the current token in context-only models
  const Ngrams no_ngrams{};
  keys->clear();
  offsets->assign(1, 0);
  auto add = [&](uint64_t templ, uint64_t value) { keys->push_back(Key(templ, value)); };
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& c = context_only ? masked : info[i + 2];
    TokenKeys(c, context_only ? no_ngrams : ngrams[i], has_classes, add);
    NeighbourKeys(kRoleM2, info[i], has_classes, add);
    NeighbourKeys(kRoleM1, info[i + 1], has_classes, add);
    NeighbourKeys(kRoleP1, info[i + 3], has_classes, add);
    NeighbourKeys(kRoleP2, info[i + 4], has_classes, add);
    PairKeys(info[i], info[i + 1], c, info[i + 3], has_classes, add);
    CueKeys(i > 0 ? CuesOf(cue_hashes, cue_offsets, i - 1, n) : std::span<const uint64_t>(),
            context_only ? std::span<const uint64_t>() : CuesOf(cue_hashes, cue_offsets, i, n),
            CuesOf(cue_hashes, cue_offsets, i + 1, n), add);
    offsets->push_back(static_cast<uint32_t>(keys->size()));
  }
}

inline bool Allowed(int prev, int tag) {
  if (tag == 0 || (tag & 1) == 1) return true;  // O and B-X
  return prev == tag || prev == tag - 1;        // I-X after B-X or I-X
}

// Emission scores: emit[i * kT + t] = the sum, in key order, of the weights of
// token i's keys for tag t. `w.Row(key)` returns kT weights or null.
template <typename Weights>
void Emissions(const Weights& w, const std::vector<uint64_t>& keys, const std::vector<uint32_t>& offsets,
               std::vector<double>* emit) {
  const size_t n = offsets.size() - 1;
  emit->assign(n * kT, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double* e = &(*emit)[i * kT];
    for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      if (const auto* row = w.Row(keys[k])) {
        for (int t = 0; t < kT; ++t) e[t] += row[t];
      }
    }
  }
}

// Finds the best tag sequence for `n` tokens with emission scores `emit`;
// `trans[p][t]` is the transition weight (p == kStart for the first token).
// Only the predecessors the BIO constraint allows are scanned: all tags for O
// and B-X, B-X and I-X for I-X.
void Decode(const double* emit, size_t n, const double (*trans)[kT], std::vector<double>* delta_buf,
            std::vector<uint8_t>* back_buf, std::vector<uint8_t>* out) {
  out->assign(n, 0);
  if (n == 0) return;
  delta_buf->resize(n * kT);
  back_buf->resize(n * kT);
  double* delta = delta_buf->data();
  uint8_t* back = back_buf->data();
  constexpr double kNeg = -std::numeric_limits<double>::infinity();
  for (int t = 0; t < kT; ++t) {
    delta[t] = (Allowed(kStart, t) ? trans[kStart][t] : kNeg) + emit[t];
    back[t] = 0;
  }
  // The transitions by tag, then predecessor, for contiguous scans.
  double into[kT][kT];
  for (int p = 0; p < kT; ++p) {
    for (int t = 0; t < kT; ++t) into[t][p] = trans[p][t];
  }
  for (size_t i = 1; i < n; ++i) {
    const double* prev = delta + (i - 1) * kT;
    for (int t = 0; t < kT; ++t) {
      // The first best predecessor wins ties; selects rather than branches,
      // which the data would mispredict.
      const bool any_prev = t == 0 || (t & 1) == 1;
      const int from = any_prev ? 0 : t - 1, to = any_prev ? kT - 1 : t;
      double best = prev[from] + into[t][from];
      int arg = from;
      for (int p = from + 1; p <= to; ++p) {
        const double s = prev[p] + into[t][p];
        const bool better = s > best;
        arg = better ? p : arg;
        best = better ? s : best;
      }
      delta[i * kT + t] = best + emit[i * kT + t];
      back[i * kT + t] = static_cast<uint8_t>(arg);
    }
  }
  int t = 0;
  double best = kNeg;
  for (int k = 0; k < kT; ++k) {
    if (delta[(n - 1) * kT + k] > best) {
      best = delta[(n - 1) * kT + k];
      t = k;
    }
  }
  for (size_t i = n; i-- > 0;) {
    (*out)[i] = static_cast<uint8_t>(t);
    t = back[i * kT + t];
  }
}

template <typename Weights>
void Viterbi(const Weights& w, const double (*trans)[kT], const std::vector<uint64_t>& keys,
             const std::vector<uint32_t>& offsets, std::vector<uint8_t>* out) {
  std::vector<double> emit, delta;
  std::vector<uint8_t> back;
  Emissions(w, keys, offsets, &emit);
  Decode(emit.data(), offsets.size() - 1, trans, &delta, &back, out);
}
}  // namespace

// ---- the model -----------------------------------------------------------------

struct PerceptronTagger::Impl {
  std::vector<uint64_t> keys;  // sorted, unique, non-zero
  std::vector<float> rows;     // keys.size() * kT
  // Open addressing, linear probing; each slot holds its key and a copy of
  // its weights, so a feature costs one cache miss (tagging is memory-bound).
  struct Slot {
    uint64_t key = 0;
    float w[kT] = {};
  };
  HugePageVector<Slot> table;
  uint64_t mask = 0;
  double trans[kT + 1][kT] = {};
  NerWordCounts counts;
  NerWordCounts cue_table;  // values: cue-class bits
  NerWordCounts classes;    // values: word classes (kClassKnown | coarse << 20 | mid << 10 | fine)
  NerWordCounts profile;    // values: corpus tag profiles (ParseProfile)
  uint32_t flags = 0;       // kFlag*

  // Most features looked up (word bigrams, rare shapes) have no weights:
  // a filter of two bits per key in one 64-bit word, at least 16 bits per
  // key in all (256 KB for the shipped model, so it stays in the L2 cache
  // where the 12 MB table cannot), answers most of those without touching
  // the table; it has no false negatives, so the weights found are the same.
  std::vector<uint64_t> key_filter;
  uint64_t filter_mask = 0;
  static uint64_t FilterBits(uint64_t key) { return (uint64_t{1} << ((key >> 40) & 63)) | (uint64_t{1} << ((key >> 46) & 63)); }
  bool MayHave(uint64_t key) const {
    if (key_filter.empty()) return false;
    const uint64_t bits = FilterBits(key);
    return (key_filter[(key >> 20) & filter_mask] & bits) == bits;
  }
  void Prefetch(uint64_t key) const {
    if (MayHave(key)) __builtin_prefetch(&table[key & mask]);
  }

  const float* Row(uint64_t key) const {
    if (!MayHave(key)) return nullptr;
    for (uint64_t s = key & mask;; s = (s + 1) & mask) {
      const Slot& slot = table[s];
      if (slot.key == key) return slot.w;
      if (slot.key == 0) return nullptr;
    }
  }

  // Identifies these weights in the per-thread word cache (TagSentence).
  uint64_t id = 0;

  void BuildIndex() {
    static std::atomic<uint64_t> next_id{1};
    id = next_id.fetch_add(1, std::memory_order_relaxed);
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    table.assign(cap, Slot());
    mask = cap - 1;
    for (size_t r = 0; r < keys.size(); ++r) {
      uint64_t s = keys[r] & mask;
      while (table[s].key != 0) s = (s + 1) & mask;
      table[s].key = keys[r];
      std::copy_n(&rows[r * kT], kT, table[s].w);
    }
    size_t words = 16;
    while (words * 64 < keys.size() * 16) words <<= 1;
    key_filter.assign(keys.empty() ? 0 : words, 0);
    filter_mask = words - 1;
    for (uint64_t k : keys) key_filter[(k >> 20) & filter_mask] |= FilterBits(k);
    for (int p = 0; p <= kT; ++p) {
      const float* row = Row(Key(kTrans, static_cast<uint64_t>(p)));
      for (int t = 0; t < kT; ++t) trans[p][t] = row ? row[t] : 0.0;
    }
  }

  // Tags a sentence with the features ExtractFeatures() lists, faster: per
  // word, the summed weights of its TokenKeys and of its NeighbourKeys in
  // each role come from a per-thread cache (news words repeat), so only the
  // PairKeys and CueKeys are looked up per token, with their rows prefetched.
  // A token's score for a tag is thus a sum of partial sums (token, -1, +1,
  // -2, +2, pairs and cues) rather than one running sum over its keys: the
  // same terms, added in another grouping, the cached sums kept as float.
  template <typename Tokens>
  void TagSentence(const Tokens& tokens, std::span<const std::vector<std::string>> cues,
                   std::vector<uint8_t>* tags) const;
};

namespace {

// The summed weights a word contributes: [0] as the token itself (TokenKeys),
// [1 + role] as the neighbour at that role (NeighbourKeys).
constexpr int kParts = 5;

// Per-thread scratch and word cache of the tagger. The cache is direct-mapped
// on the word's hash; an entry is valid for the model that filled it (id) and
// a word of the same hash and length.
struct TagScratch {
  struct Word {
    uint64_t hash = 0;
    uint64_t model = 0;  // Impl::id; 0 = empty
    size_t bytes = 0;
    uint64_t sentence = 0;  // the last sentence that used it (TagScratch::sentence)
    PairInfo pair;
    // Each group's sum is taken in double and kept as float: half the cache's
    // memory, and the same tags on ANERcorp and on all 30,039 articles of
    // ant_multisource (only scores tied to 7 digits could come out otherwise).
    float part[kParts][kT];
  };
  static constexpr size_t kWords = 1 << 16;  // in kWords / 2 sets of two
  HugePageVector<Word> words;
  uint64_t padding_model = 0;  // the model padding[] was filled for
  Word padding[4];             // PaddingInfo(0..3)
  std::vector<const Word*> at;  // per position: padding 0, 1, tokens, padding 2, 3
  std::vector<Word> local;      // words whose cache slot an earlier word of the sentence holds
  uint64_t sentence = 0;        // counts TagSentence calls
  std::vector<double> emit, delta;
  std::vector<uint8_t> back;
  std::vector<uint64_t> cue_hashes, keys;
  std::vector<uint32_t> cue_offsets, offsets;
  std::vector<uint64_t> hashes;  // per token: HashBytes(token, 1)
};

TagScratch& Scratch() {
  thread_local TagScratch scratch;
  return scratch;
}

}  // namespace

template <typename Tokens>
void PerceptronTagger::Impl::TagSentence(const Tokens& tokens, std::span<const std::vector<std::string>> cues,
                                         std::vector<uint8_t>* tags) const {
  TagScratch& sc = Scratch();
  if (sc.words.empty()) sc.words.resize(TagScratch::kWords);
  const size_t n = tokens.size();
  const bool has_classes = !classes.keys.empty();
  // A new word: its keys of every part first, their rows prefetched, then
  // each part summed in key order.
  auto fill = [&](TagScratch::Word* w, const TokenInfo& info, const Ngrams& ngrams) {
    w->pair = PairInfo{info.norm, info.shape_short, info.art, info.cls_mid, info.lexical};
    // At most 78 TokenKeys (24 trigrams, 32 cue bits) and 4 x 40 NeighbourKeys.
    uint64_t keys[256];
    int ends[kParts];
    int count = 0;
    auto add = [&](uint64_t templ, uint64_t value) { keys[count++] = Key(templ, value); };
    TokenKeys(info, ngrams, has_classes, add);
    ends[0] = count;
    for (Role role : {kRoleM2, kRoleM1, kRoleP1, kRoleP2}) {
      NeighbourKeys(role, info, has_classes, add);
      ends[1 + role] = count;
    }
    if (!table.empty()) {
      for (int k = 0; k < count; ++k) Prefetch(keys[k]);
    }
    int k = 0;
    for (int part = 0; part < kParts; ++part) {
      double sum[kT] = {};
      for (; k < ends[part]; ++k) {
        if (const float* row = Row(keys[k])) {
          for (int t = 0; t < kT; ++t) sum[t] += row[t];
        }
      }
      for (int t = 0; t < kT; ++t) w->part[part][t] = static_cast<float>(sum[t]);
    }
  };
  if (sc.padding_model != id) {
    for (int k = 0; k < 4; ++k) fill(&sc.padding[k], PaddingInfo(static_cast<uint64_t>(k)), Ngrams{});
    sc.padding_model = id;
  }
  sc.at.resize(n + 4);
  sc.at[0] = &sc.padding[0];
  sc.at[1] = &sc.padding[1];
  sc.at[n + 2] = &sc.padding[2];
  sc.at[n + 3] = &sc.padding[3];
  const uint64_t sentence = ++sc.sentence;
  sc.local.clear();
  sc.local.reserve(n);  // no reallocation below: sc.at points into it
  // The words' cache sets are far apart in a large table: hashed and
  // prefetched for the whole sentence first, their misses overlap.
  sc.hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t h = HashBytes(std::string_view(tokens[i]), 1);  // TokenInfo::word
    sc.hashes[i] = h;
    __builtin_prefetch(&sc.words[(h & (TagScratch::kWords / 2 - 1)) * 2]);
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string_view raw(tokens[i]);
    const uint64_t h = sc.hashes[i];
    TagScratch::Word* set = &sc.words[(h & (TagScratch::kWords / 2 - 1)) * 2];
    auto holds = [&](const TagScratch::Word* c) { return c->model == id && c->hash == h && c->bytes == raw.size(); };
    TagScratch::Word* w = holds(&set[0]) ? &set[0] : holds(&set[1]) ? &set[1] : nullptr;
    if (w == nullptr) {
      // The entry used least recently gives way, unless this sentence uses
      // both: then the word is kept aside for this sentence only.
      auto last_use = [&](const TagScratch::Word* c) { return c->model == id ? c->sentence : 0; };
      w = last_use(&set[0]) <= last_use(&set[1]) ? &set[0] : &set[1];
      if (last_use(w) == sentence) w = &sc.local.emplace_back();
      Ngrams ngrams;
      fill(w, Analyze(raw, &counts, &cue_table, &classes, &profile, &ngrams), ngrams);
      w->hash = h;
      w->model = id;
      w->bytes = raw.size();
    }
    w->sentence = sentence;
    sc.at[i + 2] = w;
  }
  HashCues(cues, n, &sc.cue_hashes, &sc.cue_offsets);
  sc.keys.clear();
  sc.offsets.assign(1, 0);
  auto add = [&](uint64_t templ, uint64_t value) { sc.keys.push_back(Key(templ, value)); };
  for (size_t i = 0; i < n; ++i) {
    PairKeys(sc.at[i]->pair, sc.at[i + 1]->pair, sc.at[i + 2]->pair, sc.at[i + 3]->pair, has_classes, add);
    CueKeys(i > 0 ? CuesOf(sc.cue_hashes, sc.cue_offsets, i - 1, n) : std::span<const uint64_t>(),
            CuesOf(sc.cue_hashes, sc.cue_offsets, i, n), CuesOf(sc.cue_hashes, sc.cue_offsets, i + 1, n), add);
    sc.offsets.push_back(static_cast<uint32_t>(sc.keys.size()));
  }
  // The weight table is far larger than the caches: prefetching a few rows
  // ahead overlaps the misses instead of paying them one after another.
  constexpr size_t kAhead = 8;
  const size_t total = sc.keys.size();
  if (!table.empty()) {
    for (size_t k = 0; k < std::min(kAhead, total); ++k) Prefetch(sc.keys[k]);
  }
  sc.emit.resize(n * kT);
  double pairs[kT];
  for (size_t i = 0; i < n; ++i) {
    std::fill(pairs, pairs + kT, 0.0);
    for (uint32_t k = sc.offsets[i]; k < sc.offsets[i + 1]; ++k) {
      if (k + kAhead < total) Prefetch(sc.keys[k + kAhead]);
      if (const float* row = Row(sc.keys[k])) {
        for (int t = 0; t < kT; ++t) pairs[t] += row[t];
      }
    }
    double* e = &sc.emit[i * kT];
    for (int t = 0; t < kT; ++t) {
      e[t] = static_cast<double>(sc.at[i + 2]->part[0][t]) + sc.at[i]->part[1 + kRoleM2][t] +
             sc.at[i + 1]->part[1 + kRoleM1][t] + sc.at[i + 3]->part[1 + kRoleP1][t] + sc.at[i + 4]->part[1 + kRoleP2][t] +
             pairs[t];
    }
  }
  Decode(sc.emit.data(), n, trans, &sc.delta, &sc.back, tags);
}

PerceptronTagger::PerceptronTagger() : impl_(std::make_unique<Impl>()) {}
PerceptronTagger::PerceptronTagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PerceptronTagger::PerceptronTagger(PerceptronTagger&&) noexcept = default;
PerceptronTagger& PerceptronTagger::operator=(PerceptronTagger&&) noexcept = default;
PerceptronTagger::~PerceptronTagger() = default;

size_t PerceptronTagger::row_count() const { return impl_->keys.size(); }

bool PerceptronTagger::uses_lexicon_cues() const { return (impl_->flags & kFlagLexiconCues) != 0; }

bool PerceptronTagger::uses_history() const { return (impl_->flags & kFlagHistory) != 0; }

std::string_view NerTagName(int tag) { return tag >= 0 && tag < kT ? kTagNames[tag] : kTagNames[0]; }

int NerTagFromName(std::string_view name) {
  for (int t = 0; t < kT; ++t) {
    if (kTagNames[t] == name) return t;
  }
  return -1;
}

namespace {

template <typename Tokens>
void TagWith(const PerceptronTagger::Impl& impl, const Tokens& tokens, std::span<const std::vector<std::string>> cues,
             std::vector<uint8_t>* tags) {
  if ((impl.flags & kFlagContextOnly) == 0) return impl.TagSentence(tokens, cues, tags);
  // Context-only models (for the corpus profiles) mask the token itself: the
  // plain path.
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;
  ExtractFeatures(tokens, cues, &impl.counts, &impl.cue_table, &impl.classes, &impl.profile, true, &keys, &offsets);
  Viterbi(impl, impl.trans, keys, offsets, tags);
}

}  // namespace

void PerceptronTagger::Tag(std::span<const std::string_view> tokens, std::span<const std::vector<std::string>> cues,
                           std::vector<uint8_t>* tags) const {
  TagWith(*impl_, tokens, cues, tags);
}

void PerceptronTagger::Tag(std::span<const std::string> tokens, std::span<const std::vector<std::string>> cues,
                           std::vector<uint8_t>* tags) const {
  TagWith(*impl_, tokens, cues, tags);
}

// ---- serialisation ---------------------------------------------------------------

namespace {

template <typename T>
void Put(std::string* out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out->append(b, sizeof(T));
}

template <typename T>
T Get(std::string_view s, size_t at) {
  T v;
  std::memcpy(&v, s.data() + at, sizeof(T));
  return v;
}

constexpr size_t kHeaderSize = 8 + 4 + 4 + 4 + 4;

}  // namespace

std::string PerceptronTagger::Serialize() const {
  std::string out;
  const size_t rows = impl_->keys.size();
  out.reserve(kHeaderSize + rows * (8 + kT * 4) + 8);
  out.append(kMagic, 8);
  Put<uint32_t>(&out, kFormatVersion);
  Put<uint32_t>(&out, kT);
  Put<uint32_t>(&out, kFeatureVersion);
  Put<uint32_t>(&out, impl_->flags);
  Put<uint64_t>(&out, rows);
  for (uint64_t k : impl_->keys) Put<uint64_t>(&out, k);
  for (float f : impl_->rows) Put<float>(&out, f);
  Put<uint64_t>(&out, impl_->counts.keys.size());
  for (uint64_t k : impl_->counts.keys) Put<uint64_t>(&out, k);
  for (uint32_t c : impl_->counts.counts) Put<uint32_t>(&out, c);
  Put<uint64_t>(&out, impl_->cue_table.keys.size());
  for (uint64_t k : impl_->cue_table.keys) Put<uint64_t>(&out, k);
  for (uint32_t c : impl_->cue_table.counts) Put<uint32_t>(&out, c);
  Put<uint64_t>(&out, impl_->classes.keys.size());
  for (uint64_t k : impl_->classes.keys) Put<uint64_t>(&out, k);
  for (uint32_t c : impl_->classes.counts) Put<uint32_t>(&out, c);
  Put<uint64_t>(&out, impl_->profile.keys.size());
  for (uint64_t k : impl_->profile.keys) Put<uint64_t>(&out, k);
  for (uint32_t c : impl_->profile.counts) Put<uint32_t>(&out, c);
  Put<uint64_t>(&out, Fnv64(out));
  return out;
}

StatusOr<PerceptronTagger> PerceptronTagger::Load(std::string_view bytes) {
  if (bytes.size() < kHeaderSize + 8 || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    return InvalidArgumentError("ner model: not a rasd NER model (bad magic or too short)");
  }
  if (uint32_t v = Get<uint32_t>(bytes, 8); v != kFormatVersion) {
    return InvalidArgumentError("ner model: unsupported format version " + std::to_string(v));
  }
  if (Get<uint32_t>(bytes, 12) != static_cast<uint32_t>(kT)) {
    return InvalidArgumentError("ner model: wrong tag count");
  }
  if (uint32_t v = Get<uint32_t>(bytes, 16); v != kFeatureVersion) {
    return InvalidArgumentError("ner model: trained with feature set " + std::to_string(v) + ", this build has " +
                                std::to_string(kFeatureVersion));
  }
  const uint32_t flags = Get<uint32_t>(bytes, 20);
  if ((flags & ~kKnownFlags) != 0) return InvalidArgumentError("ner model: unknown flags");
  const size_t body = bytes.size() - 8;  // the checksum follows
  size_t at = 24;
  // Reads a uint64 element count whose elements take `each` bytes, checking
  // that they fit before the checksum.
  auto count_of = [&](uint64_t each, uint64_t* n) {
    if (at + 8 > body) return false;
    *n = Get<uint64_t>(bytes, at);
    at += 8;
    if (*n > (body - at) / each) return false;
    return true;
  };
  uint64_t rows = 0, words = 0, cue_words = 0, class_words = 0, profile_words = 0;
  if (!count_of(8 + kT * 4, &rows)) return DataLossError("ner model: weight table truncated");
  const size_t rows_at = at;
  at += rows * (8 + kT * 4);
  if (!count_of(12, &words)) return DataLossError("ner model: word-count table truncated");
  const size_t words_at = at;
  at += words * 12;
  if (!count_of(12, &cue_words)) return DataLossError("ner model: cue table truncated");
  const size_t cues_at = at;
  at += cue_words * 12;
  if (!count_of(12, &class_words)) return DataLossError("ner model: word-class table truncated");
  const size_t classes_at = at;
  at += class_words * 12;
  if (!count_of(12, &profile_words)) return DataLossError("ner model: profile table truncated");
  const size_t profile_at = at;
  at += profile_words * 12;
  if (at != body) {
    return DataLossError("ner model: size " + std::to_string(bytes.size()) + " does not match its tables");
  }
  if (Fnv64(bytes.substr(0, body)) != Get<uint64_t>(bytes, body)) {
    return DataLossError("ner model: checksum mismatch (corrupt file)");
  }
  auto impl = std::make_unique<Impl>();
  impl->flags = flags;
  impl->keys.resize(rows);
  impl->rows.resize(rows * kT);
  if (rows > 0) {
    std::memcpy(impl->keys.data(), bytes.data() + rows_at, rows * 8);
    std::memcpy(impl->rows.data(), bytes.data() + rows_at + rows * 8, rows * kT * 4);
  }
  for (size_t r = 0; r < rows; ++r) {
    if (impl->keys[r] == 0 || (r > 0 && impl->keys[r] <= impl->keys[r - 1])) {
      return DataLossError("ner model: feature keys not sorted");
    }
  }
  for (float f : impl->rows) {
    if (!std::isfinite(f)) return DataLossError("ner model: non-finite weight");
  }
  auto read_table = [&](size_t from, uint64_t n, NerWordCounts* t) {
    t->keys.resize(n);
    t->counts.resize(n);
    if (n > 0) {
      std::memcpy(t->keys.data(), bytes.data() + from, n * 8);
      std::memcpy(t->counts.data(), bytes.data() + from + n * 8, n * 4);
    }
    for (size_t r = 0; r < n; ++r) {
      if (t->keys[r] == 0 || (r > 0 && t->keys[r] <= t->keys[r - 1])) return false;
    }
    t->BuildIndex();
    return true;
  };
  if (!read_table(words_at, words, &impl->counts)) return DataLossError("ner model: word keys not sorted");
  if (!read_table(cues_at, cue_words, &impl->cue_table)) return DataLossError("ner model: cue keys not sorted");
  if (!read_table(classes_at, class_words, &impl->classes)) return DataLossError("ner model: class keys not sorted");
  if (!read_table(profile_at, profile_words, &impl->profile)) return DataLossError("ner model: profile keys not sorted");
  impl->BuildIndex();
  return PerceptronTagger(std::move(impl));
}

// ---- training ------------------------------------------------------------------------

namespace {

// Weights during training: current w (for decoding) and the running sum wa
// used for averaging (avg = w - wa / c; Daumé's trick).
struct TrainWeights {
  std::unordered_map<uint64_t, uint32_t> index;  // key -> row; only looked up, never iterated
  std::vector<uint64_t> row_keys;
  std::vector<double> w, wa;
  double trans[kT + 1][kT] = {};

  const double* Row(uint64_t key) const {
    auto it = index.find(key);
    return it == index.end() ? nullptr : &w[static_cast<size_t>(it->second) * kT];
  }

  void Update(uint64_t key, int tag, double d, double c) {
    auto [it, inserted] = index.try_emplace(key, static_cast<uint32_t>(row_keys.size()));
    if (inserted) {
      row_keys.push_back(key);
      w.resize(w.size() + kT, 0.0);
      wa.resize(wa.size() + kT, 0.0);
    }
    const size_t at = static_cast<size_t>(it->second) * kT + static_cast<size_t>(tag);
    w[at] += d;
    wa[at] += c * d;
  }

  std::unique_ptr<PerceptronTagger::Impl> Averaged(double c, const NerWordCounts& counts, const NerWordCounts& cue_table,
                                                   const NerWordCounts& classes, const NerWordCounts& profile,
                                                   uint32_t flags, double o_penalty) const {
    std::vector<uint32_t> order(row_keys.size());
    for (size_t r = 0; r < order.size(); ++r) order[r] = static_cast<uint32_t>(r);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return row_keys[a] < row_keys[b]; });
    auto impl = std::make_unique<PerceptronTagger::Impl>();
    for (uint32_t r : order) {
      float avg[kT];
      bool any = false;
      for (int t = 0; t < kT; ++t) {
        const size_t at = static_cast<size_t>(r) * kT + static_cast<size_t>(t);
        avg[t] = static_cast<float>(w[at] - wa[at] / c);
        any |= std::fabs(avg[t]) > 1e-6f;
      }
      if (!any) continue;
      impl->keys.push_back(row_keys[r]);
      impl->rows.insert(impl->rows.end(), avg, avg + kT);
    }
    impl->counts = counts;
    impl->cue_table = cue_table;
    impl->classes = classes;
    impl->profile = profile;
    impl->flags = flags;
    if (o_penalty != 0) {
      // Folded into the bias row, which every token has: emit[O] -= o_penalty.
      const uint64_t bias = Key(kBias, 0);
      auto at = std::lower_bound(impl->keys.begin(), impl->keys.end(), bias);
      if (at == impl->keys.end() || *at != bias) {
        const size_t r = static_cast<size_t>(at - impl->keys.begin());
        impl->keys.insert(at, bias);
        impl->rows.insert(impl->rows.begin() + static_cast<std::ptrdiff_t>(r * kT), kT, 0.0f);
        at = impl->keys.begin() + static_cast<std::ptrdiff_t>(r);
      }
      impl->rows[static_cast<size_t>(at - impl->keys.begin()) * kT + kNerO] -= static_cast<float>(o_penalty);
    }
    impl->BuildIndex();
    return impl;
  }
};

}  // namespace

namespace {

// Reads `n` tab-separated decimal numbers (each clamped to 32 bits) from
// `fields` into out[]; false when one is missing or not a number.
bool ReadNumbers(std::string_view fields, int n, uint64_t* out) {
  for (int k = 0; k < n; ++k) {
    const size_t tab = fields.find('\t');
    std::string_view num = fields.substr(0, tab);
    if (num.empty() || (k < n - 1 && tab == std::string_view::npos)) return false;
    out[k] = 0;
    for (char ch : num) {
      if (ch < '0' || ch > '9') return false;
      out[k] = std::min<uint64_t>(out[k] * 10 + static_cast<uint64_t>(ch - '0'), 0xFFFFFFFFull);
    }
    fields = tab == std::string_view::npos ? std::string_view() : fields.substr(tab + 1);
  }
  return true;
}

// A look-up table of `key -> value` pairs, sorted by key so that the model
// bytes do not depend on hash order; values clamped to 32 bits.
template <typename Map>
NerWordCounts SortedTable(const Map& map) {
  std::vector<std::pair<uint64_t, uint64_t>> sorted(map.begin(), map.end());
  std::sort(sorted.begin(), sorted.end());
  NerWordCounts out;
  for (const auto& [k, v] : sorted) {
    out.keys.push_back(k);
    out.counts.push_back(static_cast<uint32_t>(std::min<uint64_t>(v, 0xFFFFFFFFull)));
  }
  out.BuildIndex();
  return out;
}

StatusOr<NerWordCounts> ParseWordCounts(std::string_view tsv) {
  std::unordered_map<uint64_t, uint64_t> sum;  // only looked up, never iterated in hash order
  Status walk = ForEachDataLine(tsv, [&](uint32_t line_no, std::string_view line) -> Status {
    if (line == "word\tcount") return Status::Ok();  // the column line
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return InvalidArgumentError("word counts:" + std::to_string(line_no) + ": expected word<TAB>count");
    }
    uint64_t c = 0;
    for (char ch : line.substr(tab + 1)) {
      if (ch < '0' || ch > '9') return InvalidArgumentError("word counts:" + std::to_string(line_no) + ": bad count");
      c = std::min<uint64_t>(c * 10 + static_cast<uint64_t>(ch - '0'), 0xFFFFFFFFull);
    }
    uint64_t key = HashBytes(NormalizeKey(line.substr(0, tab)), 2);
    if (key == 0) key = 1;
    sum[key] += c;
    return Status::Ok();
  });
  if (!walk.ok()) return walk;
  return SortedTable(sum);
}

// Parses the cue lexicon into key -> cue-class bits.
StatusOr<NerWordCounts> ParseCues(std::string_view tsv) {
  static constexpr std::string_view kClasses[] = {"TITLE", "GIVEN", "LOCWORD", "ORGWORD", "COUNTRY"};
  std::unordered_map<uint64_t, uint32_t> bits;  // only looked up, never iterated in hash order
  Status walk = ForEachDataLine(tsv, [&](uint32_t line_no, std::string_view line) -> Status {
    if (line.starts_with("surface\tcue")) return Status::Ok();  // the column line
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return InvalidArgumentError("cues:" + std::to_string(line_no) + ": expected surface<TAB>cue");
    }
    std::string_view cls = line.substr(tab + 1);
    cls = cls.substr(0, cls.find('\t'));  // further columns (source) ignored
    int b = -1;
    for (int k = 0; k < 5; ++k) {
      if (kClasses[k] == cls) b = k;
    }
    if (b < 0) return InvalidArgumentError("cues:" + std::to_string(line_no) + ": unknown cue '" + std::string(cls) + "'");
    uint64_t key = HashBytes(NormalizeKey(line.substr(0, tab)), 2);
    if (key == 0) key = 1;
    bits[key] |= 1u << b;
    return Status::Ok();
  });
  if (!walk.ok()) return walk;
  return SortedTable(bits);
}

// Parses word classes (`word<TAB>fine<TAB>mid<TAB>coarse`, each < 1024; '#'
// comments) into key -> kClassKnown | coarse << 20 | mid << 10 | fine.
StatusOr<NerWordCounts> ParseClasses(std::string_view tsv) {
  std::unordered_map<uint64_t, uint32_t> value;  // only looked up, never iterated in hash order
  Status walk = ForEachDataLine(tsv, [&](uint32_t line_no, std::string_view line) -> Status {
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return InvalidArgumentError("word classes:" + std::to_string(line_no) + ": expected word<TAB>fine<TAB>mid<TAB>coarse");
    }
    uint64_t f[3];
    if (!ReadNumbers(line.substr(tab + 1), 3, f) || f[0] >= 1024 || f[1] >= 1024 || f[2] >= 1024) {
      return InvalidArgumentError("word classes:" + std::to_string(line_no) + ": expected three class numbers < 1024");
    }
    uint64_t key = HashBytes(NormalizeKey(line.substr(0, tab)), 2);
    if (key == 0) key = 1;
    value.try_emplace(key, static_cast<uint32_t>(kClassKnown | f[2] << 20 | f[1] << 10 | f[0]));  // first (most frequent) wins
    return Status::Ok();
  });
  if (!walk.ok()) return walk;
  return SortedTable(value);
}

// Parses corpus tag profiles (`word<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC`
// counts; '#' comments) into key -> 3 bits per entity type (bucket of its
// share: 0 none, 1 < 2%, 2 < 10%, 3 < 30%, 4 < 60%, 5 >= 60%) | dominant
// entity type (1-4, 0 if O dominates) << 12 | 1 << 15.
StatusOr<NerWordCounts> ParseProfile(std::string_view tsv) {
  std::unordered_map<uint64_t, uint32_t> value;  // only looked up, never iterated in hash order
  Status walk = ForEachDataLine(tsv, [&](uint32_t line_no, std::string_view line) -> Status {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return InvalidArgumentError("profile:" + std::to_string(line_no) + ": expected word<TAB>five counts");
    }
    uint64_t c[5];
    if (!ReadNumbers(line.substr(tab + 1), 5, c)) {
      return InvalidArgumentError("profile:" + std::to_string(line_no) + ": expected five counts");
    }
    const uint64_t total = c[0] + c[1] + c[2] + c[3] + c[4];
    if (total == 0) return Status::Ok();
    uint32_t v = 1u << 15;
    uint64_t best = c[0];
    for (int k = 1; k < 5; ++k) {
      const uint64_t per_mille = c[k] * 1000 / total;
      const uint32_t b = c[k] == 0 ? 0 : per_mille < 20 ? 1 : per_mille < 100 ? 2 : per_mille < 300 ? 3 : per_mille < 600 ? 4 : 5;
      v |= b << (3 * (k - 1));
      if (c[k] > best) {
        best = c[k];
        v = (v & ~(7u << 12)) | static_cast<uint32_t>(k) << 12;
      }
    }
    uint64_t key = HashBytes(NormalizeKey(line.substr(0, tab)), 2);
    if (key == 0) key = 1;
    value.try_emplace(key, v);
    return Status::Ok();
  });
  if (!walk.ok()) return walk;
  return SortedTable(value);
}

}  // namespace

StatusOr<PerceptronTagger> PerceptronTagger::Train(const std::vector<NerExample>& data,
                                                   const NerTrainOptions& options) {
  auto counts = ParseWordCounts(options.word_counts_tsv);
  if (!counts.ok()) return counts.status();
  auto cue_table = ParseCues(options.cues_tsv);
  if (!cue_table.ok()) return cue_table.status();
  auto classes = ParseClasses(options.word_classes_tsv);
  if (!classes.ok()) return classes.status();
  auto profile = ParseProfile(options.profile_tsv);
  if (!profile.ok()) return profile.status();
  const uint32_t flags = (options.lexicon_cues ? kFlagLexiconCues : 0) | (options.history ? kFlagHistory : 0) |
                         (options.context_only ? kFlagContextOnly : 0);
  // Training-set frequency of each normalised form, for rare-word dropout.
  std::unordered_map<uint64_t, int> train_freq;  // only looked up
  for (const NerExample& ex : data) {
    for (const std::string& w : ex.tokens) ++train_freq[HashBytes(NormalizeKey(w), 2)];
  }
  std::vector<bool> drop;
  // Features of every sentence, extracted once.
  struct Prepared {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> offsets;
    std::vector<uint8_t> gold;
  };
  std::vector<Prepared> prepared(data.size());
  for (size_t s = 0; s < data.size(); ++s) {
    const NerExample& ex = data[s];
    if (ex.tags.size() != ex.tokens.size() || (!ex.cues.empty() && ex.cues.size() != ex.tokens.size())) {
      return InvalidArgumentError("ner train: sentence " + std::to_string(s + 1) +
                                  ": tags or cues do not match the tokens");
    }
    Prepared& p = prepared[s];
    drop.assign(ex.tokens.size(), false);
    for (size_t i = 0; i < ex.tokens.size(); ++i) {
      drop[i] = train_freq[HashBytes(NormalizeKey(ex.tokens[i]), 2)] <= options.rare_threshold;
    }
    ExtractFeatures(ex.tokens, ex.cues, &*counts, &*cue_table, &*classes, &*profile, options.context_only, &p.keys,
                    &p.offsets, &drop);
    p.gold = ex.tags;
    for (size_t i = 0; i < p.gold.size(); ++i) {
      if (p.gold[i] >= kT) return InvalidArgumentError("ner train: sentence " + std::to_string(s + 1) + ": bad tag");
      // An I-X that does not continue an X starts one (the CoNLL reading).
      int prev = i == 0 ? kStart : p.gold[i - 1];
      if (!Allowed(prev, p.gold[i])) p.gold[i] = static_cast<uint8_t>(p.gold[i] - 1);
    }
  }
  TrainWeights weights;
  std::vector<uint32_t> order(prepared.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = static_cast<uint32_t>(s);
  uint64_t rng = options.seed;
  double c = 1;
  std::vector<uint8_t> pred;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher–Yates with splitmix64: the same order on every platform.
    for (size_t i = order.size(); i > 1; --i) {
      rng += 0x9E3779B97F4A7C15ull;
      const size_t j = static_cast<size_t>(Mix(rng) % i);
      std::swap(order[i - 1], order[j]);
    }
    for (uint32_t s : order) {
      const Prepared& p = prepared[s];
      for (int q = 0; q <= kT; ++q) {
        const double* row = weights.Row(Key(kTrans, static_cast<uint64_t>(q)));
        for (int t = 0; t < kT; ++t) weights.trans[q][t] = row ? row[t] : 0.0;
      }
      Viterbi(weights, weights.trans, p.keys, p.offsets, &pred);
      if (pred != p.gold) {
        for (size_t i = 0; i < pred.size(); ++i) {
          const int g = p.gold[i], z = pred[i];
          if (g != z) {
            for (uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) {
              weights.Update(p.keys[k], g, +1, c);
              weights.Update(p.keys[k], z, -1, c);
            }
          }
          const int gp = i == 0 ? kStart : p.gold[i - 1];
          const int zp = i == 0 ? kStart : pred[i - 1];
          if (gp != zp || g != z) {
            weights.Update(Key(kTrans, static_cast<uint64_t>(gp)), g, +1, c);
            weights.Update(Key(kTrans, static_cast<uint64_t>(zp)), z, -1, c);
          }
        }
      }
      c += 1;
    }
    if (options.on_epoch) options.on_epoch(epoch, PerceptronTagger(weights.Averaged(c, *counts, *cue_table, *classes, *profile, flags, options.o_penalty)));
  }
  return PerceptronTagger(weights.Averaged(c, *counts, *cue_table, *classes, *profile, flags, options.o_penalty));
}

}  // namespace rasd::internal
