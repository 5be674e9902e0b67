// Clitic segmentation: و+قال، ب+النسبة، ل+لسلطة، نشرت+ها، علي+هم.
//
// Every way of reading a word as [conjunction][preposition/future] stem
// [pronoun] is scored against the news vocabulary, and the reading with the
// best score wins (see docs/segmentation.md for the derivation):
//
//   whole word:  kBeta * count(w) + kGamma * count(ال + w)      (+1)
//   a split:     (count(stem) + 1) * priors * penalties
//
// count(w) is discounted because the counts are of unsegmented text (وقال is
// frequent because قال is); count(ال+w) is strong evidence that w is a noun on
// its own (الوزارة exists, البشكل does not). Stems seen before a pronoun are
// looked up with their ة/ى/ء restored (حكومت -> حكومة, علي -> على), and a stem
// after ل is also looked up with the article (ل+لسلطة -> السلطة).
// Closed classes (prepositions that take pronouns, two-letter function words,
// the guard list) are fixed; everything else comes from the vocabulary.
#include "tokenize/clitics.h"

#include "lexicon/tsv.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <type_traits>
#include <optional>
#include <string>
#include <vector>

namespace rasd::internal {

NormalizeOptions SegmenterNormalizeOptions() {
  NormalizeOptions o;
  o.fold_alef = false;
  o.fold_alef_maksura = false;
  o.fold_teh_marbuta = false;
  return o;
}

namespace {

// ---- tuning (chosen on UD-PUD dev; the result is flat around these values) --
constexpr double kBeta = 0.05;         // weight of count(w) for the whole word
constexpr double kGamma = 10.0;        // weight of count(ال + w) for the whole word
constexpr double kConjPrior = 2.0;     // و/ف attach to anything: favour them
constexpr double kPrepPrior = 1.0;     // ب ك ل س
constexpr double kEncPrior = 1.0;      // ه ها هم هما هن نا
constexpr double kNiPrior = 0.3;       // ني (mostly verbs; names end in -ني too)
constexpr double kArticleBonus = 4.0;  // proclitic + ال stem (و+الذي, ب+النسبة)
constexpr double kShortStem = 0.05;    // two-letter stem that is not a function word
constexpr double kClosedCount = 1e5;   // pseudo-count of a closed-class host (في+ها)
constexpr double kSingleHost = 1e6;    // score of ل/ب + pronoun (ل+ه, ب+ها)
constexpr uint32_t kMinStem = 20;      // a stem must be seen this often (seen words)
constexpr uint32_t kMinArticle = 5;    // count(ال + stem) that makes a stem a noun

constexpr size_t kMaxWordBytes = 120;  // longer words are never split

// Entry::bits flags.
constexpr uint32_t kGuard = 1u << 26;   // never split (data/lexicons/segmenter_guard.tsv)
constexpr uint32_t kHost = 1u << 27;    // preposition/particle that takes any pronoun
constexpr uint32_t kFunc2 = 1u << 28;   // two-letter function word: no short-stem penalty
constexpr uint32_t kForced = 1u << 29;  // fixed phrase ب + X: always split after ب
constexpr uint32_t kFlagMask = kGuard | kHost | kFunc2 | kForced;
constexpr uint32_t kMemoValid = 1u << 31;

// Prepositions, particles and quantifier nouns that take pronoun enclitics,
// in the surface form they have before the pronoun (على -> علي+ه).
constexpr std::string_view kHosts[] = {
    "من", "عن", "في", "علي", "إلي", "لدي", "مع", "عند", "بين", "حول", "دون",
    "أن", "إن", "كأن", "لكن", "لعل", "ليت", "تحت", "فوق", "ضد", "خلف", "أمام",
    "بعد", "قبل", "عبر", "نحو", "منذ", "مثل", "وحد", "كل", "بعض", "نفس", "ذات",
    "غير", "معظم", "جميع", "أحد"};
constexpr std::string_view kFunc2Words[] = {"هو", "هي", "هم", "من", "في", "عن", "ما", "لا",
                                            "لم", "لن", "قد", "أن", "إن", "كل", "مع", "أو",
                                            "ثم", "هل", "لو", "إذ", "كي", "بل", "أي"};
// Fixed prepositional phrases whose stem is rare on its own.
constexpr std::string_view kForcedWords[] = {"بمثابة", "بموجب", "بواسطة", "بخصوص", "بصدد",
                                             "بغض", "بمشيئة", "بمعزل", "بمنأى", "بمقتضى"};

constexpr std::string_view kConj[] = {"", "و", "ف"};
constexpr std::string_view kPrep[] = {"", "ب", "ك", "ل", "س"};
constexpr std::string_view kEnc[] = {"", "هما", "ها", "هم", "هن", "ه", "نا", "ني", "ي", "كما", "كم", "ك"};

constexpr std::string_view kAl = "ال";
constexpr std::string_view kAlef = "ا";
constexpr std::string_view kLam = "ل";
constexpr std::string_view kBa = "ب";
constexpr std::string_view kKaf = "ك";
constexpr std::string_view kSin = "س";
constexpr std::string_view kWaw = "و";
constexpr std::string_view kTeh = "ت";
constexpr std::string_view kTehMarbuta = "ة";
constexpr std::string_view kYeh = "ي";
constexpr std::string_view kAlefMaksura = "ى";
constexpr std::string_view kHamza = "ء";

// A copy of data/lexicons/segmenter_guard.tsv, used when Create() gets no
// guard text (tests/unit/tokenize/clitics_test.cc checks the two agree).
constexpr char kBuiltinGuard[] = R"TSV(# rasd lexicon: segmenter guard - words the clitic segmenter never splits (كان stays whole, not ك+ان)
# source: general knowledge of Arabic (closed-class words and frequent nouns/names that start with a clitic letter or end like a pronoun); usage = common Arabic news usage
# license: CC0-1.0 for this compilation
# surface: the whole word as printed; a guard word still takes the conjunction و/ف in front (وكان -> و+كان) but is never split further.
surface	note	source
كان	verb kana: ك+ان/انت would look plausible	usage
كانت	verb kana: ك+ان/انت would look plausible	usage
كانوا	verb kana: ك+ان/انت would look plausible	usage
كانا	verb kana: ك+ان/انت would look plausible	usage
كنت	verb kana: ك+ان/انت would look plausible	usage
كنا	verb kana: ك+ان/انت would look plausible	usage
لكن	function word that starts with a clitic letter	usage
بين	function word that starts with a clitic letter	usage
بعد	function word that starts with a clitic letter	usage
فقط	function word that starts with a clitic letter	usage
فحسب	function word that starts with a clitic letter	usage
كما	function word that starts with a clitic letter	usage
كلما	function word that starts with a clitic letter	usage
لدى	function word that starts with a clitic letter	usage
لدي	function word that starts with a clitic letter	usage
لم	function word that starts with a clitic letter	usage
لن	function word that starts with a clitic letter	usage
لما	function word that starts with a clitic letter	usage
لو	function word that starts with a clitic letter	usage
لا	function word that starts with a clitic letter	usage
ليس	function word that starts with a clitic letter	usage
ليست	function word that starts with a clitic letter	usage
لقد	function word that starts with a clitic letter	usage
قد	function word that starts with a clitic letter	usage
فيما	function word that starts with a clitic letter	usage
فإذا	function word that starts with a clitic letter	usage
ذلك	function word that starts with a clitic letter	usage
تلك	function word that starts with a clitic letter	usage
كذلك	function word that starts with a clitic letter	usage
لذا	function word that starts with a clitic letter	usage
بعدما	function word that starts with a clitic letter	usage
بينما	function word that starts with a clitic letter	usage
كيف	function word that starts with a clitic letter	usage
كي	function word that starts with a clitic letter	usage
كلا	function word that starts with a clitic letter	usage
سوى	function word that starts with a clitic letter	usage
وفق	function word that starts with a clitic letter	usage
وراء	function word that starts with a clitic letter	usage
فوق	function word that starts with a clitic letter	usage
سيما	function word that starts with a clitic letter	usage
مما	function word that starts with a clitic letter	usage
بات	function word that starts with a clitic letter	usage
باتت	function word that starts with a clitic letter	usage
وشك	function word that starts with a clitic letter	usage
لست	function word that starts with a clitic letter	usage
هم	pronoun / noun fahm that looks like clitic + pronoun	usage
هي	pronoun / noun fahm that looks like clitic + pronoun	usage
هما	pronoun / noun fahm that looks like clitic + pronoun	usage
هو	pronoun / noun fahm that looks like clitic + pronoun	usage
فهم	pronoun / noun fahm that looks like clitic + pronoun	usage
بعض	noun or abbreviation whose remainder is a frequent word	usage
وحدة	noun or abbreviation whose remainder is a frequent word	usage
ولي	noun or abbreviation whose remainder is a frequent word	usage
بال	noun or abbreviation whose remainder is a frequent word	usage
كلم	noun or abbreviation whose remainder is a frequent word	usage
بي	noun or abbreviation whose remainder is a frequent word	usage
سي	noun or abbreviation whose remainder is a frequent word	usage
وزارة	noun that starts with a clitic letter	usage
ولاية	noun that starts with a clitic letter	usage
وقت	noun that starts with a clitic letter	usage
وضع	noun that starts with a clitic letter	usage
وجه	noun that starts with a clitic letter	usage
سنة	noun that starts with a clitic letter	usage
سياسة	noun that starts with a clitic letter	usage
فلسطين	place name that starts with a clitic letter	usage
بيروت	place name that starts with a clitic letter	usage
ليبيا	place name that starts with a clitic letter	usage
كازاخستان	place name that starts with a clitic letter	usage
فرنسا	place name that starts with a clitic letter	usage
بكين	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بيونغ	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بنما	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بليز	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بهوتان	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بالاو	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بالتيمور	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
باليرمو	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بريدة	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بغرام	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بلعين	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بوشهر	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
بوسان	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
كالينينغراد	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
كاليمانتان	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
كالغاري	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
كالابريا	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
كردفان	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
كوباني	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
جرمانا	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
ورزازات	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
ويلينغتون	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
لواندا	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
فاليتا	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
فالبارايسو	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
سيشل	place name the segmenter split (a gazetteer name, no clitic reading in the news)	usage
)TSV";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Code points in valid UTF-8.
size_t Letters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Bytes of the first code point.
size_t FirstLen(std::string_view s) {
  size_t i = 1;
  while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// Last code point.
std::string_view LastChar(std::string_view s) {
  size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  return i > 0 ? s.substr(i - 1) : s;
}

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// 64-bit hash, 8 bytes at a time; never 0 (0 marks an empty slot).
uint64_t Hash(std::string_view s) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ (s.size() * 0x100000001b3ull);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = Mix(h ^ chunk) + 0x9e3779b97f4a7c15ull;
  }
  if (i < s.size()) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, s.data() + i, s.size() - i);
    h = Mix(h ^ chunk ^ (uint64_t{0xA5} << 56));
  } else {
    h = Mix(h);
  }
  return h == 0 ? 1 : h;
}

// Concatenation into a caller's stack buffer (no allocation).
class Joined {
 public:
  Joined(std::string_view a, std::string_view b) {
    if (a.size() + b.size() > sizeof(buf_)) return;
    std::memcpy(buf_, a.data(), a.size());
    std::memcpy(buf_ + a.size(), b.data(), b.size());
    size_ = a.size() + b.size();
  }
  std::string_view view() const { return {buf_, size_}; }

 private:
  char buf_[2 * kMaxWordBytes + 16];
  size_t size_ = 0;
};

// The stem as written and, before a pronoun, with its last letter restored:
// حكومت -> حكومة, علي -> على, اشترا -> اشترى, حلفاؤ -> حلفاء, كتبو -> كتبوا.
class StemVariants {
 public:
  StemVariants(std::string_view stem, bool has_enclitic) : stem_(stem) {
    if (!has_enclitic) return;
    std::string_view last = LastChar(stem);
    std::string_view head = stem.substr(0, stem.size() - last.size());
    if (last == kTeh) {
      alt_.emplace(head, kTehMarbuta);
    } else if (last == kYeh || last == kAlef) {
      alt_.emplace(head, kAlefMaksura);
    } else if (last == "ؤ" || last == "ئ") {
      alt_.emplace(head, kHamza);
    } else if (last == kWaw) {
      alt_.emplace(stem, kAlef);
    }
  }
  int size() const { return alt_ ? 2 : 1; }
  std::string_view operator[](int i) const { return i == 0 ? stem_ : alt_->view(); }

 private:
  std::string_view stem_;
  std::optional<Joined> alt_;
};

// Splits `tsv` into lines, skipping comments and blank lines; calls
// fn(line_number, fields) and stops at the first error.
template <typename Fn>
Status ForEachRow(std::string_view tsv, std::string_view where, Fn fn) {
  std::vector<std::string_view> fields;
  return ForEachDataLine(tsv, [&](uint32_t line_no, std::string_view line) -> Status {
    fields.clear();
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        fields.push_back(line.substr(start));
        break;
      }
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    Status s = fn(static_cast<int>(line_no), fields);
    if (!s.ok()) {
      return InvalidArgumentError(std::string(where) + ":" + std::to_string(line_no) + ": " + s.message());
    }
    return Status::Ok();
  });
}

}  // namespace

std::string_view CliticSegmenter::BuiltinGuardTsv() { return {kBuiltinGuard, sizeof(kBuiltinGuard) - 1}; }

StatusOr<CliticSegmenter> CliticSegmenter::Create(std::string_view vocabulary_tsv, std::string_view guard_tsv) {
  CliticSegmenter seg;
  seg.Rehash(1024);
  const NormalizeOptions options = SegmenterNormalizeOptions();
  std::vector<std::string> keys;  // every key, for the memo pass below

  int word_col = -1, count_col = -1;
  size_t columns = 0;
  Status st = ForEachRow(vocabulary_tsv, "vocab", [&](int, const std::vector<std::string_view>& f) -> Status {
    if (word_col < 0) {  // the column line
      for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "word") word_col = static_cast<int>(i);
        else if (f[i] == "count") count_col = static_cast<int>(i);
        else return InvalidArgumentError("unknown column '" + std::string(f[i]) + "'");
      }
      if (word_col < 0 || count_col < 0) return InvalidArgumentError("expected columns 'word' and 'count'");
      columns = f.size();
      return Status::Ok();
    }
    if (f.size() != columns) return InvalidArgumentError("expected " + std::to_string(columns) + " fields");
    std::string_view count_text = f[count_col];
    if (count_text.empty() || count_text.size() > 9) return InvalidArgumentError("bad count");
    uint32_t count = 0;
    for (char c : count_text) {
      if (c < '0' || c > '9') return InvalidArgumentError("bad count '" + std::string(count_text) + "'");
      count = count * 10 + static_cast<uint32_t>(c - '0');
    }
    if (f[word_col].empty()) return InvalidArgumentError("empty word");
    std::string key = NormalizeKey(f[word_col], options);
    if (!key.empty() && key.size() <= kMaxWordBytes) {
      seg.Insert(key, count, 0);
      keys.push_back(std::move(key));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (word_col < 0) return InvalidArgumentError("vocab: no column line 'word<TAB>count'");

  if (guard_tsv.empty()) guard_tsv = BuiltinGuardTsv();
  int surface_col = -1;
  size_t guard_columns = 0;
  st = ForEachRow(guard_tsv, "guard", [&](int, const std::vector<std::string_view>& f) -> Status {
    if (surface_col < 0) {
      for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "surface") surface_col = static_cast<int>(i);
        else if (f[i] != "note" && f[i] != "source") {
          return InvalidArgumentError("unknown column '" + std::string(f[i]) + "'");
        }
      }
      if (surface_col < 0) return InvalidArgumentError("expected a column 'surface'");
      guard_columns = f.size();
      return Status::Ok();
    }
    if (f.size() != guard_columns) return InvalidArgumentError("expected " + std::to_string(guard_columns) + " fields");
    std::string key = NormalizeKey(f[surface_col], options);
    if (key.empty()) return InvalidArgumentError("empty surface");
    if (key.size() <= kMaxWordBytes) {
      seg.Insert(key, 0, kGuard);
      keys.push_back(std::move(key));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (surface_col < 0) return InvalidArgumentError("guard: no column line 'surface'");

  for (std::string_view w : kHosts) seg.Insert(w, 0, kHost);
  for (std::string_view w : kFunc2Words) seg.Insert(w, 0, kFunc2);
  for (std::string_view w : kForcedWords) {
    seg.Insert(w, 0, kForced);
    keys.emplace_back(w);
  }

  // Memoise the split of every known word (the table no longer grows), so
  // Split() of a vocabulary word is one look-up.
  uint32_t cuts[kMaxCuts];
  for (const std::string& key : keys) {
    const uint64_t h = Hash(key);
    Entry* e = seg.FindOrAdd(h);
    if (e->bits & kMemoValid) continue;
    const int n = seg.SplitUncached(key, Hit{e->count, e->bits & kFlagMask}, cuts);
    uint32_t memo = kMemoValid | (static_cast<uint32_t>(n) << 24);
    for (int k = 0; k < n; ++k) memo |= cuts[k] << (8 * k);
    e->bits |= memo;
  }
  return seg;
}

void CliticSegmenter::Rehash(size_t capacity) {
  std::vector<Entry> old = std::move(owned_);
  owned_.assign(capacity, Entry{});
  capacity_ = capacity;
  blob_ = nullptr;
  const size_t mask = capacity - 1;
  for (const Entry& e : old) {
    if (e.hash == 0) continue;
    size_t i = e.hash & mask;
    while (owned_[i].hash != 0) i = (i + 1) & mask;
    owned_[i] = e;
  }
}

CliticSegmenter::Entry* CliticSegmenter::FindOrAdd(uint64_t hash) {
  if ((size_ + 1) * 10 > owned_.size() * 7) Rehash(owned_.size() * 2);
  const size_t mask = owned_.size() - 1;
  size_t i = hash & mask;
  while (owned_[i].hash != 0 && owned_[i].hash != hash) i = (i + 1) & mask;
  if (owned_[i].hash == 0) {
    owned_[i].hash = hash;
    ++size_;
  }
  return &owned_[i];
}

namespace {

constexpr char kSegMagic[8] = {'R', 'A', 'S', 'D', 'S', 'E', 'G', '\0'};
constexpr uint32_t kSegFormatVersion = 1;
constexpr size_t kSegHeader = 8 + 4 + 4 + 8 + 8;

}  // namespace

std::string CliticSegmenter::Serialize() const {
  static_assert(std::endian::native == std::endian::little, "the blob is little-endian");
  static_assert(sizeof(Entry) == 16 && std::is_trivially_copyable_v<Entry>);
  std::string out(kSegMagic, 8);
  auto put = [&out](auto v) { out.append(reinterpret_cast<const char*>(&v), sizeof(v)); };
  put(kSegFormatVersion);
  put(static_cast<uint32_t>(sizeof(Entry)));
  put(static_cast<uint64_t>(capacity_));
  put(static_cast<uint64_t>(size_));
  out.append(reinterpret_cast<const char*>(table()), capacity_ * sizeof(Entry));
  return out;
}

StatusOr<CliticSegmenter> CliticSegmenter::FromBlob(std::string_view blob) {
  if (blob.size() < kSegHeader || std::memcmp(blob.data(), kSegMagic, 8) != 0) {
    return InvalidArgumentError("segmenter table: bad magic or too short");
  }
  uint32_t version = 0, entry_size = 0;
  uint64_t capacity = 0, size = 0;
  std::memcpy(&version, blob.data() + 8, 4);
  std::memcpy(&entry_size, blob.data() + 12, 4);
  std::memcpy(&capacity, blob.data() + 16, 8);
  std::memcpy(&size, blob.data() + 24, 8);
  if (version != kSegFormatVersion || entry_size != sizeof(Entry)) {
    return InvalidArgumentError("segmenter table: unsupported format version or entry size");
  }
  if (capacity == 0 || (capacity & (capacity - 1)) != 0 || size >= capacity ||
      capacity > (blob.size() - kSegHeader) / sizeof(Entry) || blob.size() - kSegHeader != capacity * sizeof(Entry)) {
    return DataLossError("segmenter table: size does not match its header");
  }
  CliticSegmenter seg;
  seg.capacity_ = static_cast<size_t>(capacity);
  seg.size_ = static_cast<size_t>(size);
  const char* entries = blob.data() + kSegHeader;
  if (reinterpret_cast<uintptr_t>(entries) % alignof(Entry) == 0) {
    seg.blob_ = reinterpret_cast<const Entry*>(entries);  // read in place (e.g. the built-in blob)
  } else {
    seg.owned_.resize(seg.capacity_);
    std::memcpy(seg.owned_.data(), entries, seg.capacity_ * sizeof(Entry));
  }
  // Linear probing needs an empty slot to end every search.
  size_t used = 0;
  const Entry* t = seg.table();
  for (size_t i = 0; i < seg.capacity_; ++i) used += t[i].hash != 0;
  if (used != size) return DataLossError("segmenter table: entry count does not match its header");
  return seg;
}

void CliticSegmenter::Insert(std::string_view key, uint32_t count, uint32_t flags) {
  if (key.empty()) return;
  Entry* e = FindOrAdd(Hash(key));
  e->count = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{e->count} + count, UINT32_MAX));
  e->bits |= flags;
}

CliticSegmenter::Hit CliticSegmenter::Find(std::string_view key) const {
  if (capacity_ == 0 || key.empty()) return {};
  const uint64_t h = Hash(key);
  const size_t mask = capacity_ - 1;
  const Entry* table = this->table();
  size_t i = h & mask;
  while (true) {
    const Entry& e = table[i];
    if (e.hash == h) return {e.count, e.bits};
    if (e.hash == 0) return {};
    i = (i + 1) & mask;
  }
}

uint32_t CliticSegmenter::StemCount(std::string_view stem, uint32_t stem_count, bool has_enclitic,
                                     bool after_lam) const {
  uint32_t best = 0;
  StemVariants variants(stem, has_enclitic);
  for (int k = 0; k < variants.size(); ++k) {
    std::string_view v = variants[k];
    best = std::max(best, k == 0 ? stem_count : Find(v).count);
    // ل + لسلطة: the article's alef is not written after ل.
    if (after_lam && StartsWith(v, kLam)) best = std::max(best, Find(Joined(kAlef, v).view()).count);
  }
  return best;
}

uint32_t CliticSegmenter::ArticleCount(std::string_view word) const {
  uint32_t n = Find(Joined(kAl, word).view()).count;
  // Adverbial accusative: أماناً -> الأمان.
  if (EndsWith(word, kAlef) && word.size() > kAlef.size()) {
    n = std::max(n, Find(Joined(kAl, word.substr(0, word.size() - kAlef.size())).view()).count);
  }
  return n;
}

bool CliticSegmenter::NounLike(std::string_view stem) const {
  uint32_t article = 0;
  StemVariants variants(stem, true);
  for (int k = 0; k < variants.size(); ++k) article = std::max(article, ArticleCount(variants[k]));
  return article >= kMinArticle && article >= 0.05 * (StemCount(stem, Find(stem).count, true, false) + 1.0);
}

int CliticSegmenter::Split(std::string_view w, uint32_t cuts[kMaxCuts]) const {
  if (capacity_ == 0 || w.size() > kMaxWordBytes) return 0;
  const Hit hit = Find(w);
  if (hit.bits & kMemoValid) {  // every vocabulary word: one look-up
    const int n = static_cast<int>((hit.bits >> 24) & 3);
    for (int k = 0; k < n; ++k) cuts[k] = (hit.bits >> (8 * k)) & 0xFF;
    return n;
  }
  return SplitUncached(w, hit, cuts);
}

int CliticSegmenter::SplitUncached(std::string_view w, const Hit& whole_hit, uint32_t cuts[kMaxCuts]) const {
  if (Letters(w) < 2) return 0;
  if (whole_hit.bits & kGuard) return 0;
  if (whole_hit.bits & kForced) {
    cuts[0] = static_cast<uint32_t>(FirstLen(w));
    return 1;
  }
  // من/عن + ما/من, written assimilated (ممن، عما) or joined (منما).
  if (w == "ممن" || w == "عما" || w == "عمن") {
    cuts[0] = static_cast<uint32_t>(FirstLen(w));
    return 1;
  }
  if (w == "منما" || w == "منمن" || w == "عنما" || w == "عنمن") {
    cuts[0] = static_cast<uint32_t>(std::string_view("من").size());
    return 1;
  }

  double best = kBeta * whole_hit.count + kGamma * ArticleCount(w) + 1.0;
  uint32_t best_cuts[3];
  int best_n = 0;
  const bool word_seen = whole_hit.count > 0;

  for (std::string_view ci : kConj) {
    if (!StartsWith(w, ci)) continue;
    const std::string_view r1 = w.substr(ci.size());
    if (r1.empty()) continue;
    const bool r1_guard = !ci.empty() && (Find(r1).bits & kGuard);
    for (std::string_view pi : kPrep) {
      if (!StartsWith(r1, pi)) continue;
      if (r1_guard && !pi.empty()) continue;
      const std::string_view body = r1.substr(pi.size());
      if (body.empty()) continue;
      for (std::string_view e : kEnc) {
        if (ci.empty() && pi.empty() && e.empty()) continue;
        if (!e.empty() && (r1_guard || !EndsWith(body, e))) continue;
        const std::string_view stem = body.substr(0, body.size() - e.size());
        if (stem.empty()) continue;
        const size_t stem_letters = Letters(stem);
        // Future س only before an imperfect verb: س+يكون, not س+نة.
        if (pi == kSin) {
          std::string_view first = stem.substr(0, FirstLen(stem));
          if (stem_letters < 3 || !(first == "ي" || first == "ت" || first == "ن" || first == "أ")) continue;
        }
        const bool starts_al = StartsWith(stem, kAl);
        if (starts_al && stem_letters < 4) continue;  // ب+ال, و+الد
        if (!e.empty() && starts_al) continue;         // the article takes no pronoun
        const Hit stem_hit = Find(stem);
        bool closed = false;
        const bool single_host = stem == kLam || stem == kBa;
        if (!e.empty()) {
          if ((stem_hit.bits & kHost) || (single_host && pi.empty() && e != "ني")) {
            closed = true;
          } else if (e == "ك" || e == "كم" || e == "كما" || e == "ي") {
            continue;  // second person and first person singular: closed hosts only
          } else if (e == "نا" && !(NounLike(stem) || StartsWith(stem, "ي") || StartsWith(stem, "ت") ||
                                    StartsWith(stem, "ن"))) {
            continue;  // past verb + نا is the subject (طلبنا), not a clitic
          } else if (e == "ني" && (pi == kBa || pi == kKaf || stem_letters < 3 || NounLike(stem))) {
            continue;
          }
        }
        if (!closed && stem_letters < 2) continue;
        // ك+لها is كل+ها: a preposition does not take ل/ب + pronoun.
        if (e.empty() && (pi == kBa || pi == kKaf || pi == kLam) && (StartsWith(stem, kLam) || StartsWith(stem, kBa))) {
          std::string_view rest = stem.substr(FirstLen(stem));
          bool is_pronoun = false;
          for (std::string_view p : kEnc) is_pronoun |= !p.empty() && rest == p;
          if (is_pronoun) continue;
        }
        double score;
        if (single_host && closed) {
          score = kSingleHost;
        } else {
          double count = StemCount(stem, stem_hit.count, !e.empty(), pi == kLam);
          if (closed) count = kClosedCount;
          const bool al_stem = (!ci.empty() || !pi.empty()) && (starts_al || (pi == kLam && StartsWith(stem, kLam)));
          if (word_seen) {
            if (count < kMinStem && !al_stem) continue;
          } else if (count == 0 && !al_stem) {
            // Unseen word and unseen stem: only و + a long stem, or a long stem + ها/هم/هما.
            const bool conj_only = ci == kWaw && pi.empty() && e.empty() && stem_letters >= 3;
            const bool pron_only = ci.empty() && pi.empty() && stem_letters >= 3 && (e == "ها" || e == "هم" || e == "هما");
            if (!conj_only && !pron_only) continue;
            count = 1;
          }
          score = count + 1.0;
          if (stem_letters == 2 && !(stem_hit.bits & kFunc2)) score *= kShortStem;
          if (!ci.empty()) score *= kConjPrior;
          if (!pi.empty()) score *= kPrepPrior;
          if (e == "ني") score *= kNiPrior;
          else if (!e.empty() && e != "ي") score *= kEncPrior;
          if (al_stem) score *= kArticleBonus;
        }
        if (score > best) {
          best = score;
          best_n = 0;
          if (!ci.empty()) best_cuts[best_n++] = static_cast<uint32_t>(ci.size());
          if (!pi.empty()) best_cuts[best_n++] = static_cast<uint32_t>(ci.size() + pi.size());
          if (!e.empty()) best_cuts[best_n++] = static_cast<uint32_t>(w.size() - e.size());
        }
      }
    }
  }
  for (int k = 0; k < best_n; ++k) cuts[k] = best_cuts[k];
  return best_n;
}

}  // namespace rasd::internal
