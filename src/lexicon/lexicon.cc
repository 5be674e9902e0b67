#include "lexicon/lexicon.h"

#include <atomic>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/hash.h"
#include "base/huge_pages.h"
#include "rasd/normalize.h"
#include "tokenize/clitics.h"
#include "tokenize/tokenizer.h"

namespace rasd::internal {

const char* EntryTypeName(EntryType type) {
  switch (type) {
    case EntryType::kCountry: return "country";
    case EntryType::kNisba: return "nisba";
    case EntryType::kPlace: return "place";
    case EntryType::kOrganization: return "organization";
    case EntryType::kGovBody: return "gov_body";
    case EntryType::kRole: return "role";
    case EntryType::kHonorific: return "honorific";
    case EntryType::kMonth: return "month";
    case EntryType::kWeekday: return "weekday";
    case EntryType::kTemporal: return "temporal";
    case EntryType::kNumber: return "number";
    case EntryType::kPersonName: return "person";
    case EntryType::kTrigger: return "trigger";
    case EntryType::kSpeech: return "speech";
    case EntryType::kModality: return "modality";
    case EntryType::kCue: return "cue";
  }
  return "cue";
}

bool IsEventEntryType(EntryType type) {
  return type == EntryType::kTrigger || type == EntryType::kSpeech || type == EntryType::kModality;
}

namespace {

constexpr char kMagic[8] = {'R', 'A', 'S', 'D', 'L', 'E', 'X', '\0'};
constexpr uint32_t kFormatVersion = 4;
constexpr char kWordSep = '\x1f';
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال  Al

// Drops the article ال from a folded word that is long enough to carry it.
// `norm` is the same word before alef folding: ألفان folds to الفان but has
// no article, so only a bare alef + lam in `norm` counts.
std::string_view StripArticle(std::string_view norm, std::string_view w) {
  if (w.size() >= kArticle.size() + 4 && norm.starts_with(kArticle)) w.remove_prefix(kArticle.size());
  return w;
}

bool IsUpperCode(std::string_view s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsInteger(std::string_view s, long lo, long hi) {
  if (s.empty() || s.size() > 12) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return false;
  for (size_t k = i; k < s.size(); ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  long v = std::stol(std::string(s));
  return v >= lo && v <= hi;
}

bool IsNumberValue(std::string_view s) {
  static const std::regex re(R"(-?[0-9]+(\.[0-9]+)?([eE][0-9]+)?)");
  return std::regex_match(s.begin(), s.end(), re);
}

struct KindSpec {
  const char* name;
  EntryType type;
  std::vector<const char*> columns;  // required besides surface and source
};

const std::vector<KindSpec>& KindSpecs() {
  static const std::vector<KindSpec> specs = {
      {"countries", EntryType::kCountry, {"code", "form"}},
      {"nisba", EntryType::kNisba, {"code", "gen"}},
      {"places", EntryType::kPlace, {"kind", "country", "metonym"}},
      {"organizations", EntryType::kOrganization, {"code", "country", "sector"}},
      {"gov_bodies", EntryType::kGovBody, {"sector", "kind"}},
      {"roles", EntryType::kRole, {"sector", "rank"}},
      {"honorifics", EntryType::kHonorific, {"kind"}},
      {"months", EntryType::kMonth, {"calendar", "month"}},
      {"weekdays", EntryType::kWeekday, {"weekday"}},
      {"temporal", EntryType::kTemporal, {"kind", "unit", "offset"}},
      {"numbers", EntryType::kNumber, {"value", "kind"}},
      {"persons", EntryType::kPersonName, {"country", "sector"}},
      {"triggers", EntryType::kTrigger, {"pos", "type", "mode", "cameo", "recipient", "actor"}},
      {"speech", EntryType::kSpeech, {"pos", "kind"}},
      {"modality", EntryType::kModality, {"kind"}},
  };
  return specs;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = base.find('.');
  return dot == std::string::npos ? base : base.substr(0, dot);
}

std::string Dash(const std::string& s) { return s == "-" ? std::string() : s; }

// The regular nisba forms of a masculine singular adjective (كازاخستاني):
// feminine, sound plurals, duals, the feminine plural and the accusative.
std::vector<std::string> NisbaForms(const std::string& masc) {
  // The last form is the indefinite accusative (مسؤولا أمريكيا).
  static const char* kSuffixes[] = {"", "ة", "ون", "ين", "ان", "تان", "تين", "ات", "ا"};
  std::vector<std::string> out;
  for (const char* s : kSuffixes) out.push_back(masc + s);
  return out;
}

constexpr std::string_view kYeh = "\xD9\x8A";          // ي
constexpr std::string_view kTeh = "\xD8\xAA";          // ت
constexpr std::string_view kAlefMaksura = "\xD9\x89";  // ى
constexpr std::string_view kAlef = "\xD8\xA7";         // ا

// The forms of a verb the press uses for third persons: perfect
// (اجتمع: اجتمعت، اجتمعوا، اجتمعا، اجتمعتا; التقى: التقت، التقوا; دعا: دعت، دعوا)
// and imperfect (يدعم: تدعم، يدعمون، يدعمان، تدعمان). First and second persons
// (نـ، أ) are left out: they clash with other words (يوقع → نوقع / توقع).
std::vector<std::string> VerbForms(const std::string& w, const std::string& pos) {
  std::vector<std::string> out{w};
  auto ends = [&](std::string_view suffix) { return std::string_view(w).ends_with(suffix); };
  if (pos == "perfect") {
    if (ends(kAlefMaksura) || ends(kAlef)) {
      std::string stem = w.substr(0, w.size() - 2);
      out.push_back(stem + "ت");
      out.push_back(stem + "وا");
      out.push_back(stem + "تا");
      if (ends(kAlefMaksura)) out.push_back(stem + "يا");
    } else {
      for (const char* suffix : {"ت", "وا", "ا", "تا"}) out.push_back(w + suffix);
    }
  } else if (pos == "imperfect" && std::string_view(w).starts_with(kYeh) && w.size() > 4) {
    std::string rest = w.substr(2);
    out.push_back(std::string(kTeh) + rest);
    bool weak = ends(kAlefMaksura) || ends(kYeh) || ends("\xD9\x88");  // ى ي و
    if (!weak) {
      out.push_back(w + "ون");
      out.push_back(w + "ان");
      out.push_back(std::string(kTeh) + rest + "ان");
    } else {
      // يجري → يجرون، يدعو → يدعون، يلقى → يلقون
      out.push_back(w.substr(0, w.size() - 2) + "ون");
    }
  }
  return out;
}

// The first persons of a verb, for quotations (نطالب، ندين، أدعو، فرضنا، دعونا،
// التقينا): kept apart from VerbForms because outside quotes they clash with
// other words (نوقع، أحمد); events read them only inside quotation marks,
// with the quoted speaker as the actor. The first person singular perfect
// (فرضت) is spelt like the third feminine and already generated.
// A circumstantial participle as the lexicons write it: one word in the masculine singular
// accusative (مطالبا، مشيرا، معربا), long enough to have a stem before its alef.
bool IsCircumstantial(const std::string& w) {
  return w.find(' ') == std::string::npos && std::string_view(w).ends_with(kAlef) && w.size() >= 8;
}

// Its other genders and numbers (issue #14: participles of other genders and numbers): مطالبة،
// مطالبين (plural, and the dual's accusative), مطالبات، مطالبتين.
std::vector<std::string> ParticipleForms(const std::string& w) {
  const std::string stem = w.substr(0, w.size() - kAlef.size());
  return {w, stem + "\xD8\xA9", stem + "\xD9\x8A\xD9\x86", stem + "\xD8\xA7\xD8\xAA",
          stem + "\xD8\xAA\xD9\x8A\xD9\x86"};  // ة ين ات تين
}

std::vector<std::string> FirstPersonForms(const std::string& w, const std::string& pos) {
  std::vector<std::string> out;
  auto ends = [&](std::string_view suffix) { return std::string_view(w).ends_with(suffix); };
  if (pos == "perfect") {
    if (ends(kAlefMaksura)) {
      out.push_back(w.substr(0, w.size() - 2) + "ينا");  // التقى → التقينا
    } else if (ends(kAlef)) {
      out.push_back(w.substr(0, w.size() - 2) + "ونا");  // دعا → دعونا
    } else {
      out.push_back(w + "نا");
    }
  } else if (pos == "imperfect" && std::string_view(w).starts_with(kYeh) && w.size() > 4) {
    out.push_back("ن" + w.substr(2));
    out.push_back("أ" + w.substr(2));
  }
  return out;
}

void PutU32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutStr(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool U32(uint32_t* v) {
    if (pos_ + 4 > data_.size()) return false;
    std::memcpy(v, data_.data() + pos_, 4);
    pos_ += 4;
    return true;
  }
  bool U8(uint8_t* v) {
    if (pos_ + 1 > data_.size()) return false;
    *v = static_cast<uint8_t>(data_[pos_++]);
    return true;
  }
  bool Str(std::string* s) {
    uint32_t n;
    if (!U32(&n) || pos_ + n > data_.size()) return false;
    s->assign(data_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Bytes(size_t n, std::string_view* s) {
    if (pos_ + n > data_.size()) return false;
    *s = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// 64-bit hash of (parent node, word) for the trie's edge table.
uint64_t EdgeHash(uint32_t parent, std::string_view word) {
  const uint64_t h = WordHash(word, parent);
  return h == 0 ? 1 : h;
}

}  // namespace

struct Lexicon::Impl {
  std::vector<std::string> files;
  std::vector<LexEntry> entries;
  std::vector<std::string> keys;  // per entry: key words joined by kWordSep
  // Trie over words: (parent node, word) -> node; node 0 is the root. The
  // edges live in one open-addressing table (a look-up per token is the
  // matcher's inner loop), kept at most half full.
  struct Edge {
    uint64_t hash = 0;  // 0: empty slot
    uint32_t parent = 0;
    uint32_t child = 0;
    // The word: in the slot when it fits (comparing it then costs no second
    // cache miss), else a pointer to it in `words`.
    uint32_t size = 0;
    char bytes[12] = {};
    static constexpr size_t kInline = sizeof(bytes);

    void SetWord(std::string_view w) {
      size = static_cast<uint32_t>(w.size());
      if (w.size() <= kInline) {
        std::memcpy(bytes, w.data(), w.size());
      } else {
        const char* p = w.data();
        std::memcpy(bytes, &p, sizeof p);
      }
    }
    std::string_view Word() const {
      if (size <= kInline) return std::string_view(bytes, size);
      const char* p;
      std::memcpy(&p, bytes, sizeof p);
      return std::string_view(p, size);
    }
  };
  static_assert(sizeof(Edge) == 32);
  std::deque<std::string> words;
  HugePageVector<Edge> edges = HugePageVector<Edge>(1024);
  size_t edge_count = 0;
  std::vector<std::vector<uint32_t>> node_entries{1};
  // One bit per edge hash (8 bits per slot of the edge table, so at least
  // 16 per edge): most tokens start no phrase, and the filter answers them
  // without touching the edge table. Kept small (64 KB for the entity
  // lexicon) so that it stays in the caches beside the tagger's tables.
  static constexpr size_t kFilterBitsPerSlot = 8;
  std::vector<uint64_t> filter = std::vector<uint64_t>(1024 * kFilterBitsPerSlot / 64);
  size_t FilterBit(uint64_t h) const { return (h >> 32) & (filter.size() * 64 - 1); }

  uint32_t Child(uint32_t parent, std::string_view word) const {
    const uint64_t h = EdgeHash(parent, word);
    const size_t bit = FilterBit(h);
    if ((filter[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return 0;
    const size_t mask = edges.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Edge& e = edges[i];
      if (e.hash == 0) return 0;
      if (e.hash == h && e.parent == parent && e.Word() == word) return e.child;
    }
  }

  void AddEdge(uint32_t parent, std::string_view word, uint32_t child) {
    if ((edge_count + 1) * 2 > edges.size()) {
      HugePageVector<Edge> old(edges.size() * 2);
      old.swap(edges);
      filter.assign(edges.size() * kFilterBitsPerSlot / 64, 0);
      edge_count = 0;
      for (const Edge& e : old) {
        if (e.hash != 0) AddEdge(e.parent, e.Word(), e.child);
      }
    }
    const uint64_t h = EdgeHash(parent, word);
    const size_t mask = edges.size() - 1;
    size_t i = h & mask;
    while (edges[i].hash != 0) i = (i + 1) & mask;
    Edge& e = edges[i];
    e.hash = h;
    e.parent = parent;
    e.child = child;
    e.SetWord(word);
    const size_t bit = FilterBit(h);
    filter[bit / 64] |= uint64_t{1} << (bit % 64);
    ++edge_count;
  }

  void Insert(uint32_t entry_index) {
    const std::string& key = keys[entry_index];
    uint32_t node = 0;
    size_t start = 0;
    while (start <= key.size()) {
      size_t sep = key.find(kWordSep, start);
      std::string_view w = std::string_view(key).substr(start, sep == std::string::npos ? std::string::npos : sep - start);
      uint32_t child = Child(node, w);
      if (child == 0) {
        words.emplace_back(w);
        child = static_cast<uint32_t>(node_entries.size());
        node_entries.emplace_back();
        AddEdge(node, words.back(), child);
      }
      node = child;
      if (sep == std::string::npos) break;
      start = sep + 1;
    }
    node_entries[node].push_back(entry_index);
  }

  void Add(LexEntry e, std::string key) {
    entries.push_back(std::move(e));
    keys.push_back(std::move(key));
    Insert(static_cast<uint32_t>(entries.size() - 1));
    generation = NextGeneration();
  }

  // Unique to this content in this process (Lexicon::generation()).
  static uint64_t NextGeneration() {
    static std::atomic<uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }
  uint64_t generation = NextGeneration();
};

uint64_t Lexicon::generation() const { return impl_->generation; }

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

const LexEntry& Lexicon::entry(uint32_t i) const { return impl_->entries[i]; }

const LexEntry* Lexicon::CueOf(const LexiconMatch& m, std::string_view kind) const {
  for (uint32_t id : m.entries) {
    const LexEntry& e = impl_->entries[id];
    if (e.type == EntryType::kCue && e.kind == kind) return &e;
  }
  return nullptr;
}
size_t Lexicon::size() const { return impl_->entries.size(); }
const std::vector<std::string>& Lexicon::files() const { return impl_->files; }

namespace {

// Tokenises `text` like a document (no clitic splitting) and returns the
// folded words.
std::vector<std::pair<std::string, std::string>> NormAndFoldedWords(std::string_view text) {
  Document doc;
  doc.text = std::string(text);
  NormalizedText n = Normalize(doc.text, SegmenterNormalizeOptions());
  doc.norm = std::move(n.text);
  doc.norm_to_text = std::move(n.to_orig);
  doc.folded = FoldForMatching(doc.norm);
  Tokenize(nullptr, &doc);
  std::vector<std::pair<std::string, std::string>> words;
  for (const Token& t : doc.tokens) words.emplace_back(doc.Norm(t.norm), doc.Folded(t.norm));
  return words;
}

}  // namespace

std::string Lexicon::KeyOf(std::string_view surface) {
  auto words = NormAndFoldedWords(surface);
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) key.push_back(kWordSep);
    key += i == 0 ? std::string(StripArticle(words[i].first, words[i].second)) : words[i].second;
  }
  return key;
}

Status Lexicon::AddTsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return AddTsv(ss.str(), path);
}

Status Lexicon::AddTsv(std::string_view content, const std::string& name) {
  auto parsed = ParseTsv(content, name);
  if (!parsed.ok()) return parsed.status();
  const TsvFile& f = *parsed;
  std::string kind = f.header.count("rasd kind") ? f.header.at("rasd kind") : BaseName(name);
  auto fail = [&](uint32_t line, const std::string& what) {
    return InvalidArgumentError(name + ":" + std::to_string(line) + ": " + what);
  };
  // Dated persons are known by their columns (data/lexicons/persons/<region>.tsv).
  if (kind == "dated_persons" || (f.Column("person") >= 0 && f.Column("names") >= 0)) return AddDatedPersons(f, name);
  // Lists owned by one component (the segmenter, the NER model), not entities.
  if (kind == "segmenter_guard" || kind == "ner_cues") return Status::Ok();
  const KindSpec* spec = nullptr;
  for (const KindSpec& s : KindSpecs()) {
    if (kind == s.name) spec = &s;
  }
  int surface_col = f.Column("surface");
  if (surface_col < 0) return fail(0, "missing column 'surface'");
  if (f.Column("source") < 0) return fail(0, "missing column 'source' (where each fact comes from)");
  if (f.header.find("source") == f.header.end() || f.header.find("license") == f.header.end()) {
    return fail(1, "header must have '# source:' and '# license:' lines");
  }
  std::vector<int> cols;
  if (spec != nullptr) {
    for (const char* c : spec->columns) {
      int idx = f.Column(c);
      if (idx < 0) return fail(0, std::string("missing column '") + c + "' for a " + kind + " file");
      cols.push_back(idx);
    }
  }
  // Validate and convert every row first so that a bad file adds nothing.
  std::vector<std::pair<LexEntry, std::string>> pending;
  const uint16_t file_index = static_cast<uint16_t>(impl_->files.size());
  for (const TsvRow& row : f.rows) {
    auto col = [&](size_t i) -> const std::string& { return row.fields[cols[i]]; };
    LexEntry e;
    e.surface = row.fields[surface_col];
    e.file = file_index;
    e.line = row.line;
    e.type = spec ? spec->type : EntryType::kCue;
    std::vector<std::string> surfaces{e.surface};
    std::vector<std::string> first_person;  // triggers only: FirstPersonForms
    switch (e.type) {
      case EntryType::kCountry:
        if (!IsUpperCode(col(0), 3, 3)) return fail(row.line, "code '" + col(0) + "' is not a 3-letter code");
        if (col(1) != "official" && col(1) != "short" && col(1) != "variant") {
          return fail(row.line, "form must be official, short or variant");
        }
        e.code = e.country = col(0);
        e.kind = col(1);
        break;
      case EntryType::kNisba:
        if (!IsUpperCode(col(0), 3, 3)) return fail(row.line, "code '" + col(0) + "' is not a 3-letter code");
        if (col(1) != "regular" && col(1) != "none") return fail(row.line, "gen must be regular or none");
        e.code = e.country = col(0);
        e.kind = "nisba";
        if (col(1) == "regular") surfaces = NisbaForms(e.surface);
        // A two-word nisba written bare (كوري شمالي) is also printed definite
        // on every word (الكوري الشمالي); the matcher strips ال from the first only.
        if (col(1) == "none" && e.surface.find(' ') != std::string::npos && !e.surface.starts_with("\xD8\xA7\xD9\x84")) {
          std::string definite;
          for (size_t start = 0; start <= e.surface.size();) {
            size_t sp = e.surface.find(' ', start);
            definite += (definite.empty() ? "" : " ") + std::string("\xD8\xA7\xD9\x84") +
                        e.surface.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
            if (sp == std::string::npos) break;
            start = sp + 1;
          }
          surfaces.push_back(definite);
        }
        break;
      case EntryType::kPlace:
        if (col(1) != "-" && !IsUpperCode(col(1), 3, 3)) return fail(row.line, "country must be a 3-letter code or -");
        if (col(2) != "yes" && col(2) != "no") return fail(row.line, "metonym must be yes or no");
        e.kind = col(0);
        e.country = Dash(col(1));
        e.code = e.country;
        e.extra = col(2) == "yes" ? "metonym" : "";
        break;
      case EntryType::kOrganization:
        if (!IsUpperCode(col(0), 3, 15)) return fail(row.line, "code '" + col(0) + "' must be 3-15 capital letters");
        if (col(1) != "-" && !IsUpperCode(col(1), 3, 3)) return fail(row.line, "country must be a 3-letter code or -");
        e.code = col(0);
        e.country = Dash(col(1));
        e.sector = Dash(col(2));
        break;
      case EntryType::kPersonName:
        if (col(0) != "-" && !IsUpperCode(col(0), 3, 3)) return fail(row.line, "country must be a 3-letter code or -");
        if (col(1) != "-" && !IsUpperCode(col(1), 3, 3)) return fail(row.line, "sector must be a 3-letter code or -");
        e.country = Dash(col(0));
        e.sector = Dash(col(1));
        e.code = e.country + e.sector;
        break;
      case EntryType::kGovBody:
      case EntryType::kRole:
        if (col(0) != "-" && !IsUpperCode(col(0), 3, 3)) return fail(row.line, "sector must be a 3-letter code or -");
        e.sector = Dash(col(0));
        e.kind = col(1);
        break;
      case EntryType::kHonorific:
        e.kind = col(0);
        break;
      case EntryType::kMonth:
        if (col(0) != "gregorian" && col(0) != "hijri") return fail(row.line, "calendar must be gregorian or hijri");
        if (!IsInteger(col(1), 1, 12)) return fail(row.line, "month must be 1-12");
        e.kind = col(0);
        e.value = col(1);
        break;
      case EntryType::kWeekday:
        if (!IsInteger(col(0), 1, 7)) return fail(row.line, "weekday must be 1 (Monday) to 7 (Sunday)");
        e.value = col(0);
        break;
      case EntryType::kTemporal:
        if (col(2) != "-" && !IsInteger(col(2), -1000, 1000)) return fail(row.line, "offset must be an integer or -");
        e.kind = col(0);
        e.extra = Dash(col(1));
        e.value = Dash(col(2));
        break;
      case EntryType::kNumber:
        if (col(0) != "-" && !IsNumberValue(col(0))) return fail(row.line, "value must be a number or -");
        e.value = Dash(col(0));
        e.kind = col(1);
        break;
      case EntryType::kTrigger: {
        static const std::set<std::string> kTypes = {
            "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
            "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
        static const std::set<std::string> kPos = {"perfect", "imperfect", "masdar", "participle", "phrase"};
        if (!kPos.count(col(0))) return fail(row.line, "pos '" + col(0) + "' is not perfect, imperfect, masdar, participle or phrase");
        if (!kTypes.count(col(1))) return fail(row.line, "type '" + col(1) + "' is not a PLOVER event type");
        if (!IsInteger(col(3), 10, 2099) || col(3).size() < 3 || col(3).size() > 4) {
          return fail(row.line, "cameo '" + col(3) + "' is not a 3-4 digit CAMEO code");
        }
        if (col(5) != "subj" && col(5) != "agent" && col(5) != "obj") return fail(row.line, "actor must be subj, agent or obj");
        e.kind = col(0);
        e.value = col(1);
        e.mode = Dash(col(2));
        e.cameo = col(3);
        e.extra = col(4);
        e.actor = col(5);
        if (const int ev = f.Column("evaluation"); ev >= 0) {
          e.evaluation = Dash(row.fields[ev]);
          if (!e.evaluation.empty() && e.evaluation != "negative" && e.evaluation != "positive" &&
              e.evaluation != "deontic") {
            return fail(row.line, "evaluation must be negative, positive, deontic or -");
          }
        }
        // Verbs, and the first word of verbal phrases, are inflected.
        std::string first = e.surface.substr(0, e.surface.find(' '));
        std::string rest = e.surface.size() > first.size() ? e.surface.substr(first.size()) : "";
        if (e.kind == "perfect" || e.kind == "imperfect") {
          surfaces = VerbForms(e.surface, e.kind);
          first_person = FirstPersonForms(e.surface, e.kind);
        } else if (e.kind == "phrase") {
          surfaces.clear();
          std::string pos = std::string_view(first).starts_with(kYeh) ? "imperfect" : "perfect";
          for (const std::string& form : VerbForms(first, pos)) surfaces.push_back(form + rest);
          // The imperfect of a phrase's perfect verb, for لم تقدم / لن تفرض / يقطع:
          // ي + the perfect, also without a leading alef (أرسل → يرسل، اتهم → يتهم).
          // Over-generation is harmless: a form that does not exist never matches.
          if (pos == "perfect" && !std::string_view(first).ends_with(kAlefMaksura) &&
              !std::string_view(first).ends_with(kAlef)) {
            std::vector<std::string> stems{std::string(kYeh) + first};
            for (std::string_view alef : {"\xD8\xA7", "\xD8\xA3"}) {  // ا أ
              if (std::string_view(first).starts_with(alef)) stems.push_back(std::string(kYeh) + first.substr(alef.size()));
            }
            for (const std::string& stem : stems) {
              for (const std::string& form : VerbForms(stem, "imperfect")) surfaces.push_back(form + rest);
            }
          }
          for (const std::string& form : FirstPersonForms(first, pos)) first_person.push_back(form + rest);
        } else if (e.kind == "participle" && IsCircumstantial(first)) {
          surfaces.clear();
          for (const std::string& form : ParticipleForms(first)) surfaces.push_back(form + rest);
        }
        if (e.kind == "phrase" || e.kind == "participle") {
          // A phrase ending in the pronoun ـه (أعرب عن قلقه، جدد رفضه، معربا عن قلقه) takes the
          // subject's other persons too: قلقها، قلقهم، قلقهما، قلقنا، قلقي.
          const size_t last_space = e.surface.rfind(' ');
          if (last_space != std::string::npos && e.surface.size() - last_space > 5 &&
              std::string_view(e.surface).ends_with("\xD9\x87")) {  // ه
            for (std::vector<std::string>* forms : {&surfaces, &first_person}) {
              const std::vector<std::string> base_forms = *forms;
              for (std::string_view pronoun : {"\xD9\x87\xD8\xA7", "\xD9\x87\xD9\x85", "\xD9\x87\xD9\x85\xD8\xA7",
                                               "\xD9\x86\xD8\xA7", "\xD9\x8A"}) {  // ها هم هما نا ي
                for (const std::string& form : base_forms) {
                  forms->push_back(form.substr(0, form.size() - 2) + std::string(pronoun));
                }
              }
            }
          }
        }
        break;
      }
      case EntryType::kSpeech:
        e.kind = col(1);
        e.value = col(0);
        if (col(0) == "perfect" || col(0) == "imperfect") surfaces = VerbForms(e.surface, col(0));
        if (col(0) == "participle" && IsCircumstantial(e.surface)) surfaces = ParticipleForms(e.surface);
        break;
      case EntryType::kModality:
        e.kind = col(0);
        break;
      case EntryType::kCue: {
        e.kind = kind;
        // A cue list's own class: its first column besides surface and source
        // (function_words: kind; homograph_names: word_if; not_events: note).
        for (size_t c = 0; c < f.columns.size(); ++c) {
          if (f.columns[c] != "surface" && f.columns[c] != "source") {
            e.value = row.fields[c];
            break;
          }
        }
        break;
      }
    }
    std::set<std::string> seen_keys;
    for (const std::string& s : surfaces) {
      std::string key = KeyOf(s);
      if (!seen_keys.insert(key).second) continue;  // generated forms that fold together
      if (key.empty() || key.find_first_not_of(kWordSep) == std::string::npos) {
        return fail(row.line, "surface '" + s + "' normalises to nothing");
      }
      LexEntry copy = e;
      copy.surface = s;
      pending.emplace_back(std::move(copy), std::move(key));
    }
    for (const std::string& s : first_person) {
      std::string key = KeyOf(s);
      if (key.empty() || !seen_keys.insert(key).second) continue;  // a third-person form wins
      LexEntry copy = e;
      copy.surface = s;
      copy.kind = "first_person";
      pending.emplace_back(std::move(copy), std::move(key));
    }
  }
  impl_->files.push_back(name);
  for (auto& [e, key] : pending) impl_->Add(std::move(e), std::move(key));
  return Status::Ok();
}

namespace {

// YYYY, YYYY-MM or YYYY-MM-DD with a plausible month and day.
bool IsPartialDate(std::string_view s) {
  static const std::regex re(R"([12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)");
  return std::regex_match(s.begin(), s.end(), re);
}

}  // namespace

Status Lexicon::AddDatedPersons(const TsvFile& f, const std::string& name) {
  auto fail = [&](uint32_t line, const std::string& what) {
    return InvalidArgumentError(name + ":" + std::to_string(line) + ": " + what);
  };
  if (f.header.find("source") == f.header.end() || f.header.find("license") == f.header.end()) {
    return fail(1, "header must have '# source:' and '# license:' lines");
  }
  int cols[9];
  const char* names[9] = {"person", "names", "code", "country", "sector", "from", "to", "role", "source"};
  for (int i = 0; i < 9; ++i) {
    cols[i] = f.Column(names[i]);
    if (cols[i] < 0) return fail(0, std::string("missing column '") + names[i] + "' for a dated persons file");
  }
  std::vector<std::pair<LexEntry, std::string>> pending;
  const uint16_t file_index = static_cast<uint16_t>(impl_->files.size());
  std::map<std::string, std::string> names_of;  // person id -> names cell: one person, one list of names
  for (const TsvRow& row : f.rows) {
    auto col = [&](int i) -> const std::string& { return row.fields[cols[i]]; };
    LexEntry e;
    e.type = EntryType::kPersonName;
    e.file = file_index;
    e.line = row.line;
    e.kind = col(0);
    e.code = col(2);
    e.country = Dash(col(3));
    e.sector = Dash(col(4));
    e.from = col(5);
    e.to = Dash(col(6));
    e.value = col(7);
    if (e.kind.find('.') == std::string::npos) return fail(row.line, "person id '" + e.kind + "' must look like sau.faisal_bin_farhan");
    auto [it, fresh] = names_of.emplace(e.kind, col(1));
    if (!fresh && it->second != col(1)) return fail(row.line, e.kind + ": names differ from an earlier line of the same person");
    if (!IsUpperCode(e.code, 3, 15)) return fail(row.line, "code '" + e.code + "' must be 3-15 capital letters");
    if (!e.country.empty() && (!IsUpperCode(e.country, 3, 3) || !e.code.starts_with(e.country))) {
      return fail(row.line, "country '" + e.country + "' must be a 3-letter code that starts the code");
    }
    if (!e.sector.empty() && !IsUpperCode(e.sector, 3, 3)) return fail(row.line, "sector must be a 3-letter code or -");
    if (!IsPartialDate(e.from)) return fail(row.line, "from '" + e.from + "' must be YYYY, YYYY-MM or YYYY-MM-DD");
    if (!e.to.empty() && !IsPartialDate(e.to)) return fail(row.line, "to '" + e.to + "' must be a date or -");
    if (!e.to.empty() && e.to < e.from.substr(0, e.to.size())) return fail(row.line, "to is before from");
    std::set<std::string> seen_keys;
    for (size_t start = 0; start <= col(1).size();) {
      size_t bar = col(1).find('|', start);
      std::string surface = col(1).substr(start, bar == std::string::npos ? std::string::npos : bar - start);
      start = bar == std::string::npos ? col(1).size() + 1 : bar + 1;
      std::string key = KeyOf(surface);
      if (key.empty() || key.find_first_not_of(kWordSep) == std::string::npos) {
        return fail(row.line, "name '" + surface + "' normalises to nothing");
      }
      if (!seen_keys.insert(key).second) continue;  // spellings that fold together
      LexEntry copy = e;
      copy.surface = std::move(surface);
      pending.emplace_back(std::move(copy), std::move(key));
    }
  }
  impl_->files.push_back(name);
  for (auto& [e, key] : pending) impl_->Add(std::move(e), std::move(key));
  return Status::Ok();
}

std::string Lexicon::Serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  PutU32(&out, kFormatVersion);
  PutU32(&out, static_cast<uint32_t>(impl_->files.size()));
  for (const std::string& f : impl_->files) PutStr(&out, f);
  PutU32(&out, static_cast<uint32_t>(impl_->entries.size()));
  for (size_t i = 0; i < impl_->entries.size(); ++i) {
    const LexEntry& e = impl_->entries[i];
    out.push_back(static_cast<char>(e.type));
    PutU32(&out, e.file);
    PutU32(&out, e.line);
    const std::string* fields[] = {&e.surface, &e.code,  &e.country, &e.sector, &e.kind, &e.value, &e.extra,
                                   &e.mode,    &e.cameo, &e.actor,   &e.evaluation, &e.from, &e.to, &impl_->keys[i]};
    for (const std::string* s : fields) PutStr(&out, *s);
  }
  return out;
}

StatusOr<Lexicon> Lexicon::FromBlob(std::string_view blob, bool (*keep)(EntryType)) {
  Reader r(blob);
  std::string_view magic;
  uint32_t version = 0, nfiles = 0, nentries = 0;
  if (!r.Bytes(sizeof(kMagic), &magic) || magic != std::string_view(kMagic, sizeof(kMagic))) {
    return DataLossError("lexicon blob: bad magic (not a rasd lexicon)");
  }
  if (!r.U32(&version) || version != kFormatVersion) {
    return DataLossError("lexicon blob: format version " + std::to_string(version) + ", expected " +
                         std::to_string(kFormatVersion));
  }
  Lexicon lex;
  if (!r.U32(&nfiles)) return DataLossError("lexicon blob: truncated");
  for (uint32_t i = 0; i < nfiles; ++i) {
    std::string f;
    if (!r.Str(&f)) return DataLossError("lexicon blob: truncated");
    lex.impl_->files.push_back(std::move(f));
  }
  if (!r.U32(&nentries)) return DataLossError("lexicon blob: truncated");
  for (uint32_t i = 0; i < nentries; ++i) {
    LexEntry e;
    uint8_t type;
    uint32_t file, line;
    std::string key;
    if (!r.U8(&type) || !r.U32(&file) || !r.U32(&line) || type > static_cast<uint8_t>(EntryType::kCue) ||
        file >= nfiles) {
      return DataLossError("lexicon blob: corrupt entry " + std::to_string(i));
    }
    e.type = static_cast<EntryType>(type);
    e.file = static_cast<uint16_t>(file);
    e.line = line;
    for (std::string* s : {&e.surface, &e.code, &e.country, &e.sector, &e.kind, &e.value, &e.extra, &e.mode,
                           &e.cameo, &e.actor, &e.evaluation, &e.from, &e.to, &key}) {
      if (!r.Str(s)) return DataLossError("lexicon blob: truncated entry " + std::to_string(i));
    }
    if (keep != nullptr && !keep(e.type)) continue;
    lex.impl_->Add(std::move(e), std::move(key));
  }
  return lex;
}

namespace {

// The preposition of token k when it is a bare preposition with an enclitic
// pronoun and nothing before it (عليه، إليها، معهم، ضده، منه، عنهم), else "".
std::string_view PrepositionStem(const Document& doc, uint32_t k) {
  const Token& t = doc.tokens[k];
  if (t.segment_count != 2 || doc.segments[t.first_segment].kind == SegmentKind::kProclitic ||
      doc.segments[t.first_segment + 1].kind != SegmentKind::kEnclitic) {
    return {};
  }
  const Segment& stem = doc.segments[t.first_segment];
  std::string_view s = std::string_view(doc.folded).substr(stem.norm.begin, stem.norm.size());
  // على إلى عن مع من ضد (folded: ى → ي, إ → ا)
  static constexpr std::string_view kPrepositions[] = {
      "\xD8\xB9\xD9\x84\xD9\x8A", "\xD8\xA7\xD9\x84\xD9\x8A", "\xD8\xB9\xD9\x86", "\xD9\x85\xD8\xB9",
      "\xD9\x85\xD9\x86", "\xD8\xB6\xD8\xAF"};
  for (std::string_view p : kPrepositions) {
    if (s == p) return s;
  }
  return {};
}

}  // namespace

LexiconMatch Lexicon::MatchAt(const Document& doc, uint32_t i, uint32_t limit, bool without_enclitics) const {
  const auto& toks = doc.tokens;
  const std::string_view folded(doc.folded);
  auto word = [&](uint32_t k) { return folded.substr(toks[k].norm.begin, toks[k].norm.size()); };
  LexiconMatch result{i, 0, {}};
  limit = std::min<uint32_t>(limit, static_cast<uint32_t>(toks.size()));
  if (i >= limit) return result;
  const Token& t = toks[i];
  if (t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kSymbol) return result;
  // Forms the first word may take: the whole token, the token without its
  // proclitics, and after ل the article's ل (لل = ل + ال).
  // A word that starts with a bare alef + lam is tried with and without the
  // article (المانيا may be ألمانيا written without hamza).
  const std::string_view norm(doc.norm);
  std::string_view forms[5];
  int nforms = 0;
  auto add_forms = [&](uint32_t begin, uint32_t end) {
    std::string_view w = folded.substr(begin, end - begin);
    std::string_view stripped = StripArticle(norm.substr(begin, end - begin), w);
    forms[nforms++] = stripped;
    if (stripped.size() != w.size()) forms[nforms++] = w;
  };
  add_forms(t.norm.begin, t.norm.end);
  if (t.segment_count > 1 && doc.segments[t.first_segment].kind == SegmentKind::kProclitic) {
    const Segment& stem = doc.segments[t.stem()];
    std::string_view rest = folded.substr(stem.norm.begin, t.norm.end - stem.norm.begin);
    add_forms(stem.norm.begin, t.norm.end);
    const Segment& last_pro = doc.segments[t.stem() - 1];
    if (nforms < 5 && folded.substr(last_pro.norm.begin, last_pro.norm.size()) == "\xD9\x84" &&
        rest.starts_with("\xD9\x84") && rest.size() >= 6) {
      forms[nforms++] = rest.substr(2);
    }
  }
  uint32_t best_len = 0, best_node = 0;
  // The longest phrase whose first word is `first` and whose other words follow token i.
  auto longest = [&](std::string_view first, bool possessed) {
    uint32_t node = impl_->Child(0, first);
    for (uint32_t j = i; node != 0;) {
      if (!impl_->node_entries[node].empty() && j - i + 1 > best_len) {
        best_len = j - i + 1;
        best_node = node;
        result.possessed = possessed;
        result.object_pronoun = false;
      }
      if (++j >= limit) break;
      const uint32_t next = impl_->Child(node, word(j));
      if (next == 0 && without_enclitics) {
        // A closing preposition with its pronoun (قبض على → القبض عليه): the phrase ends here.
        if (std::string_view stem = PrepositionStem(doc, j); !stem.empty()) {
          const uint32_t last = impl_->Child(node, stem);
          if (last != 0 && !impl_->node_entries[last].empty() && j - i + 1 > best_len) {
            best_len = j - i + 1;
            best_node = last;
            result.possessed = possessed;
            result.object_pronoun = true;
          }
        }
      }
      node = next;
    }
  };
  for (int f = 0; f < nforms; ++f) longest(forms[f], false);
  // The stem without its enclitic pronoun (a word with a pronoun takes no
  // article); ة and ء come back before a suffix (زيارت+ه → زيارة، لقائ+ه → لقاء).
  if (without_enclitics && t.segment_count > 1 &&
      doc.segments[t.first_segment + t.segment_count - 1].kind == SegmentKind::kEnclitic) {
    const Segment& stem = doc.segments[t.stem()];
    const std::string_view base = folded.substr(stem.norm.begin, stem.norm.size());
    longest(base, true);
    std::string_view restore;
    if (base.ends_with("\xD8\xAA")) restore = "\xD9\x87";  // ت → ة (folded ه)
    if (base.ends_with("\xD8\xA6") || base.ends_with("\xD8\xA4")) restore = "\xD8\xA1";  // ئ ؤ → ء
    if (!restore.empty()) longest(std::string(base.substr(0, base.size() - 2)).append(restore), true);
  }
  if (best_len > 0) {
    result.token_count = best_len;
    result.entries = impl_->node_entries[best_node];
  }
  return result;
}

std::vector<LexiconMatch> Lexicon::Match(const Document& doc, bool without_enclitics) const {
  std::vector<LexiconMatch> out;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i < n;) {
    LexiconMatch m = MatchAt(doc, i, n, without_enclitics);
    if (m.token_count == 0) {
      ++i;
      continue;
    }
    i += m.token_count;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<uint32_t> Lexicon::Lookup(std::string_view phrase) const {
  std::string key = KeyOf(phrase);
  uint32_t node = 0;
  size_t start = 0;
  while (true) {
    size_t sep = key.find(kWordSep, start);
    node = impl_->Child(node, std::string_view(key).substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (node == 0) return {};
    if (sep == std::string::npos) break;
    start = sep + 1;
  }
  return impl_->node_entries[node];
}

}  // namespace rasd::internal
