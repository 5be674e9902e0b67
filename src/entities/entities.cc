#include "entities/entities.h"

#include <algorithm>
#include <map>
#include <set>
#include <optional>
#include <string>

#include "entities/person_roles.h"
#include "entities/sites.h"
#include "ner/history.h"
#include "ner/lexicon_cues.h"
#include "rasd/normalize.h"

namespace rasd {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kGpe: return "GPE";
    case EntityType::kNorp: return "NORP";
    case EntityType::kRole: return "ROLE";
    case EntityType::kDate: return "DATE";
    case EntityType::kNumber: return "NUM";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

namespace internal {
namespace {

// What a lexicon phrase is, for entity building (one per match, by priority).
enum class Cat : uint8_t {
  kNone, kPersonName, kOrg, kCountry, kGovBody, kRole, kNisba, kPlace, kHonorific, kFunction, kTime, kOther
};

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";        // ال
constexpr std::string_view kWaw = "\xD9\x88";                     // و
constexpr std::string_view kLadaa = "\xD9\x84\xD8\xAF\xD9\x8A";  // لدي (لدى folded): posted to
constexpr std::string_view kFi = "\xD9\x81\xD9\x8A";              // في
constexpr std::string_view kBeh = "\xD8\xA8";                     // ب
constexpr std::string_view kMin = "\xD9\x85\xD9\x86";              // من

Cat CategoryOf(const LexEntry& e) {
  switch (e.type) {
    case EntryType::kPersonName: return Cat::kPersonName;
    case EntryType::kOrganization: return Cat::kOrg;
    case EntryType::kCountry: return Cat::kCountry;
    case EntryType::kGovBody: return Cat::kGovBody;
    case EntryType::kRole: return e.kind == "modifier" ? Cat::kOther : Cat::kRole;
    case EntryType::kNisba: return Cat::kNisba;
    case EntryType::kPlace: return Cat::kPlace;
    case EntryType::kHonorific: return Cat::kHonorific;
    case EntryType::kMonth:
    case EntryType::kWeekday:
    case EntryType::kTemporal:
    case EntryType::kNumber: return Cat::kTime;
    case EntryType::kCue: return e.kind == "function_words" ? Cat::kFunction : Cat::kOther;
    case EntryType::kTrigger:
    case EntryType::kSpeech:
    case EntryType::kModality: return Cat::kOther;
  }
  return Cat::kOther;
}

struct Phrase {
  uint32_t first = 0, end = 0;  // tokens
  Cat cat = Cat::kNone;
  const LexEntry* entry = nullptr;  // the entry of that category
  const LexiconMatch* match = nullptr;  // every entry of the phrase (a name's persons and roles)
};

// A role phrase with what is attached to it: سفير دولة فلسطين، السكرتير الثاني
// في السفارة الفلسطينية، وزير الخارجية الأردني، مدير إدارة … في وزارة الخارجية الكازاخستانية.
struct RolePhrase {
  uint32_t first = 0, end = 0;   // the role words with a directly attached country or nisba
  uint32_t chain_end = 0;        // end of everything attached (في + organisation, لدى + country)
  std::string sector, rank, head;
  std::string country;           // the role holder's country
  std::string code;              // the organisation's code when the role is one of its offices (IGOUNO, PSEREB)
  std::string posted_to;         // لدى X
  bool has_nisba = false;        // السفير الفلسطيني: nominal mention by nationality
  bool coordinated = false;      // starts with و (a second role of the same person)
};

// Ranks of people named by what they are, not who (مدنيون، محتجون، مسلحون): they take a country from
// من + country or from the place of the sentence.
const std::set<std::string> kGroupRanks = {"civilian", "activist", "rebel", "labor", "refugee", "criminal",
                                           "journalist"};

struct PersonMention {
  uint32_t first = 0, end = 0;   // name tokens, or the role phrase for nominal mentions
  bool named = true;
  std::vector<int> roles;        // indices into roles
  std::string country, sector;
  std::string code;  // a known person's code on the article's date (IGOUNO, USAELI); "" = country + sector
  int cluster = -1;
};

class Recognizer {
 public:
  Recognizer(const EntityResources& res, const std::vector<LexiconMatch>& matches, Document* doc)
      : res_(res), doc_(doc), n_(static_cast<uint32_t>(doc->tokens.size())) {
    phrase_of_.assign(n_, -1);
    taken_.assign(n_, false);
    for (const Entity& e : doc->entities) {
      for (uint32_t t = e.first_token; t < e.first_token + e.token_count && t < n_; ++t) taken_[t] = true;
    }
    // Countries the article names unambiguously (الأردن، الأردني), to tell
    // homographs apart: عمان is Amman in an article about Jordan that never
    // otherwise names Oman.
    std::map<std::string, int> named;
    for (const LexiconMatch& m : matches) {
      std::string code;
      bool single = true;
      for (uint32_t id : m.entries) {
        const LexEntry& e = res.lexicon->entry(id);
        Cat c = CategoryOf(e);
        if (c != Cat::kCountry && c != Cat::kNisba && c != Cat::kPlace) continue;
        std::string country = c == Cat::kPlace ? e.country : e.code;
        if (country.empty()) continue;
        if (!code.empty() && code != country) single = false;
        code = country;
      }
      if (single && !code.empty()) ++named[code];
    }
    for (const LexiconMatch& m : matches) {
      Phrase p{m.first_token, m.first_token + m.token_count, Cat::kNone, nullptr, &m};
      const LexEntry* as_place = nullptr;
      const LexEntry* as_country = nullptr;
      for (uint32_t id : m.entries) {
        const LexEntry& e = res.lexicon->entry(id);
        if (CategoryOf(e) == Cat::kPlace && !e.country.empty()) as_place = &e;
        if (CategoryOf(e) == Cat::kCountry) as_country = &e;
      }
      const bool place_by_context = as_place != nullptr && as_country != nullptr &&
                                    as_place->country != as_country->code && named.count(as_place->country) &&
                                    !named.count(as_country->code);
      // A written shadda tells a city from a country spelt alike once
      // diacritics are gone (عمّان Amman, عُمان Oman).
      bool shadda = doc->Text(Span{doc->tokens[m.first_token].span.begin,
                                   doc->tokens[m.first_token + m.token_count - 1].span.end})
                        .find("\xD9\x91") != std::string_view::npos;
      for (uint32_t id : m.entries) {
        const LexEntry& e = res.lexicon->entry(id);
        Cat c = CategoryOf(e);
        if (m.token_count == 1 && (ArticleMismatch(e, m.first_token) || HamzaMismatch(e, m.first_token))) continue;
        const bool prefer_place = shadda || place_by_context;
        if (prefer_place && c == Cat::kPlace && p.cat == Cat::kCountry) {
          p.cat = c;
          p.entry = &e;
          continue;
        }
        if (prefer_place && c == Cat::kCountry && p.cat == Cat::kPlace) continue;
        if (p.cat == Cat::kNone || c < p.cat) {
          p.cat = c;
          p.entry = &e;
        }
      }
      for (uint32_t t = p.first; t < p.end; ++t) phrase_of_[t] = static_cast<int>(phrases_.size());
      phrases_.push_back(p);
    }
    sentence_of_.assign(n_, 0);
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      const Sentence& sent = doc->sentences[s];
      for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) sentence_of_[t] = s;
    }
  }

  void Run() {
    FindRoles();
    FindPersons();
    ResolvePersons();
    FindNominalMentions();
    Cluster();
    EmitAll();
    PlaceDomesticBodies();
    ResolveMetonyms();
    ResolveAnaphors();
    std::stable_sort(doc_->entities.begin(), doc_->entities.end(), [](const Entity& a, const Entity& b) {
      return a.span.begin < b.span.begin || (a.span.begin == b.span.begin && a.span.end > b.span.end);
    });
  }

 private:
  const Phrase* PhraseAt(uint32_t t) const { return t < n_ && phrase_of_[t] >= 0 ? &phrases_[phrase_of_[t]] : nullptr; }
  const Phrase* PhraseStartingAt(uint32_t t) const {
    const Phrase* p = PhraseAt(t);
    return p && p->first == t ? p : nullptr;
  }
  std::string_view Folded(uint32_t t) const { return doc_->Folded(doc_->tokens[t].norm); }
  bool IsPunct(uint32_t t, std::string_view p) const {
    return t < n_ && doc_->tokens[t].kind == TokenKind::kPunctuation && doc_->Norm(doc_->tokens[t].norm) == p;
  }
  // A one-word name is as definite as the lexicon writes it: a name listed
  // with the article (الدوما، الإخوان، الجبير) written bare is another word
  // (the town دوما، إخوان، بن جبير), and a country listed bare (بنين، مالي)
  // written with the article is a noun or an adjective (للبنين، المالي).
  // Nationality adjectives and places take either form.
  // A one-word role written with the other hamza than listed is another word:
  // the preposition أمام is not the cleric إمام, though folding joins them.
  // (A word written without a hamza stays ambiguous, and matches.)
  bool HamzaMismatch(const LexEntry& e, uint32_t t) const {
    static constexpr std::string_view kAlefAbove = "\xD8\xA3", kAlefBelow = "\xD8\xA5";  // أ إ
    if (e.type != EntryType::kRole) return false;
    const Token& tok = doc_->tokens[t];
    const Segment& s = doc_->segments[tok.stem()];
    const std::string_view written = std::string_view(doc_->norm).substr(s.norm.begin, tok.norm.end - s.norm.begin);
    const std::string_view listed = e.surface;
    return (written.starts_with(kAlefAbove) && listed.starts_with(kAlefBelow)) ||
           (written.starts_with(kAlefBelow) && listed.starts_with(kAlefAbove));
  }
  bool ArticleMismatch(const LexEntry& e, uint32_t t) const {
    if (e.type != EntryType::kOrganization && e.type != EntryType::kCountry && e.type != EntryType::kPersonName &&
        e.type != EntryType::kPlace) {
      return false;
    }
    const bool listed_definite = NormalizeKey(e.surface).starts_with(kArticle);
    if (e.type == EntryType::kCountry && listed_definite) return false;  // العراق also after ل (لعراق is rare)
    const Token& tok = doc_->tokens[t];
    const std::string_view stem = Stem(t);
    bool definite = stem.starts_with(kArticle);
    if (!definite && tok.stem_offset > 0 && stem.starts_with("\xD9\x84") &&
        doc_->Folded(doc_->segments[tok.stem() - 1].norm) == "\xD9\x84" && stem.substr(2) == Lexicon::KeyOf(e.surface)) {
      definite = true;  // لل: ل + the article's ل (للبنين), but لبنان after ل is لبنان
    }
    // A town listed with its article is a word without it (الخرج: خرج «went out»); one listed
    // without may still be written with it.
    if (e.type == EntryType::kPlace) return listed_definite && !definite;
    return listed_definite != definite;
  }

  // homograph_names.tsv: a name that is also a word (فتح، حماس) is the word
  // when another word follows it in the sentence (فتح تحقيق، بحماس كبير).
  bool IsHomographUsedAsWord(const Phrase& p) const {
    std::string_view word_if;
    for (uint32_t id : res_.lexicon->Lookup(p.entry->surface)) {
      const LexEntry& e = res_.lexicon->entry(id);
      if (e.type == EntryType::kCue && e.kind == "homograph_names") word_if = e.value;
    }
    if (word_if.empty()) return false;
    const Token& tok = doc_->tokens[p.first];
    if (word_if.find("with_b") != std::string_view::npos && tok.segment_count > 1 && tok.stem_offset > 0 &&
        doc_->Folded(doc_->segments[tok.stem() - 1].norm) == "\xD8\xA8") {  // ب
      return true;
    }
    if (word_if.find("before_foreign_nisba") != std::string_view::npos && p.end < n_ && SameSentence(p.first, p.end)) {
      const Phrase* next = PhraseAt(p.end);
      if (next != nullptr && next->first == p.end && next->cat == Cat::kNisba && next->entry != nullptr &&
          next->entry->code != p.entry->country) {
        return true;
      }
    }
    if (word_if.find("before_definite") != std::string_view::npos && p.end < n_ && SameSentence(p.first, p.end) &&
        doc_->tokens[p.end].kind == TokenKind::kWord) {
      const Phrase* next = PhraseAt(p.end);
      bool nisba = next != nullptr && next->cat == Cat::kNisba;
      if (doc_->Folded(doc_->tokens[p.end].norm).starts_with("\xD8\xA7\xD9\x84") && !nisba) return true;  // ال
    }
    return false;
  }
  bool IsComma(uint32_t t) const { return IsPunct(t, "\xD8\x8C") || IsPunct(t, ","); }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && sentence_of_[a] == sentence_of_[b]; }
  // The first segment of token t is the conjunction و.
  bool StartsWithWaw(uint32_t t) const {
    const Token& tok = doc_->tokens[t];
    if (tok.segment_count < 2) return false;
    const Segment& s = doc_->segments[tok.first_segment];
    return s.kind == SegmentKind::kProclitic && doc_->Norm(s.norm) == kWaw;
  }
  // The word of token t without its proclitics, folded.
  std::string_view Stem(uint32_t t) const {
    const Token& tok = doc_->tokens[t];
    const Segment& s = doc_->segments[tok.stem()];
    return std::string_view(doc_->folded).substr(s.norm.begin, tok.norm.end - s.norm.begin);
  }
  std::string CountryOf(const Phrase& p) const {
    if (!p.entry) return "";
    if (p.cat == Cat::kCountry || p.cat == Cat::kNisba) return p.entry->code;
    if (p.cat == Cat::kOrg) return p.entry->country;
    return "";
  }

  bool HasProclitic(uint32_t t) const {
    const Token& tok = doc_->tokens[t];
    return tok.segment_count > 1 && doc_->segments[tok.first_segment].kind == SegmentKind::kProclitic;
  }

  // A country or nisba directly attached to a phrase: an adjective or the
  // second term of a construct, so never behind و or a preposition.
  const Phrase* AttachedCountry(uint32_t end, uint32_t sentence_token) const {
    const Phrase* next = PhraseStartingAt(end);
    if (next && (next->cat == Cat::kNisba || next->cat == Cat::kCountry) && SameSentence(sentence_token, next->first) &&
        !HasProclitic(next->first)) {
      return next;
    }
    return nullptr;
  }

  // An organisation a role phrase ending at `end` belongs to: right after it
  // (زعيم جماعة الحوثي)، through ل (للأمم المتحدة) or after باسم (المتحدث باسم حماس).
  const Phrase* AttachedOrganization(uint32_t end, uint32_t sentence_token) const {
    uint32_t t = end;
    if (t < n_ && Folded(t) == "\xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85") ++t;  // باسم
    const Phrase* next = PhraseStartingAt(t);
    if (next == nullptr || next->cat != Cat::kOrg || !SameSentence(sentence_token, t) || IsHomographUsedAsWord(*next)) {
      return nullptr;
    }
    if (HasProclitic(t)) {
      const Token& tok = doc_->tokens[t];
      if (tok.stem_offset != 1 || doc_->Folded(doc_->segments[tok.first_segment].norm) != "\xD9\x84") return nullptr;  // ل only
    }
    return next;
  }

  // Organisations built from a government body and a country or nisba
  // (وزارة الخارجية الكازاخستانية → KAZGOV): the index of the country phrase, or -1.
  int AttachedCountryPhrase(const Phrase& body) const {
    return AttachedCountry(body.end, body.first) != nullptr ? phrase_of_[body.end] : -1;
  }

  // Whether token t's word carries the preposition ب (بالعراق، بمنظمة).
  bool FusedBeh(uint32_t t) const {
    return doc_->tokens[t].segment_count > 1 && doc_->Folded(doc_->segments[doc_->tokens[t].first_segment].norm) == kBeh;
  }

  // The country of the place nearest token t in its sentence: a town (الموصل), a country after في
  // (في العراق, بالعراق) or a place noun's nationality (العاصمة التونسية); "" when the sentence names none.
  std::string SentencePlaceCountry(uint32_t t) const {
    std::string best;
    uint32_t best_distance = UINT32_MAX;
    const Sentence& sent = doc_->sentences[sentence_of_[t]];
    // phrases_ are in text order: only the sentence's are read.
    auto from = std::lower_bound(phrases_.begin(), phrases_.end(), sent.first_token,
                                 [](const Phrase& q, uint32_t first) { return q.first < first; });
    for (auto it = from; it != phrases_.end() && SameSentence(t, it->first); ++it) {
      const Phrase& q = *it;
      if (q.entry == nullptr) continue;
      std::string country;
      if (q.cat == Cat::kPlace) {
        country = q.entry->country;
      } else if (q.cat == Cat::kCountry && q.first > 0 && (Folded(q.first - 1) == kFi || FusedBeh(q.first))) {
        country = q.entry->code;
      } else if (q.cat == Cat::kNisba && q.first > 0 && SameSentence(q.first - 1, q.first) && IsPlaceNoun(q.first - 1)) {
        country = q.entry->code;  // العاصمة التونسية، مدينة … الليبية
      }
      if (country.empty()) continue;
      const uint32_t distance = q.first > t ? q.first - t : t - q.first;
      if (distance < best_distance) {
        best_distance = distance;
        best = country;
      }
    }
    return best;
  }

  void FindRoles() {
    for (size_t i = 0; i < phrases_.size(); ++i) {
      const Phrase& p = phrases_[i];
      if (p.cat != Cat::kRole) continue;
      RolePhrase r;
      r.first = p.first;
      r.end = r.chain_end = p.end;
      r.sector = p.entry->sector;
      r.rank = p.entry->kind;
      r.head = std::string(Lexicon::KeyOf(p.entry->surface));
      r.coordinated = StartsWithWaw(p.first);
      // A country or nisba right after the role is the holder's country.
      if (const Phrase* next = AttachedCountry(p.end, p.first)) {
        r.country = next->entry->code;
        r.has_nisba = next->cat == Cat::kNisba;
        r.end = r.chain_end = next->end;
      } else if (const Phrase* org = AttachedOrganization(p.end, p.first)) {
        // An office of an organisation: زعيم جماعة الحوثي، الأمين العام للأمم المتحدة،
        // المتحدث باسم حركة حماس، المبعوث الأممي. The holder acts for it.
        r.code = org->entry->code;
        r.country = org->entry->country;
        if (!org->entry->sector.empty()) r.sector = org->entry->sector;
        r.end = r.chain_end = org->end;
      }
      // Further attachments in a short window: في/ب + organisation with a
      // country, or لدى + country (where a diplomat is posted).
      for (uint32_t t = r.end; t < n_ && t < r.end + 9 && SameSentence(p.first, t);) {
        if (doc_->tokens[t].kind == TokenKind::kPunctuation) break;
        const Phrase* q = PhraseStartingAt(t);
        if (q && (q->cat == Cat::kRole || q->cat == Cat::kHonorific) && !StartsWithWaw(t)) break;
        if (q && q->cat == Cat::kRole) break;  // a coordinated role: its own phrase
        const bool after_min = t > 0 && Folded(t - 1) == kMin;  // مسلحون من تنظيم داعش، محتجون من لبنان
        bool after_prep = t > 0 && (Folded(t - 1) == kFi || Folded(t - 1) == kLadaa || after_min ||
                                    Folded(t - 1) == "\xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85");  // باسم
        bool fused_prep = FusedBeh(t);
        if (q && (q->cat == Cat::kOrg || q->cat == Cat::kGovBody) && (after_prep || fused_prep)) {
          std::string c = CountryOf(*q);
          if (q->cat == Cat::kGovBody) {
            int cp = AttachedCountryPhrase(*q);
            if (cp >= 0) c = CountryOf(phrases_[cp]);
            uint32_t end = cp >= 0 ? phrases_[cp].end : q->end;
            if (!c.empty() && r.country.empty()) r.country = c;
            if (r.sector.empty()) r.sector = q->entry->sector;  // المتحدثة باسم الجيش الإسرائيلي: MIL
            r.chain_end = end;
            t = end;
            if (!c.empty()) break;
            continue;
          }
          if (q->cat == Cat::kOrg && r.code.empty() && r.country.empty()) {
            // An office or a member of an organisation acts for it: قيادي في حركة فتح.
            r.code = q->entry->code;
            if (!q->entry->sector.empty()) r.sector = q->entry->sector;
          }
          if (!c.empty() && r.country.empty()) r.country = c;
          r.chain_end = q->end;
          break;
        }
        if (q && q->cat == Cat::kCountry && after_min && r.country.empty() && kGroupRanks.count(r.rank)) {
          r.country = q->entry->code;
          r.chain_end = q->end;
          break;
        }
        // Where the holder serves: السفير السعودي في واشنطن، قائد الشرطة في البصرة.
        if (q && q->cat == Cat::kPlace && t > 0 && Folded(t - 1) == kFi) {
          if (r.country.empty()) r.country = q->entry->country;
          r.chain_end = q->end;
          break;
        }
        if (q && q->cat == Cat::kCountry && t > 0 && Folded(t - 1) == kLadaa) {
          r.posted_to = q->entry->code;
          r.chain_end = q->end;
          break;
        }
        t = q ? q->end : t + 1;
      }
      // A role phrase that names its organisation inside (الأمين العام للأمم المتحدة، المبعوث الأممي).
      for (uint32_t t = p.first + 1; t < p.end && r.code.empty() && r.country.empty(); ++t) {
        LexiconMatch inner = res_.lexicon->MatchAt(*doc_, t, p.end);
        for (uint32_t id : inner.entries) {
          const LexEntry& e = res_.lexicon->entry(id);
          if (e.type != EntryType::kOrganization) continue;
          r.code = e.code;
          r.country = e.country;
          if (!e.sector.empty()) r.sector = e.sector;
          break;
        }
      }
      // Unnamed people are the people of the place the sentence reports from
      // (قتل 12 شخصا في انفجار … في الموصل: IRQ CVL; docs/annotation.md), armed men excepted.
      if (r.country.empty() && r.code.empty() && kGroupRanks.count(r.rank) && r.rank != "rebel") {
        r.country = SentencePlaceCountry(p.first);
      }
      roles_.push_back(r);
    }
  }

  // Is token t a possible part of a person's name?
  bool NameToken(uint32_t t) const {
    const Token& tok = doc_->tokens[t];
    if (tok.kind != TokenKind::kWord && tok.kind != TokenKind::kLatin) return false;
    if (taken_[t]) return false;
    if (const Phrase* p = PhraseAt(t)) {
      switch (p->cat) {
        case Cat::kOrg: case Cat::kCountry: case Cat::kGovBody: case Cat::kRole: case Cat::kNisba:
        case Cat::kPlace: case Cat::kHonorific: case Cat::kFunction:
          return false;
        case Cat::kTime:
          // الجمعة is a day; جمعة without the article is a name.
          if (Folded(t).starts_with(kArticle)) return false;
          break;
        default:
          break;
      }
    }
    return true;
  }

  // Extends a name from `start` over name tokens (at most 5 in all).
  uint32_t ExtendName(uint32_t start, uint32_t limit) const {
    uint32_t j = start;
    while (j < n_ && j < limit && j - start < 5 && SameSentence(start, j) && NameToken(j)) {
      if (j > start && StartsWithWaw(j)) break;  // و starts a new conjunct
      ++j;
    }
    return j;
  }

  void AddPersonSpan(uint32_t first, uint32_t end) {
    if (end <= first) return;
    for (PersonMention& m : persons_) {
      if (m.named && first < m.end && m.first < end) {  // overlap: merge
        m.first = std::min(m.first, first);
        m.end = std::max(m.end, end);
        return;
      }
    }
    PersonMention m;
    m.first = first;
    m.end = end;
    persons_.push_back(m);
  }

  void FindPersons() {
    // The statistical tagger's persons, trimmed at lexicon words it ran into.
    if (res_.tagger != nullptr) {
      // The tagger's features: lexicon cues and, for models trained with it,
      // the tags it gave the same words earlier in the article.
      std::vector<std::string_view> words;
      std::vector<Span> spans;
      std::vector<uint64_t> history_keys;
      std::vector<std::vector<std::string>> cues;
      std::vector<uint8_t> tags;
      NerHistory history;
      const bool use_history = res_.tagger->uses_history();
      for (const Sentence& s : doc_->sentences) {
        words.clear();
        spans.clear();
        history_keys.clear();
        for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
          words.push_back(doc_->Text(doc_->tokens[t].span));
          spans.push_back(doc_->tokens[t].span);
        }
        if (use_history) AppendNerHistoryKeys(words, &history_keys);
        // Cleared, not reassigned: the per-token lists keep their capacity.
        cues.resize(words.size());
        for (std::vector<std::string>& list : cues) list.clear();
        if (res_.tagger->uses_lexicon_cues()) ComputeLexiconCues(*doc_, *res_.lexicon, *res_.matches, spans, &cues);
        if (use_history) history.AddCues(history_keys, &cues);
        res_.tagger->Tag(words, cues, &tags);
        if (use_history) history.Update(history_keys, tags);
        for (uint32_t k = 0; k < words.size(); ++k) {
          uint8_t tag = tags[k];
          if (tag != kNerBPers && tag != kNerBOrg && tag != kNerBLoc && tag != kNerBMisc) continue;
          uint32_t e = k + 1;
          while (e < words.size() && tags[e] == tag + 1) ++e;
          uint32_t first = s.first_token + k, end = s.first_token + e;
          if (tag == kNerBPers) {
            uint32_t name_end = ExtendName(first, end);
            // Names seldom start with the article: الدائمة للشعب is no person
            // unless a title or role stands right before it.
            bool context = first > 0 && PhraseAt(first - 1) &&
                           (PhraseAt(first - 1)->cat == Cat::kRole || PhraseAt(first - 1)->cat == Cat::kHonorific);
            if (Stem(first).starts_with(kArticle) && !context) name_end = first;
            AddPersonSpan(first, name_end);
          } else {
            ner_spans_.push_back({first, end, tag});
          }
          k = e - 1;
        }
      }
    }
    // Well-known persons from the lexicon (ترمب، محمود عباس), with the role
    // each holds on the article's date; a name two persons share goes to the
    // one another name of the article points to (entities/person_roles.h).
    std::set<std::string> unambiguous;
    for (const Phrase& p : phrases_) {
      if (p.cat != Cat::kPersonName) continue;
      std::set<std::string> ids = PersonIds(*res_.lexicon, p.match->entries);
      if (ids.size() == 1) unambiguous.insert(*ids.begin());
    }
    for (const Phrase& p : phrases_) {
      if (p.cat != Cat::kPersonName || !Free(p.first, p.end)) continue;
      AddPersonSpan(p.first, p.end);
      known_person_[p.first] = ResolvePersonRole(*res_.lexicon, p.match->entries, doc_->date, unambiguous);
    }
    // Honorific + name: السيد روان جمعة بيك، د. منتصر أبو زيد.
    for (const Phrase& p : phrases_) {
      if (p.cat != Cat::kHonorific) continue;
      if (Stem(p.first).starts_with(kArticle) && !NormalizeKey(p.entry->surface).starts_with(kArticle)) continue;
      uint32_t start = p.end;
      uint32_t end = ExtendName(start, n_);
      if (end > start && SameSentence(p.first, start)) AddPersonSpan(start, end);
    }
    std::sort(persons_.begin(), persons_.end(), [](const PersonMention& a, const PersonMention& b) {
      return a.first < b.first;
    });
    // A role followed by (the end of) a name already met: السفير المنصوري.
    size_t named = persons_.size();
    for (const RolePhrase& r : roles_) {
      uint32_t t = r.end;
      if (t >= n_ || !NameToken(t)) continue;
      bool known = false;
      for (size_t i = 0; i < named && !known; ++i) {
        const PersonMention& p = persons_[i];
        if (p.first >= t) break;
        for (uint32_t k = p.first; k < p.end && !known; ++k) known = Stem(k) == Stem(t);
      }
      bool already = false;
      for (const PersonMention& p : persons_) already |= t >= p.first && t < p.end;
      if (known && !already) AddPersonSpan(t, t + 1);
    }
    // A surname met before as the end of a full name (أيمن الصفدي … وأعرب الصفدي).
    named = persons_.size();
    for (uint32_t t = 0; t < n_; ++t) {
      if (!NameToken(t)) continue;
      bool inside = false, known = false;
      for (size_t i = 0; i < named; ++i) {
        const PersonMention& p = persons_[i];
        inside |= t >= p.first && t < p.end;
        known |= p.end < t + 1 && p.end - p.first >= 2 && Stem(p.end - 1) == Stem(t);
      }
      if (known && !inside) AddPersonSpan(t, t + 1);
    }
    std::sort(persons_.begin(), persons_.end(), [](const PersonMention& a, const PersonMention& b) {
      return a.first < b.first;
    });
  }

  // Nominal mentions: a role that belongs to no named person, with a
  // nationality (السفير الفلسطيني) or bare (السفير); Cluster() links them.
  void FindNominalMentions() {
    std::vector<bool> attached(roles_.size(), false);
    for (const PersonMention& m : persons_) {
      for (int i : m.roles) attached[i] = true;
    }
    for (size_t i = 0; i < roles_.size(); ++i) {
      const RolePhrase& r = roles_[i];
      if (attached[i]) continue;
      bool name_follows = false;
      for (const PersonMention& m : persons_) name_follows |= m.first >= r.end && m.first <= r.end + 1;
      if (name_follows) continue;
      PersonMention m;
      m.first = r.first;
      m.end = r.end;
      m.named = false;
      m.roles.push_back(static_cast<int>(i));
      SetActor(m);
      nominal_.push_back(m);
    }
  }

  // Attaches role phrases to each named person: before the name (a chain of
  // roles joined by و, with لدى clauses, commas and honorifics between) and
  // after it (an apposition: name، role …).
  void ResolvePersons() {
    for (PersonMention& m : persons_) {
      // Backwards.
      uint32_t pos = m.first;
      while (pos > 0) {
        uint32_t t = pos - 1;
        if (const Phrase* p = PhraseAt(t); p && p->cat == Cat::kHonorific && p->end == pos) {
          pos = p->first;
          continue;
        }
        if (IsComma(t)) {
          pos = t;
          continue;
        }
        break;
      }
      for (int guard = 0; guard < 4; ++guard) {
        int found = -1;
        for (size_t i = 0; i < roles_.size(); ++i) {
          if ((roles_[i].chain_end == pos || roles_[i].end == pos) && SameSentence(roles_[i].first, m.first)) {
            found = static_cast<int>(i);
          }
        }
        if (found < 0) break;
        m.roles.insert(m.roles.begin(), found);
        if (!roles_[found].coordinated) break;
        pos = roles_[found].first;
      }
      // Forwards: name، role و role …
      pos = m.end;
      if (IsComma(pos)) ++pos;
      for (int guard = 0; guard < 4; ++guard) {
        int found = -1;
        for (size_t i = 0; i < roles_.size(); ++i) {
          if (roles_[i].first == pos && SameSentence(pos, m.first)) found = static_cast<int>(i);
        }
        if (found < 0) break;
        if (std::find(m.roles.begin(), m.roles.end(), found) == m.roles.end()) m.roles.push_back(found);
        pos = roles_[found].chain_end;
        if (pos < n_ && !StartsWithWaw(pos)) {
          // Another role joined by و continues the apposition; anything else ends it.
          bool next_is_role = false;
          for (const RolePhrase& r : roles_) next_is_role |= r.first == pos && r.coordinated;
          if (!next_is_role) break;
        }
      }
      SetActor(m);
    }
  }

  void SetActor(PersonMention& m) const {
    for (int i : m.roles) {
      const RolePhrase& r = roles_[i];
      if (m.code.empty() && m.country.empty() && !r.code.empty()) {
        m.code = r.code;
        m.country = r.country;
        m.sector = r.sector;
      }
      if (m.country.empty() && !r.country.empty()) m.country = r.country;
      if (m.sector.empty() && !r.sector.empty()) m.sector = r.sector;
    }
    // A well-known person's role on the date comes first; before the first
    // role only the nationality is known, and a role in the text gives the sector.
    for (uint32_t t = m.first; t < m.end; ++t) {
      auto it = known_person_.find(t);
      if (it == known_person_.end()) continue;
      const PersonRole& r = it->second;
      if (!r.found) break;
      if (!r.sector.empty()) {
        m.country = r.country;
        m.sector = r.sector;
        m.code = r.code;
      } else if (!r.country.empty()) {
        m.country = r.country;
      }
      break;
    }
  }

  bool SameName(const PersonMention& later, const PersonMention& earlier) const {
    // Every word of the later name appears, in order and contiguously, in the earlier one.
    uint32_t len = later.end - later.first;
    uint32_t elen = earlier.end - earlier.first;
    if (len == 0 || len > elen) return false;
    for (uint32_t off = 0; off + len <= elen; ++off) {
      bool all = true;
      for (uint32_t k = 0; k < len && all; ++k) all = Stem(later.first + k) == Stem(earlier.first + off + k);
      if (all) return true;
    }
    return false;
  }

  void Cluster() {
    // Named persons: a later name that repeats (part of) an earlier one joins it.
    for (size_t i = 0; i < persons_.size(); ++i) {
      for (size_t j = 0; j < i && persons_[i].cluster < 0; ++j) {
        if (SameName(persons_[i], persons_[j])) persons_[i].cluster = persons_[j].cluster;
      }
      if (persons_[i].cluster < 0) persons_[i].cluster = next_cluster_++;
    }
    // Each cluster's actor: a known person's dated code, else the first
    // mention that has a country and the first that has a sector.
    struct Actor {
      std::string country, sector, code;
    };
    std::vector<Actor> actor(next_cluster_);
    for (const PersonMention& m : persons_) {
      Actor& a = actor[m.cluster];
      if (a.code.empty() && !m.code.empty()) a = {m.country, m.sector, m.code};
    }
    for (const PersonMention& m : persons_) {
      Actor& a = actor[m.cluster];
      if (!a.code.empty()) continue;
      if (a.country.empty() && !m.country.empty()) a.country = m.country;
      if (a.sector.empty() && !m.sector.empty()) a.sector = m.sector;
    }
    for (PersonMention& m : persons_) {
      const Actor& a = actor[m.cluster];
      if (!a.code.empty() && m.code.empty()) {
        m.country = a.country;
        m.sector = a.sector;
        m.code = a.code;
        continue;
      }
      if (m.country.empty()) m.country = a.country;
      if (m.sector.empty()) m.sector = a.sector;
    }
    // Nominal mentions: a role with a nationality joins the person of that
    // country holding the same role (or the first one named, for a generic
    // "official"); a bare role joins the one person holding it.
    for (PersonMention& m : nominal_) {
      const RolePhrase& r = roles_[m.roles[0]];
      int best = -1, same_head = -1, count_head = 0;
      for (const PersonMention& p : persons_) {
        if (p.first > m.first) break;
        bool has_rank = false, has_head = false;
        for (int i : p.roles) {
          has_rank |= roles_[i].rank == r.rank;
          has_head |= roles_[i].head == r.head;
        }
        if (!r.country.empty()) {
          if (p.country != r.country) continue;
          if (best < 0 && (r.rank == "generic" || has_rank)) best = p.cluster;
        }
        if (has_head && (r.country.empty() || p.country == r.country)) {
          if (same_head != p.cluster) ++count_head;
          if (same_head < 0) same_head = p.cluster;
        }
      }
      if (!r.country.empty()) {
        // A generic word (المسؤول الكازاخستاني) means the most prominent
        // person of that country: the first one named.
        m.cluster = same_head >= 0 && r.rank != "generic" ? same_head : best;
      } else if (count_head == 1) {
        m.cluster = same_head;
      }
      if (m.cluster >= 0) {
        for (const PersonMention& p : persons_) {
          if (p.cluster == m.cluster) {
            if (!p.code.empty()) {
              m.country = p.country;
              m.sector = p.sector;
              m.code = p.code;
            }
            if (m.country.empty()) m.country = p.country;
            if (m.sector.empty()) m.sector = p.sector;
          }
        }
      }
    }
  }

  Span SpanOf(uint32_t first, uint32_t end) const {
    return Span{doc_->tokens[first].span.begin, doc_->tokens[end - 1].span.end};
  }

  bool Free(uint32_t first, uint32_t end) const {
    for (uint32_t t = first; t < end; ++t) {
      if (taken_[t]) return false;
    }
    return true;
  }

  Entity& Add(EntityType type, uint32_t first, uint32_t end, const char* source,
              const LexEntry* entry = nullptr) {
    for (uint32_t t = first; t < end; ++t) taken_[t] = true;
    Entity e;
    e.type = type;
    e.first_token = first;
    e.token_count = end - first;
    e.span = SpanOf(first, end);
    // Leave proclitics out: وبكازاخستان -> كازاخستان; but not letters of the
    // name the lexicon matched whole (بكين is Beijing, not ب + كين).
    const Token& tok = doc_->tokens[first];
    bool restore_article = false;
    std::string whole_key = entry ? Lexicon::KeyOf(entry->surface) : std::string();
    whole_key = whole_key.substr(0, whole_key.find('\x1f'));
    const std::string_view whole_word = doc_->Folded(tok.norm);
    const bool matched_whole = entry != nullptr && (whole_word == whole_key || (whole_word.starts_with(kArticle) &&
                                                                                 whole_word.substr(kArticle.size()) == whole_key));
    if (!matched_whole && tok.segment_count > 1 && doc_->segments[tok.first_segment].kind == SegmentKind::kProclitic &&
        tok.stem() > tok.first_segment) {
      const Segment& stem = doc_->segments[tok.stem()];
      const Segment& last_pro = doc_->segments[tok.stem() - 1];
      e.span.begin = stem.span.begin;
      // ل + ال is written لل: the stem (لأمم) matched only without its ل.
      std::string_view stem_word = doc_->Folded(Span{stem.norm.begin, tok.norm.end});
      std::string key = Lexicon::KeyOf(entry ? entry->surface : "");
      std::string_view first_key = std::string_view(key).substr(0, key.find('\x1f'));
      restore_article = entry != nullptr && doc_->Folded(last_pro.norm) == "\xD9\x84" &&
                        stem_word.starts_with("\xD9\x84") && stem_word.substr(2) == first_key;
    }
    e.text = restore_article ? "\xD8\xA7" + std::string(doc_->Text(e.span)) : std::string(doc_->Text(e.span));
    e.source = source;
    doc_->entities.push_back(std::move(e));
    return doc_->entities.back();
  }

  // Organisations and countries named inside a longer organisation name
  // (اللجنة الثانية للأمم المتحدة holds الأمم المتحدة) are entities too.
  void AddNested(const Phrase& outer) {
    for (uint32_t t = outer.first + 1; t < outer.end; ++t) {
      LexiconMatch m = res_.lexicon->MatchAt(*doc_, t, outer.end);
      if (m.token_count == 0) continue;
      for (uint32_t id : m.entries) {
        const LexEntry& e = res_.lexicon->entry(id);
        if (e.type != EntryType::kOrganization && e.type != EntryType::kCountry) continue;
        std::vector<bool> saved = taken_;
        Entity& inner = Add(e.type == EntryType::kOrganization ? EntityType::kOrganization : EntityType::kGpe, t,
                            t + m.token_count, "lexicon", &e);
        taken_ = std::move(saved);
        inner.code = e.code;
        inner.country = e.type == EntryType::kCountry ? e.code : e.country;
        inner.sector = e.sector;
        break;
      }
      t += m.token_count - 1;
    }
  }

  static std::string Code(const std::string& country, const std::string& sector) {
    if (country.empty()) return sector == "IGO" ? sector : "";
    return country + sector;
  }

  void EmitAll() {
    auto add_person = [&](const PersonMention& m, const char* source) -> Entity* {
      if (!Free(m.first, m.end)) return nullptr;
      // A known person's name is kept whole (بان كي مون is no ب + ان).
      const Phrase* known = PhraseStartingAt(m.first);
      const LexEntry* entry = known != nullptr && known->cat == Cat::kPersonName ? known->entry : nullptr;
      Entity& e = Add(EntityType::kPerson, m.first, m.end, source, entry);
      e.country = m.country;
      e.sector = m.sector;
      e.code = m.code.empty() ? Code(m.country, m.sector) : m.code;
      e.cluster = m.cluster;
      return &e;
    };
    for (const PersonMention& m : persons_) {
      if (Entity* e = add_person(m, "ner")) {
        for (int i : m.roles) e->roles.emplace_back(doc_->Text(SpanOf(roles_[i].first, roles_[i].end)));
      }
    }
    for (const PersonMention& m : nominal_) {
      if (m.cluster < 0) continue;  // unresolved: stays a ROLE (السكان العرب)
      if (Entity* e = add_person(m, "rule")) e->roles.push_back(e->text);
    }
    for (const RolePhrase& r : roles_) {
      // A role with its genitive country or organisation is one participant
      // (ملك المغرب، الأمين العام للأمم المتحدة); the name inside stays an entity, nested.
      uint32_t end = r.end;
      if (!Free(r.first, end)) continue;
      Entity& e = Add(EntityType::kRole, r.first, end, "lexicon", phrases_[phrase_of_[r.first]].entry);
      e.sector = r.sector;
      e.country = r.country;
      e.code = r.code.empty() ? Code(r.country, r.sector) : r.code;
      if (!r.has_nisba && end > phrases_[phrase_of_[r.first]].end) {
        AddNested(Phrase{r.first, end, Cat::kRole, nullptr, nullptr});
      }
    }
    for (size_t i = 0; i < phrases_.size(); ++i) {
      const Phrase& p = phrases_[i];
      if (!Free(p.first, p.end) || p.entry == nullptr) continue;
      switch (p.cat) {
        case Cat::kGovBody: {
          int cp = AttachedCountryPhrase(p);
          uint32_t end = cp >= 0 ? phrases_[cp].end : p.end;
          if (!Free(p.first, end)) break;
          Entity& e = Add(EntityType::kOrganization, p.first, end, "lexicon", p.entry);
          e.sector = p.entry->sector;
          if (cp >= 0) e.country = CountryOf(phrases_[cp]);
          e.code = Code(e.country, e.sector);
          break;
        }
        case Cat::kOrg: {
          if (IsHomographUsedAsWord(p)) break;
          Entity& e = Add(EntityType::kOrganization, p.first, p.end, "lexicon", p.entry);
          e.code = p.entry->code;
          e.country = p.entry->country;
          e.sector = p.entry->sector;
          AddNested(p);
          break;
        }
        case Cat::kCountry: {
          Entity& e = Add(EntityType::kGpe, p.first, p.end, "lexicon", p.entry);
          e.country = e.code = p.entry->code;
          break;
        }
        case Cat::kNisba: {
          Entity& e = Add(EntityType::kNorp, p.first, p.end, "lexicon", p.entry);
          e.country = e.code = p.entry->code;
          break;
        }
        case Cat::kPlace: {
          // A place followed by a nisba of its country is one name (الجولان السوري المحتل).
          Entity& e = Add(EntityType::kLocation, p.first, p.end, "lexicon", p.entry);
          e.country = p.entry->country;
          if (p.entry->extra == "metonym" && !e.country.empty()) e.sector = "GOV";
          break;
        }
        default:
          break;
      }
    }
    for (const auto& [first, end, tag] : ner_spans_) {
      if (!Free(first, end)) continue;
      EntityType type = tag == kNerBOrg ? EntityType::kOrganization
                        : tag == kNerBLoc ? EntityType::kLocation
                                          : EntityType::kMisc;
      Add(type, first, end, "ner");
    }
  }

  // State bodies and office holders named without a country (البرلمان، مجلس
  // الوزراء، رئيس الحكومة) belong to the country the article is about, when one
  // clearly dominates: at least three mentions and twice the runner-up; with
  // none, to a national outlet's country (outlets.tsv: a Tunisian radio's
  // «الوحدات الأمنية» are Tunisian). Marked with qualifier "document_country"
  // so users can tell inference from text.
  void PlaceDomesticBodies() {
    std::map<std::string, int> mentions;
    for (const Entity& e : doc_->entities) {
      if (e.country.size() == 3 && e.country != "IGO" && e.type != EntityType::kDate && e.type != EntityType::kNumber) {
        ++mentions[e.country];
      }
    }
    std::string home;
    int best = 0, second = 0;
    for (const auto& [country, count] : mentions) {
      if (count > best) {
        second = best;
        best = count;
        home = country;
      } else if (count > second) {
        second = count;
      }
    }
    if (best < 3 || best < 2 * second) home = OutletCountry();
    if (home.empty()) return;
    for (Entity& e : doc_->entities) {
      bool placeable = e.type == EntityType::kOrganization || e.type == EntityType::kRole;
      // A state's bodies, and the unnamed civilians, suspects and workers of an article about one country.
      static const std::set<std::string> kHomeSectors = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "CVL", "CRM", "LAB"};
      if (!placeable || !e.country.empty() || !e.code.empty() || !kHomeSectors.count(e.sector)) continue;
      if (IsGenericNoun(e.first_token)) continue;  // السفراء، الوفد، قادة: any country's
      e.country = home;
      e.code = Code(home, e.sector);
      e.qualifier = "document_country";
    }
  }

  // The country whose domestic news the document's outlet reports (outlets.tsv), or "".
  std::string OutletCountry() const {
    if (doc_->source.empty()) return {};
    for (uint32_t id : res_.lexicon->Lookup(doc_->source)) {
      const LexEntry& x = res_.lexicon->entry(id);
      if (x.type == EntryType::kCue && x.kind == "outlets" && x.surface == doc_->source) return x.value;
    }
    return {};
  }

  // metonyms.tsv: المملكة، الإمارة، السلطنة stand for the state of that kind the
  // article named last before them (a country, body, nationality or role of
  // it); with none named they stay words.
  void ResolveMetonyms() {
    const std::vector<char> covered = CoveredTokens();
    const size_t named = doc_->entities.size();
    for (const LexiconMatch& m : *res_.matches) {  // the engine's matches, in text order
      const uint32_t t = m.first_token;
      if (m.token_count != 1 || t >= n_ || covered[t]) continue;
      const LexEntry* metonym = CueOf(m, "metonyms");
      if (metonym == nullptr) continue;
      std::string country;
      uint32_t nearest = 0;
      const std::string kinds = "|" + metonym->value + "|";
      for (size_t i = 0; i < named; ++i) {
        const Entity& e = doc_->entities[i];
        if (e.first_token >= t || e.first_token < nearest || e.country.empty()) continue;
        if (e.type == EntityType::kLocation || e.type == EntityType::kPerson) continue;  // a place or a visitor
        if (kinds.find("|" + e.country + "|") == std::string::npos) continue;
        nearest = e.first_token;
        country = e.country;
      }
      if (country.empty()) continue;
      Entity e = RuleEntity(m, EntityType::kGpe, "metonym");
      e.country = country;
      e.code = country;
      doc_->entities.push_back(std::move(e));
    }
  }

  // anaphors.tsv: a definite common noun for a group named earlier (التنظيم after تنظيم داعش،
  // الحركة after حماس) stands for the nearest organisation or group before it whose code begins
  // with, or whose sector is, one of the row's kinds; with none, it stays a word.
  void ResolveAnaphors() {
    std::vector<char> covered = CoveredTokens();
    // Organisations and groups that could be antecedents, in text order.
    std::vector<int> groups;
    for (size_t i = 0; i < doc_->entities.size(); ++i) {
      const Entity& e = doc_->entities[i];
      const bool kind = e.type == EntityType::kOrganization || e.type == EntityType::kRole;
      if (kind && (!e.country.empty() || !e.code.empty())) groups.push_back(static_cast<int>(i));
    }
    std::stable_sort(groups.begin(), groups.end(), [&](int a, int b) {
      return doc_->entities[a].first_token < doc_->entities[b].first_token;
    });
    constexpr uint32_t kAnaphorReach = 400;  // tokens: about a dozen sentences
    for (const LexiconMatch& m : *res_.matches) {
      const uint32_t t = m.first_token;
      if (t >= n_ || covered[t]) continue;
      const LexEntry* anaphor = CueOf(m, "anaphors");
      if (anaphor == nullptr) continue;
      const std::string kinds = "|" + anaphor->value + "|";
      auto fits = [&](const std::string& k) { return k.size() == 3 && kinds.find("|" + k + "|") != std::string::npos; };
      // The nearest group before it, within a few hundred words (groups is in text order).
      int antecedent = -1;
      auto after = std::lower_bound(groups.begin(), groups.end(), t,
                                    [&](int i, uint32_t tok) { return doc_->entities[i].first_token < tok; });
      for (auto it = after; it != groups.begin();) {
        const Entity& e = doc_->entities[*--it];
        if (e.first_token + kAnaphorReach < t) break;
        if (fits(e.code.substr(0, std::min<size_t>(3, e.code.size()))) || fits(e.sector)) {
          antecedent = *it;
          break;
        }
      }
      if (antecedent < 0) continue;
      const Entity& a = doc_->entities[antecedent];
      Entity e = RuleEntity(m, EntityType::kOrganization, "anaphor");
      e.country = a.country;
      e.sector = a.sector;
      e.code = a.code;
      e.cluster = a.cluster;
      for (uint32_t k = t; k < t + m.token_count && k < n_; ++k) covered[k] = 1;
      doc_->entities.push_back(std::move(e));
    }
  }

  // sites.tsv site_head: a noun for a kind of place (العاصمة، مدينة، ولاية، ساحة).
  bool IsPlaceNoun(uint32_t t) const { return SiteClass(*res_.lexicon, *doc_, t) == "site_head"; }

  // generic_nouns.tsv: a noun for state people or bodies of any country.
  bool IsGenericNoun(uint32_t t) const { return CueOf(res_.lexicon->MatchAt(*doc_, t, t + 1), "generic_nouns"); }

  // The cue entry of list `kind` (metonyms, anaphors …) among a match's entries, or null.
  const LexEntry* CueOf(const LexiconMatch& m, std::string_view kind) const {
    const LexEntry* cue = nullptr;
    for (uint32_t id : m.entries) {
      const LexEntry& x = res_.lexicon->entry(id);
      if (x.type == EntryType::kCue && x.kind == kind) cue = &x;
    }
    return cue;
  }

  // Which tokens an entity already covers.
  std::vector<char> CoveredTokens() const {
    std::vector<char> covered(n_, 0);
    for (const Entity& e : doc_->entities) {
      for (uint32_t k = e.first_token; k < e.first_token + e.token_count && k < n_; ++k) covered[k] = 1;
    }
    return covered;
  }

  // An entity a rule finds on a lexicon match: its words without their proclitics.
  Entity RuleEntity(const LexiconMatch& m, EntityType type, const char* qualifier) const {
    const uint32_t last = m.first_token + m.token_count - 1;
    Entity e;
    e.type = type;
    e.first_token = m.first_token;
    e.token_count = m.token_count;
    e.span = Span{doc_->segments[doc_->tokens[m.first_token].stem()].span.begin, doc_->tokens[last].span.end};
    e.text = std::string(doc_->Text(e.span));
    e.source = "rule";
    e.qualifier = qualifier;
    return e;
  }

  struct NerSpan {
    uint32_t first, end;
    uint8_t tag;
  };

  const EntityResources& res_;
  Document* doc_;
  uint32_t n_;
  std::vector<Phrase> phrases_;
  std::vector<int> phrase_of_;
  std::vector<bool> taken_;
  std::vector<uint32_t> sentence_of_;
  std::vector<RolePhrase> roles_;
  std::vector<PersonMention> persons_;
  std::vector<PersonMention> nominal_;
  std::vector<NerSpan> ner_spans_;
  std::map<uint32_t, PersonRole> known_person_;  // first token -> the person and role on the date
  int next_cluster_ = 0;
};

}  // namespace

void RecognizeEntities(const EntityResources& resources, const std::vector<LexiconMatch>& matches, Document* doc) {
  if (resources.lexicon == nullptr || doc->tokens.empty()) return;
  EntityResources with_matches = resources;
  with_matches.matches = &matches;
  Recognizer(with_matches, matches, doc).Run();
  MarkSites(*resources.lexicon, doc);
}

}  // namespace internal
}  // namespace rasd
