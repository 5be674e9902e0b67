#include "events/events.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "base/hash.h"
#include "events/merge.h"
#include "rasd/normalize.h"

namespace rasd::internal {
namespace {

constexpr std::string_view kWaw = "\xD9\x88";   // و
constexpr std::string_view kSeen = "\xD8\xB3";  // س (future)

struct Trigger {
  uint32_t first, end;
  const LexEntry* entry;
  uint32_t args_from = 0;  // where the recipient may start: past a gapped phrase's words
  bool possessed = false;  // matched without its enclitic pronoun (دعمها)
  bool object_pronoun = false;  // its closing preposition carries the object as a pronoun (القبض عليه)
  // The same words listed under other types (هاجم: ASSAULT, and ACCUSE for a verbal attack).
  std::vector<const LexEntry*> alternatives = {};
  // An evaluative trigger's evaluations.tsv words in its clause (both polarities).
  std::vector<const LexEntry*> evaluations = {};
};

struct Marker {  // speech verbs and modality words
  uint32_t first, end;
  const LexEntry* entry;
};

// The class of a function word (function_words.tsv: relative, particle,
// agent …) given its folded form, or null when it is none.
const std::string* LookUpFunctionWordClass(const Lexicon& entities, std::string_view folded) {
  for (uint32_t id : entities.Lookup(folded)) {
    const LexEntry& e = entities.entry(id);
    if (e.type == EntryType::kCue && e.kind == "function_words") return &e.value;
  }
  return nullptr;
}

// Asked for many words of every article, and Lookup() normalises its
// argument: a per-thread direct-mapped memo, valid for one lexicon content.
const std::string* FunctionWordClass(const Lexicon& entities, std::string_view folded) {
  struct Memo {
    uint64_t generation = 0;  // Lexicon::generation(); 0: empty
    std::string word;
    const std::string* cls = nullptr;
  };
  constexpr size_t kSlots = 4096;
  thread_local std::vector<Memo> memo(kSlots);
  Memo& m = memo[WordHash(folded) & (kSlots - 1)];
  if (m.generation != entities.generation() || m.word != folded) {
    m.cls = LookUpFunctionWordClass(entities, folded);
    m.word.assign(folded);
    m.generation = entities.generation();
  }
  return m.cls;
}

// Acts of force and their threat: what a party reacts to (أدانت الهجوم، رفضت العقوبات).
bool IsActOfForce(std::string_view type) {
  return type == "ASSAULT" || type == "COERCE" || type == "SANCTION" || type == "THREATEN";
}

bool IsVerbal(const LexEntry& e) {
  const std::string& pos = e.type == EntryType::kSpeech ? e.value : e.kind;
  return pos == "perfect" || pos == "imperfect" || pos == "phrase" || pos == "first_person";
}

class Extractor {
 public:
  Extractor(const Lexicon& lexicon, const GappedPhrases& gapped, const Lexicon& entities, Document* doc,
            std::vector<Candidate>* out)
      : entity_lex_(entities), doc_(doc), out_(out), n_(doc->tokens.size()) {
    entity_at_.assign(n_, -1);
    class_memo_.assign(n_, {});
    class_known_.assign(n_, false);
    prep_memo_.assign(doc->entities.size(), {});
    prep_known_.assign(doc->entities.size(), false);
    adverb_memo_.assign(n_, -1);
    honorific_memo_.assign(n_, -1);
    for (size_t i = 0; i < doc->entities.size(); ++i) {
      const Entity& e = doc->entities[i];
      for (uint32_t t = e.first_token; t < e.first_token + e.token_count && t < n_; ++t) {
        if (entity_at_[t] < 0) entity_at_[t] = static_cast<int>(i);  // outer before nested (sorted)
      }
    }
    sentence_of_.assign(n_, 0);
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      const Sentence& sent = doc->sentences[s];
      for (uint32_t t = sent.first_token; t < sent.first_token + sent.token_count; ++t) sentence_of_[t] = s;
    }
    const std::vector<LexiconMatch> matches = lexicon.Match(*doc, /*without_enclitics=*/true);
    std::vector<bool> speech_verb_at(n_, false);  // where an evaluative trigger's clause ends
    for (const LexiconMatch& m : matches) {
      for (uint32_t id : m.entries) {
        if (lexicon.entry(id).type == EntryType::kSpeech && IsVerbal(lexicon.entry(id))) speech_verb_at[m.first_token] = true;
      }
    }
    for (const LexiconMatch& m : matches) {
      const LexEntry* trigger = nullptr;
      std::vector<const LexEntry*> alternatives;
      std::vector<const LexEntry*> evaluations;
      for (uint32_t id : m.entries) {
        const LexEntry& e = lexicon.entry(id);
        if (e.type == EntryType::kTrigger && !e.evaluation.empty()) {
          // An evaluative verb (evaluative_triggers.tsv) reads as its polarity's event only when its
          // clause holds a word of that polarity.
          if (evaluations.empty()) evaluations = ClauseEvaluations(m.first_token + m.token_count, speech_verb_at);
          if (std::none_of(evaluations.begin(), evaluations.end(),
                           [&](const LexEntry* w) { return w->value == e.evaluation; })) {
            continue;
          }
        }
        if (e.type == EntryType::kTrigger && trigger != nullptr && e.value != trigger->value &&
            e.kind == trigger->kind) {
          alternatives.push_back(&e);
        }
        if (e.type == EntryType::kTrigger && trigger == nullptr) trigger = &e;
        if ((e.type == EntryType::kSpeech || e.type == EntryType::kModality) && !m.possessed) {
          markers_.push_back({m.first_token, m.first_token + m.token_count, &e});
        }
      }
      if (trigger != nullptr) {
        triggers_.push_back({m.first_token, m.first_token + m.token_count, trigger});
        triggers_.back().possessed = m.possessed;
        triggers_.back().object_pronoun = m.object_pronoun;
        triggers_.back().alternatives = std::move(alternatives);
        if (!trigger->evaluation.empty()) triggers_.back().evaluations = std::move(evaluations);
      }
    }
    AddGappedTriggers(gapped);
    std::sort(triggers_.begin(), triggers_.end(), [](const Trigger& a, const Trigger& b) { return a.first < b.first; });
    MarkReportSources();
  }

  // The evaluations.tsv words (خائن، غير مقبول، شجاع) from token `from` to the end of its clause: the
  // sentence's end, the next speech verb (a new clause of its own) or 25 words.
  std::vector<const LexEntry*> ClauseEvaluations(uint32_t from, const std::vector<bool>& speech_verb_at) const {
    std::vector<const LexEntry*> out;
    if (from >= n_) return out;
    const uint32_t end = std::min<uint32_t>(SentenceEnd(from - 1), from + 25);
    for (uint32_t k = from; k < end && !speech_verb_at[k]; ++k) {
      if (doc_->tokens[k].kind != TokenKind::kWord) continue;
      const LexiconMatch w = entity_lex_.MatchAt(*doc_, k, std::min<uint32_t>(end, k + 3));
      for (uint32_t id : w.entries) {
        const LexEntry& x = entity_lex_.entry(id);
        if (x.type == EntryType::kCue && x.kind == "evaluations") {
          out.push_back(&x);
          break;
        }
      }
      if (w.token_count > 1) k += w.token_count - 1;
    }
    return out;
  }

  // The source a sentence is attributed to (بحسب ما أفادت به وكالة الأنباء،
  // نقلا عن مصادر أمنية) tells who reports the events, never who takes part:
  // the first entity within three words after an according_to cue.
  void MarkReportSources() {
    report_source_.assign(doc_->entities.size(), false);
    for (const Marker& m : markers_) {
      if (m.entry->type != EntryType::kSpeech || m.entry->kind != "according_to") continue;
      for (uint32_t k = m.end; k < m.end + 4 && k < n_ && SameSentence(m.first, k); ++k) {
        if (entity_at_[k] < 0) continue;
        for (size_t i = 0; i < doc_->entities.size(); ++i) {  // a name and the names nested at its start
          if (doc_->entities[i].first_token == k) report_source_[i] = true;
        }
        break;
      }
    }
  }

  // A verb whose phrase goes on after its subject (فرضت [الحكومة الأمريكية]
  // عقوبات على …): the verb alone becomes the trigger.
  void AddGappedTriggers(const GappedPhrases& gapped) {
    std::vector<bool> covered(n_, false);
    for (const Trigger& t : triggers_) {
      for (uint32_t k = t.first; k < t.end; ++k) covered[k] = true;
    }
    std::vector<int> single(n_, -1);  // the one-word trigger at each token
    // The words a gapped phrase is completed by (أعرب السفير عن [شكره]): part of that phrase's
    // event, never an event of their own.
    std::vector<bool> completes(n_, false);
    auto complete = [&](uint32_t from, uint32_t to) {
      for (uint32_t k = from; k < to && k < n_; ++k) completes[k] = true;
    };
    for (size_t i = 0; i < triggers_.size(); ++i) {
      if (triggers_[i].end == triggers_[i].first + 1) single[triggers_[i].first] = static_cast<int>(i);
    }
    for (uint32_t t = 0; t < n_; ++t) {
      if (doc_->tokens[t].kind != TokenKind::kWord) continue;
      const bool free = !covered[t];
      if (!free && single[t] < 0) continue;
      const auto* candidates = gapped.Find(WithoutConjunction(t));  // وفرضت → فرضت
      if (candidates == nullptr) continue;
      const uint32_t limit = std::min<uint32_t>(SentenceEnd(t), t + 16);
      // A verbal noun's phrase around its genitive agent (إطلاق [الشرطة الإسرائيلية] النار، وقوف
      // [دولة قطر] إلى جانب), the rest directly after it; it says more than a one-word trigger on its
      // head. (Not a verb's phrase: the noun after a verb may be its object, وطالبت [الحكومة السورية] بفتح.)
      if (const int agent = t + 1 < n_ ? entity_at_[t + 1] : -1;
          agent >= 0 && Ent(agent).first_token == t + 1 && IsParticipant(agent)) {
        const uint32_t k = Ent(agent).first_token + Ent(agent).token_count;
        for (const GappedPhrases::Phrase& p : *candidates) {
          if (!p.masdar || k + p.rest.size() > limit) continue;
          bool all = true;
          for (size_t j = 0; j < p.rest.size() && all; ++j) all = Folded(k + static_cast<uint32_t>(j)) == p.rest[j];
          if (!all) continue;
          const uint32_t rest_end = k + static_cast<uint32_t>(p.rest.size());
          complete(k, rest_end);
          if (free) {
            triggers_.push_back({t, t + 1, p.entry, rest_end});
          } else {
            triggers_[single[t]].entry = p.entry;
            triggers_[single[t]].args_from = rest_end;
          }
          covered[t] = true;
          break;
        }
      }
      if (covered[t]) continue;
      for (const GappedPhrases::Phrase& p : *candidates) {
        // A verb + preposition (عمل مع) is too loose to find across a gap.
        if (p.loose || p.masdar) continue;
        bool found = false;
        uint32_t rest_end = 0;
        for (uint32_t k = t + 2; k + p.rest.size() <= limit && !found; ++k) {
          if (Folded(k).size() != p.rest[0].size()) continue;  // cheap reject before comparing bytes
          bool all = true;
          for (size_t j = 0; j < p.rest.size() && all; ++j) all = Folded(k + static_cast<uint32_t>(j)) == p.rest[j];
          found = all;
          rest_end = k + static_cast<uint32_t>(p.rest.size());
        }
        if (found) {
          complete(rest_end - static_cast<uint32_t>(p.rest.size()), rest_end);
          triggers_.push_back({t, t + 1, p.entry, rest_end});
          covered[t] = true;
          break;
        }
      }
    }
    std::erase_if(triggers_, [&](const Trigger& x) {
      for (uint32_t k = x.first; k < x.end; ++k) {
        if (!completes[k]) return false;
      }
      return true;
    });
  }

  void Run() {
    // The explicit subject of each speech verb is its sentence's subject.
    for (const Marker& m : markers_) {
      if (m.entry->type != EntryType::kSpeech || !IsVerbal(*m.entry)) continue;
      bool after = false;
      int subject = SubjectOf(m.first, m.end, &after);
      // Trusted: a subject after the verb, or one that ends right before it (or before قد).
      bool adjacent = subject >= 0 && !after &&
                      (Ent(subject).first_token + Ent(subject).token_count == m.first ||
                       (m.first > 0 && IsWord(m.first - 1, "\xD9\x82\xD8\xAF") &&
                        Ent(subject).first_token + Ent(subject).token_count == m.first - 1));
      if (subject >= 0 && (after || adjacent) && !sentence_subject_.count(sentence_of_[m.first])) {
        sentence_subject_[sentence_of_[m.first]] = subject;
      }
    }
    // A sentence that opens with a verb rasd does not list (وصل الوزير الأردني
    // إلى القاهرة) still names its subject right after it.
    for (uint32_t s = 0; s < doc_->sentences.size(); ++s) {
      if (sentence_subject_.count(s)) continue;
      const Sentence& sent = doc_->sentences[s];
      uint32_t k = sent.first_token, end = sent.first_token + sent.token_count;
      while (k < end && (WordClass(k) == "particle" || WordClass(k) == "conjunction" || IsOpeningAdverb(k))) ++k;
      if (k + 1 >= end || doc_->tokens[k].kind != TokenKind::kWord || entity_at_[k] >= 0 || !WordClass(k).empty()) continue;
      int j = entity_at_[k + 1];
      if (j >= 0 && Ent(j).first_token == k + 1 && IsParticipant(j) && Preposition(j).empty()) {
        sentence_subject_[s] = PreferPerson(j);
      }
    }
    int last_subject = -1;  // the explicit subject of the previous sentence, for dropped pronouns
    uint32_t last_sentence = 0;
    for (const Trigger& t : triggers_) {
      uint32_t s = sentence_of_[t.first];
      if (s != last_sentence) {
        for (uint32_t p = last_sentence; p < s; ++p) {
          if (sentence_subject_.count(p)) last_subject = sentence_subject_[p];
        }
        // من جانبه، بدوره: the other side of the last event speaks now.
        if (OpensWithCounterpart(s) && last_recipient_ >= 0) last_subject = last_recipient_;
        last_sentence = s;
      }
      // The hand rules' events steer the discourse (من جانبه), whatever decides later.
      const int accepted = ExtractOne(t, last_subject);
      if (accepted >= 0 && !(*out_)[accepted].event.recipient.empty()) {
        last_recipient_ = (*out_)[accepted].event.recipient.front().entity;
      }
    }
  }

  // كما، ثم، أيضا … before a sentence's verb.
  bool IsOpeningAdverb(uint32_t t) const { return WordClass(t) == "adverb"; }

  // The sentence opens (after و) with من جانبه / من جهته / من ناحيته / بدوره.
  bool OpensWithCounterpart(uint32_t s) const {
    const Sentence& sent = doc_->sentences[s];
    uint32_t k = sent.first_token, end = sent.first_token + sent.token_count;
    if (k < end && IsWord(k, "\xD8\xA8\xD8\xAF\xD9\x88\xD8\xB1\xD9\x87")) return true;  // بدوره
    if (k + 1 < end && IsWord(k, "\xD9\x85\xD9\x86")) {                                           // من
      for (std::string_view w : {"\xD8\xAC\xD8\xA7\xD9\x86\xD8\xA8\xD9\x87", "\xD8\xAC\xD9\x87\xD8\xAA\xD9\x87",
                                 "\xD9\x86\xD8\xA7\xD8\xAD\xD9\x8A\xD8\xAA\xD9\x87"}) {  // جانبه جهته ناحيته
        if (Folded(k + 1) == w) return true;
      }
    }
    return false;
  }

 private:
  const Entity& Ent(int i) const { return doc_->entities[i]; }
  std::string_view Folded(uint32_t t) const { return doc_->Folded(doc_->tokens[t].norm); }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && sentence_of_[a] == sentence_of_[b]; }
  std::string_view Proclitic(uint32_t t) const {
    const Token& tok = doc_->tokens[t];
    if (tok.segment_count < 2 || tok.stem_offset == 0) return {};
    const Segment& last = doc_->segments[tok.stem() - 1];
    return doc_->Folded(last.norm);
  }
  // Any of token t's proclitics is `p` (بالانسحاب: ب+ال+انسحاب).
  bool HasProclitic(uint32_t t, std::string_view p) const {
    const Token& tok = doc_->tokens[t];
    for (uint32_t k = tok.first_segment; k < tok.stem(); ++k) {
      if (doc_->segments[k].kind == SegmentKind::kProclitic && doc_->Folded(doc_->segments[k].norm) == p) return true;
    }
    return false;
  }
  bool FirstProcliticIs(uint32_t t, std::string_view p) const {
    const Token& tok = doc_->tokens[t];
    if (tok.segment_count < 2) return false;
    const Segment& s = doc_->segments[tok.first_segment];
    return s.kind == SegmentKind::kProclitic && doc_->Folded(s.norm) == p;
  }

  // Entities that can take part in an event: a person, organisation, country,
  // a role with a country, or a capital standing for its government.
  bool IsParticipant(int i) const {
    if (i < 0) return false;
    const Entity& e = Ent(i);
    if (e.country.empty() && e.code.empty()) return false;
    switch (e.type) {
      case EntityType::kPerson: case EntityType::kOrganization: case EntityType::kGpe: case EntityType::kRole:
        return true;
      case EntityType::kLocation:
        return e.sector == "GOV";  // واشنطن، موسكو
      default:
        return false;
    }
  }

  // A nationality adjective (الإسرائيلية، الإسرائيلي), not a people noun
  // (الأرمن، الفلسطينيين): only the adjective names an agent.
  bool IsNisbaAdjective(int i) const {
    if (i < 0 || Ent(i).type != EntityType::kNorp || Ent(i).country.empty()) return false;
    std::string key = NormalizeKey(Ent(i).text);
    return std::string_view(key).ends_with("\xD9\x8A") || std::string_view(key).ends_with("\xD9\x8A\xD9\x87");
  }

  // The preposition that introduces entity i (a separate word or a proclitic), folded.
  std::string Preposition(int i) const {
    if (static_cast<size_t>(i) < prep_memo_.size() && prep_known_[i]) return prep_memo_[i];
    std::string p = ComputePreposition(i);
    if (static_cast<size_t>(i) < prep_memo_.size()) {
      prep_memo_[i] = p;
      prep_known_[i] = true;
    }
    return p;
  }
  std::string ComputePreposition(int i) const {
    uint32_t t = Ent(i).first_token;
    std::string_view pro = Proclitic(t);
    if (pro == "\xD9\x84" || pro == "\xD8\xA8" || pro == "\xD9\x83") return std::string(pro);  // ل ب ك
    // Skip a title between the preposition and the name: مع السيد روان، مع د. زيد.
    for (uint32_t back = 1; back <= 3 && t >= back + 1; ++back) {
      LexiconMatch m = entity_lex_.MatchAt(*doc_, t - back, t);
      bool honorific = false;
      for (uint32_t id : m.entries) honorific |= entity_lex_.entry(id).type == EntryType::kHonorific;
      if (honorific && m.first_token + m.token_count == t) {
        t = t - back;
        pro = Proclitic(t);
        if (pro == "\xD9\x84" || pro == "\xD8\xA8" || pro == "\xD9\x83") return std::string(pro);
        break;
      }
    }
    // An opening quote between the preposition and the name: من "مجلس الأمن".
    if (t > 1 && SameSentence(t - 2, t) && doc_->tokens[t - 1].kind == TokenKind::kPunctuation) {
      std::string_view q = Folded(t - 1);
      if (q == "\"" || q == "\xC2\xAB" || q == "\xE2\x80\x9C") --t;  // " « “
    }
    if (t > 0 && SameSentence(t - 1, t)) {
      const Token& prev = doc_->tokens[t - 1];
      if (prev.kind == TokenKind::kWord) {
        std::string_view w = doc_->Folded(doc_->segments[prev.stem()].norm);
        static constexpr std::string_view kPreps[] = {
            "\xD9\x85\xD8\xB9", "\xD8\xB9\xD9\x84\xD9\x8A", "\xD8\xA7\xD9\x84\xD9\x8A", "\xD8\xB6\xD8\xAF",
            "\xD8\xB9\xD9\x86", "\xD9\x85\xD9\x86", "\xD9\x81\xD9\x8A", "\xD9\x84\xD8\xAF\xD9\x8A",
            "\xD8\xAA\xD8\xAC\xD8\xA7\xD9\x87", "\xD8\xA8\xD9\x8A\xD9\x86",
            "\xD8\xAD\xD9\x82"};  // مع على إلى ضد عن من في لدى تجاه بين (ب)حق
        for (std::string_view p : kPreps) {
          if (w == p) return std::string(p);
        }
      }
    }
    return "";
  }

  // A ROLE standing before its person's name is represented by the person.
  int PreferPerson(int i) const {
    // نظيره المصري سامح شكري: the person the nationality describes.
    if (i >= 0 && Ent(i).type == EntityType::kNorp) {
      uint32_t t = Ent(i).first_token + Ent(i).token_count;
      if (t < n_ && doc_->tokens[t].kind == TokenKind::kPunctuation) ++t;
      int j = t < n_ && SameSentence(t, Ent(i).first_token) ? entity_at_[t] : -1;
      if (j >= 0 && Ent(j).first_token == t && Ent(j).type == EntityType::kPerson && Ent(j).country == Ent(i).country) {
        return j;
      }
      return i;
    }
    if (i < 0 || Ent(i).type != EntityType::kRole) return i;
    for (uint32_t t = Ent(i).first_token + Ent(i).token_count; t < n_ && t < Ent(i).first_token + 16 &&
                                                                SameSentence(t, Ent(i).first_token);
         ++t) {
      int j = entity_at_[t];
      if (j >= 0 && Ent(j).type == EntityType::kPerson) {
        for (const std::string& r : Ent(j).roles) {
          if (r == doc_->Text(Ent(i).span) || r == Ent(i).text) return j;
        }
      }
    }
    return i;
  }

  // The first participant in [from, to) not introduced by a preposition; for
  // a recipient also a people named by nationality (الأشقاء اليمنيين).
  int FirstBare(uint32_t from, uint32_t to, bool recipient = false) const {
    uint32_t pp_end = UINT32_MAX;  // end of the last entity skipped for its preposition
    for (uint32_t t = from; t < to && t < n_; ++t) {
      int i = entity_at_[t];
      if (i < 0 || Ent(i).first_token != t) continue;
      // Its preposition, or that of the entity it is joined to (من X وY).
      if (!Preposition(i).empty() || (t == pp_end && FirstProcliticIs(t, kWaw))) {
        pp_end = Ent(i).first_token + Ent(i).token_count;
        continue;
      }
      if (IsParticipant(i)) return i;
      if (recipient && Ent(i).type == EntityType::kNorp && !Ent(i).country.empty() && t > from) return i;
    }
    return -1;
  }

  // The end of a verb's bare arguments: the first word that opens a
  // prepositional phrase with ب or ل (بموقف، لمساءلة), adverbs aside.
  // (ل also marks a masdar's object, قصف الجيش لمواقع حماس: `with_lam` false
  // keeps looking past it.)
  uint32_t BeforePrepositionalPhrase(uint32_t from, uint32_t to, bool with_lam = true) const {
    for (uint32_t k = from; k < to && k < n_; ++k) {
      std::string_view pro = Proclitic(k);
      bool opens = pro == "\xD8\xA8" || (with_lam && pro == "\xD9\x84");  // ب ل
      if (!opens || entity_at_[k] >= 0 || IsAdverb(k)) continue;
      // A noun, not a particle or a pronoun (بأن، به، لها).
      std::string_view stem = doc_->Folded(doc_->segments[doc_->tokens[k].stem()].norm);
      if (stem.size() >= 6 && !IsFunctionWord(stem)) return k;
    }
    return to;
  }

  // Adverbs written with ب (بشدة، بقوة، بدوره) fill no recipient slot.
  bool IsAdverb(uint32_t t) const {
    int8_t& memo = adverb_memo_[t];
    if (memo < 0) memo = ComputeIsAdverb(t) ? 1 : 0;
    return memo == 1;
  }
  bool ComputeIsAdverb(uint32_t t) const {
    LexiconMatch m = entity_lex_.MatchAt(*doc_, t, t + 1);
    for (uint32_t id : m.entries) {
      const LexEntry& e = entity_lex_.entry(id);
      if (e.type == EntryType::kCue && e.kind == "function_words" && NormalizeKey(e.surface) == Folded(t)) return true;
    }
    return false;
  }

  // The grammatical class of a function word (relative, particle, preposition
  // …, from function_words.tsv) at token t, its conjunction و/ف aside; "" if none.
  std::string_view WordClass(uint32_t t) const {
    if (t >= n_ || doc_->tokens[t].kind != TokenKind::kWord) return {};
    if (!class_known_[t]) {
      class_memo_[t] = ComputeWordClass(t);
      class_known_[t] = true;
    }
    return class_memo_[t];
  }
  std::string_view ComputeWordClass(uint32_t t) const {
    const std::string* cls = FunctionWordClass(entity_lex_, WithoutConjunction(t));
    return cls != nullptr ? std::string_view(*cls) : std::string_view();
  }
  // Token t folded, its conjunction و or ف aside (وفرضت → فرضت).
  std::string_view WithoutConjunction(uint32_t t) const {
    if (!FirstProcliticIs(t, kWaw) && !FirstProcliticIs(t, "\xD9\x81")) return Folded(t);
    return doc_->Folded(Span{doc_->segments[doc_->tokens[t].first_segment + 1].norm.begin, doc_->tokens[t].norm.end});
  }
  bool IsFunctionWord(std::string_view folded) const {
    auto it = function_word_memo_.find(folded);
    if (it != function_word_memo_.end()) return it->second;
    bool is = FunctionWordClass(entity_lex_, folded) != nullptr;
    function_word_memo_.emplace(std::string(folded), is);
    return is;
  }
  bool IsWord(uint32_t t, std::string_view folded) const {
    if (t >= n_ || doc_->tokens[t].kind != TokenKind::kWord) return false;
    return Folded(t) == folded || WithoutConjunction(t) == folded;
  }

  // Past a title that stands at k (السيد، وجلالة الملك), within [k, to).
  uint32_t PastTitle(uint32_t k, uint32_t to) const {
    if (k >= n_ || entity_at_[k] >= 0 || !IsHonorificAt(k)) return k;
    return k + std::max<uint32_t>(1, entity_lex_.MatchAt(*doc_, k, to).token_count);
  }

  bool IsHonorificAt(uint32_t t) const {
    int8_t& memo = honorific_memo_[t];
    if (memo < 0) memo = ComputeIsHonorificAt(t) ? 1 : 0;
    return memo == 1;
  }
  bool ComputeIsHonorificAt(uint32_t t) const {
    LexiconMatch m = entity_lex_.MatchAt(*doc_, t, SentenceEnd(t));
    for (uint32_t id : m.entries) {
      if (entity_lex_.entry(id).type == EntryType::kHonorific) return true;
    }
    return false;
  }

  // Token t is governed by preposition `p`: a proclitic (ل ب) or the word before.
  bool Governed(uint32_t t, std::string_view p) const {
    if (Proclitic(t) == p) return true;
    if (t == 0 || !SameSentence(t - 1, t) || doc_->tokens[t - 1].kind != TokenKind::kWord) return false;
    return doc_->Folded(doc_->segments[doc_->tokens[t - 1].stem()].norm) == p;
  }

  // The participant that preposition `p` (folded) introduces first in [from, to):
  // the object right after it, past a title (مع السيد روان) or one head noun
  // (مع نظيره وزير الخارجية المصري، ضد الشعب الفلسطيني، بقرار البرلمان
  // الهولندي). When p first governs something else (رحب بالبيان), -1.
  int FirstWithPreposition(uint32_t from, uint32_t to, std::string_view p, bool* via_owner = nullptr) const {
    for (uint32_t t = from; t < to && t < n_; ++t) {
      if (!Governed(t, p) || IsAdverb(t)) continue;
      uint32_t k = t;
      k = PastTitle(k, to);
      for (uint32_t step = 0; step < 2 && k < to; ++step, ++k) {
        int i = entity_at_[k];
        if (i >= 0 && Ent(i).first_token == k) {
          bool participant = IsParticipant(i) || (Ent(i).type == EntityType::kNorp && !Ent(i).country.empty());
          // A role that takes its country from what follows (مع أمين عام
          // الجامعة العربية أحمد أبو الغيط): look past it.
          if (!participant && Ent(i).type == EntityType::kRole) {
            k = Ent(i).first_token + Ent(i).token_count - 1;
            step = 0;
            continue;
          }
          if (!participant) return -1;
          return i;
        }
        if (i >= 0) return -1;
      }
      int owner = OwnerOfNounPhrase(t + 1, to);
      if (owner >= 0 && via_owner != nullptr) *via_owner = true;
      return owner;
    }
    return -1;
  }

  // The doer named by an agent marker (من قبل، على يد، بنيران) in the same
  // clause within ten words after a trigger: a participant or a nationality adjective.
  int AgentAfter(uint32_t from, uint32_t sent_end) const {
    const uint32_t to = std::min<uint32_t>(sent_end, from + 10);
    for (uint32_t k = from; k < to; ++k) {
      if (doc_->tokens[k].kind == TokenKind::kPunctuation) return -1;
      uint32_t len = 0;
      if (WordClass(k) == "agent") {
        len = 1;
      } else {
        LexiconMatch m = entity_lex_.MatchAt(*doc_, k, to);
        for (uint32_t id : m.entries) {
          const LexEntry& e = entity_lex_.entry(id);
          if (e.type == EntryType::kCue && e.kind == "function_words" && e.value == "agent") len = m.token_count;
        }
      }
      if (len == 0) continue;
      for (uint32_t j = k + len; j < std::min<uint32_t>(to, k + len + 2); ++j) {
        int i = entity_at_[j];
        if (i >= 0 && Ent(i).first_token == j && (IsParticipant(i) || IsNisbaAdjective(i))) return PreferPerson(i);
      }
      return -1;
    }
    return -1;
  }

  // The preposition governs a thing, not an actor (رفضه للتصريحات غير المسؤولة
  // لنائب الرئيس العراقي، للتدخل الإيراني، باقتحام قوات الاحتلال): the
  // actor the noun phrase belongs to — a nationality adjective, a genitive, or
  // an ل-phrase — before the phrase ends.
  int OwnerOfNounPhrase(uint32_t from, uint32_t to) const {
    for (uint32_t k = from; k < to && k < from + 6; ++k) {
      const Token& tok = doc_->tokens[k];
      if (tok.kind != TokenKind::kWord || !SameSentence(k, from)) return -1;
      int i = entity_at_[k];
      if (i >= 0 && Ent(i).first_token == k) {
        if (IsNisbaAdjective(i)) return i;
        std::string prep = Preposition(i);
        if (IsParticipant(i) && (prep.empty() || prep == "\xD9\x84")) return i;  // ل
        // An adjective read as a role (غير المسؤولة) does not end the phrase.
        if (Ent(i).type == EntityType::kRole && !IsParticipant(i) && Ent(i).token_count == 1) continue;
        return -1;
      }
      if (i >= 0) return -1;
      std::string_view cls = WordClass(k);
      if (!cls.empty() && !IsWord(k, "\xD8\xBA\xD9\x8A\xD8\xB1")) return -1;  // any function word but غير
      if (FirstProcliticIs(k, kWaw) && k > from) return -1;  // a second thing: … ورعاية
      // A new prepositional phrase (… لجنة تحقيق لمساءلة …) is another thing's.
      std::string_view pro = Proclitic(k);
      if (k > from && (pro == "\xD8\xA8" || pro == "\xD9\x84")) return -1;
    }
    return -1;
  }

  uint32_t SentenceEnd(uint32_t t) const {
    const Sentence& s = doc_->sentences[sentence_of_[t]];
    return s.first_token + s.token_count;
  }
  uint32_t SentenceBegin(uint32_t t) const { return doc_->sentences[sentence_of_[t]].first_token; }

  const Marker* MarkerBefore(uint32_t t, const char* kind, uint32_t max_gap) const {
    const Marker* best = nullptr;
    for (const Marker& m : markers_) {
      if (m.entry->kind != kind || !SameSentence(m.first, t) || m.end > t) continue;
      if (t - m.end <= max_gap) best = &m;
    }
    return best;
  }

  // Quotation marks: +1 opens, -1 closes, 0 neither; a straight quote (") toggles.
  int QuoteMark(uint32_t k) const {
    if (doc_->tokens[k].kind != TokenKind::kPunctuation) return 0;
    std::string_view q = Folded(k);
    if (q == "\xC2\xAB" || q == "\xE2\x80\x9C") return 1;   // « “
    if (q == "\xC2\xBB" || q == "\xE2\x80\x9D") return -1;  // » ”
    return q == "\"" ? 2 : 0;
  }

  // Who says the quotation around token t (قال X: «نطالب …» or «نطالب …»، قال X):
  // the subject of the speech verb just before its opening mark or just after
  // its closing one, in the same sentence; -1 when t is not quoted or no one
  // is named.
  int QuoteSpeaker(uint32_t t) const {
    const uint32_t begin = SentenceBegin(t), end = SentenceEnd(t);
    int open = -1;
    int straight = 0;
    for (uint32_t k = begin; k < t; ++k) {
      const int m = QuoteMark(k);
      if (m == 2) {
        straight ^= 1;
        open = straight ? static_cast<int>(k) : -1;
      } else if (m == 1) {
        open = static_cast<int>(k);
      } else if (m == -1) {
        open = -1;
      }
    }
    if (open < 0) return -1;
    auto speaker_of = [&](const Marker& m) {
      bool after = false;
      return SubjectOf(m.first, m.end, &after);
    };
    for (const Marker& m : markers_) {  // before: قال الوزير: «…
      if (m.entry->type != EntryType::kSpeech || m.entry->kind != "say" || !IsVerbal(*m.entry)) continue;
      if (m.first >= begin && m.end <= static_cast<uint32_t>(open) && static_cast<uint32_t>(open) - m.end <= 6) {
        if (int s = speaker_of(m); s >= 0 && Ent(s).first_token < static_cast<uint32_t>(open)) return s;
      }
    }
    uint32_t close = t;
    while (close < end && QuoteMark(close) != -1 && QuoteMark(close) != 2) ++close;
    if (close >= end) return -1;
    for (const Marker& m : markers_) {  // after: …»، قال الوزير
      if (m.entry->type != EntryType::kSpeech || m.entry->kind != "say" || !IsVerbal(*m.entry)) continue;
      if (m.first > close && m.first <= close + 2 && m.end <= end) {
        if (int s = speaker_of(m); s >= 0) return s;
      }
    }
    return -1;
  }

  // The subject of a verb at [first, end): the first bare participant after
  // it (Arabic news is mostly verb-first), else the nearest one before it.
  int SubjectOf(uint32_t first, uint32_t end, bool* after, bool* unknown = nullptr) const {
    if (unknown != nullptr) *unknown = false;
    const uint32_t begin = SentenceBegin(first);
    // Subject-first order (after أن/إن, or opening a clause): a participant
    // that ends right before the verb, or before قد (وكان صالح قد طالب).
    uint32_t before = first;
    if (before > begin && IsWord(before - 1, "\xD9\x82\xD8\xAF")) --before;  // قد
    if (before > begin) {
      int j = entity_at_[before - 1];
      // A role there is the subject only when it opens a complement clause
      // (إن الرئيس التونسي التقى); else it may stand before a name.
      bool clause_role = j >= 0 && Ent(j).type == EntityType::kRole && Ent(j).first_token > begin &&
                         WordClass(Ent(j).first_token - 1) == "particle" &&
                         NormalizeKey(Folded(Ent(j).first_token - 1)).ends_with("\xD9\x86");  // إن أن
      if (j >= 0 && IsParticipant(j) && Preposition(j).empty() && (Ent(j).type != EntityType::kRole || clause_role)) {
        *after = false;
        return PreferPerson(j);
      }
      // A people noun with its nationality opening a complement clause
      // (أن محققين أمريكيين يعملون): the nationality stands for the doers.
      if (j >= 0 && Ent(j).type == EntityType::kNorp && !Ent(j).country.empty() && Ent(j).first_token >= begin + 2) {
        uint32_t noun = Ent(j).first_token - 1;
        bool clause = WordClass(noun - 1) == "particle" && NormalizeKey(Folded(noun - 1)).ends_with("\xD9\x86");  // إن أن
        if (clause && entity_at_[noun] < 0 && WordClass(noun).empty()) {
          *after = false;
          return j;
        }
      }
    }
    // A pronoun subject on the complementizer (قال … إنه بحث، أكدت أنها رفضت):
    // the speaker of the sentence.
    if (first > begin) {
      std::string_view w = Folded(first - 1);
      if (w.starts_with(kWaw)) w.remove_prefix(kWaw.size());
      static constexpr std::string_view kPronounComplementizers[] = {
          "\xD8\xA7\xD9\x86\xD9\x87", "\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7",
          "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85", "\xD8\xA8\xD8\xA7\xD9\x86\xD9\x87"};  // انه انها انهم بانه
      for (std::string_view p : kPronounComplementizers) {
        auto subject = sentence_subject_.find(sentence_of_[first]);
        if (w == p && subject != sentence_subject_.end() && Ent(subject->second).first_token < first) {
          *after = false;
          return subject->second;
        }
      }
    }
    // A relative clause (المالكي الذي اتهم …): the noun the pronoun refers to.
    if (first > begin && WordClass(first - 1) == "relative") {
      *after = false;
      for (uint32_t t = first - 1; t > begin && t + 3 > first; --t) {
        int j = entity_at_[t - 1];
        if (j < 0) continue;
        if (IsParticipant(j)) return PreferPerson(j);
        break;
      }
      if (unknown != nullptr) *unknown = true;
      return -1;
    }
    uint32_t limit = std::min<uint32_t>(SentenceEnd(first), end + 14);
    // The subject comes before a complement clause (قال (subject) إن/أن …)
    // and before a prepositional object: in أشاد بموقف الحكومة المصرية the
    // government is inside the object, not the subject.
    limit = BeforePrepositionalPhrase(end, limit);
    for (uint32_t k = end; k < limit; ++k) {
      std::string_view w = Folded(k);
      if (w == "\xD8\xA7\xD9\x86" || w == "\xD8\xA8\xD8\xA7\xD9\x86") {  // ان بان
        limit = k;
        break;
      }
    }
    // A quantified subject (اعترف عدد كبير من المؤرخين، ندد عدد من المشايخ):
    // named, but not an actor rasd can place.
    if (end < n_ && SameSentence(end, first) && WordClass(end) == "quantifier" && unknown != nullptr) {
      int q = FirstBare(end, std::min<uint32_t>(limit, end + 3));
      if (q < 0) {
        *unknown = true;
        *after = false;
        return -1;
      }
    }
    int i = FirstBare(end, limit);
    *after = i >= 0;
    // A named subject right after the verb that rasd cannot place (ودعا
    // العميد السحيباني): the actor is unknown, not the previous one.
    for (uint32_t t = end; t < std::min<uint32_t>(limit, end + 4) && unknown != nullptr; ++t) {
      int j = entity_at_[t];
      if (j < 0 && IsHonorificAt(t)) continue;  // الدكتور، الشيخ
      if (j < 0 || j == i) break;
      if (Ent(j).type == EntityType::kPerson && Preposition(j).empty() && !IsParticipant(j)) {
        *unknown = true;
        return -1;
      }
      if (Ent(j).type != EntityType::kRole) break;
      t = Ent(j).first_token + Ent(j).token_count - 1;
    }
    if (i >= 0) return PreferPerson(i);
    for (uint32_t t = first; t > SentenceBegin(first); --t) {
      int j = entity_at_[t - 1];
      if (j >= 0 && IsParticipant(j) && Preposition(j).empty()) return PreferPerson(j);
    }
    return -1;
  }

  EventActor ActorOf(int i) const { return ActorOfEntity(*doc_, i); }

  // Participants joined by و to `i` (الأردن ومصر): PLOVER lists compound actors.
  std::vector<int> WithConjuncts(int i) const {
    std::vector<int> out{i};
    uint32_t t = Ent(i).first_token + Ent(i).token_count;
    while (t < n_ && SameSentence(t, Ent(i).first_token)) {
      // Past the last conjunct's apposition (حمد بن عيسى، ملك مملكة البحرين، و…).
      for (uint32_t guard = 0; guard < 8 && t < n_ && SameSentence(t, Ent(i).first_token); ++guard) {
        int a = entity_at_[t];
        bool comma = doc_->tokens[t].kind == TokenKind::kPunctuation && Folded(t) == "\xD8\x8C";  // ،
        bool apposition = a >= 0 && Ent(a).first_token == t && !FirstProcliticIs(t, kWaw) &&
                          (Ent(a).type == EntityType::kRole || Ent(a).type == EntityType::kGpe);
        if (comma) {
          ++t;
        } else if (apposition) {
          t = Ent(a).first_token + Ent(a).token_count;
        } else {
          break;
        }
      }
      if (t >= n_ || !FirstProcliticIs(t, kWaw)) break;
      uint32_t k = t;
      // A title after و (وجلالة الملك عبدالله).
      k = PastTitle(k, SentenceEnd(k));
      if (k < n_ && entity_at_[k] >= 0 && Ent(entity_at_[k]).type == EntityType::kRole &&
          Ent(entity_at_[k]).first_token == k && k != t) {
        k = Ent(entity_at_[k]).first_token + Ent(entity_at_[k]).token_count;  // الملك before the name
      }
      int j = k < n_ ? entity_at_[k] : -1;
      if (j < 0 || Ent(j).first_token != k || !IsParticipant(j)) break;
      out.push_back(PreferPerson(j));
      t = Ent(j).first_token + Ent(j).token_count;
    }
    return out;
  }

  // Adds the candidates of trigger t (and of the allegation it may carry) to
  // out_; returns the index of the last one the hand rules accept, or -1.
  int ExtractOne(const Trigger& t, int last_subject) {
    last_subject_ = last_subject;
    const LexEntry& e = *t.entry;
    // A first-person verb (ندين، طالبنا) is an event only inside a quotation.
    const int quote_speaker = e.kind == "first_person" ? QuoteSpeaker(t.first) : -1;
    if (e.kind == "first_person" && quote_speaker < 0) return -1;
    // A noun with a possessive pronoun (دعمها، لقائه): the hand rules never read these.
    uint32_t reasons = t.possessed ? static_cast<uint32_t>(kPossessedNoun) : 0u;
    // An evaluative verb (وصف … بأنه «خائن»): too loose for the hand rules; the decision weighs it.
    if (!e.evaluation.empty()) reasons |= kEvaluative;
    int accepted = -1;
    // Only the trigger's head counts: a phrase whose later words begin a name
    // (نشرت قوات الأمن …) is a verb and its subject or object, not a name.
    for (uint32_t k = t.first; k < t.end; ++k) {
      int i = entity_at_[k];
      if (i >= 0 && k > t.first && Ent(i).first_token == k) break;
      // Inside a name (مجلس التعاون). A bare, unplaced word read as an
      // organisation (قوات in نشر قوات) is no name.
      if (i < 0) continue;
      bool bare = Ent(i).code.empty() && Ent(i).country.empty() && Ent(i).token_count == 1 &&
                  Ent(i).type == EntityType::kOrganization;
      if (Ent(i).type != EntityType::kDate && Ent(i).type != EntityType::kNumber && !bare) {
        reasons |= kInsideName;
        break;
      }
    }
    const uint32_t sent_end = SentenceEnd(t.first);
    // not_events.tsv: the trigger opens a phrase with a sense outside politics.
    for (uint32_t id : entity_lex_.MatchAt(*doc_, t.first, sent_end).entries) {
      const LexEntry& x = entity_lex_.entry(id);
      if (x.type == EntryType::kCue && x.kind == "not_events") reasons |= kNotEventSense;
    }
    bool verbal = IsVerbal(e);
    // A verb spelt like its masdar (دعم، رفض، قصف) right after a speaker and
    // its subject is the object of what was said: أكد مجلس الجامعة "دعم الطلب".
    if (verbal && e.kind == "perfect") {
      uint32_t k = t.first;
      while (k > SentenceBegin(t.first) && doc_->tokens[k - 1].kind == TokenKind::kPunctuation) --k;
      auto subject = sentence_subject_.find(sentence_of_[t.first]);
      if (k > 0 && subject != sentence_subject_.end() &&
          Ent(subject->second).first_token + Ent(subject->second).token_count == k) {
        for (const Marker& m : markers_) {
          if (m.entry->type == EntryType::kSpeech && SameSentence(m.first, t.first) && m.end <= Ent(subject->second).first_token &&
              Ent(subject->second).first_token - m.end <= 1) {
            verbal = false;
          }
        }
      }
    }
    // So is one joined by و to a masdar trigger just before it (مع محاصرة المدن ومنع وصول الطواقم).
    // Joined to its genitive: one definite noun between (محاصرة المدن ومنع); not after an object or
    // a preposition (شن هجوما على المسلحين وقتل عشرة منهم: a verb).
    if (verbal && e.kind == "perfect" && FirstProcliticIs(t.first, kWaw)) {
      const Trigger* prev = TriggerBefore(t);
      if (prev != nullptr && prev->entry->kind == "masdar" && prev->end + 1 == t.first &&
          Folded(prev->end).starts_with("\xD8\xA7\xD9\x84") && WordClass(prev->end).empty()) {  // ال
        verbal = false;
      }
    }
    const bool masdar = e.kind == "masdar" || (!verbal && e.kind == "perfect");
    // A noun after بأنه (ووصفته بأنه عمل إرهابي، اعتبرت القرار بأنه عدوان) describes what the
    // sentence has named: no act of its own.
    if (!verbal && t.first > 0 && SameSentence(t.first - 1, t.first) && DescribedAs(t.first - 1)) return -1;
    // A verb never takes the article: التعاون، للتوصل are nouns here.
    if (verbal && e.kind != "phrase") {
      std::string_view w = Folded(t.first);
      while (w.starts_with(kWaw) || w.starts_with("\xD9\x81")) w.remove_prefix(2);  // و ف
      const bool own_alef_lam = NormalizeKey(e.surface).starts_with("\xD8\xA7\xD9\x84");  // التقى، التزم
      if ((w.starts_with("\xD8\xA7\xD9\x84") && !own_alef_lam) || w.starts_with("\xD9\x84\xD9\x84")) {  // ال لل
        reasons |= kVerbSpeltAsNoun;
      }
      // Nor the preposition ب: بطلب من فلسطين is "at Palestine's request", a noun.
      if (Proclitic(t.first) == "\xD8\xA8") reasons |= kVerbSpeltAsNoun;
    }
    // What is demanded (دعت واشنطن طهران إلى الإفراج عن الصحافي، طالب بوقف
    // القصف) has not happened: a masdar governed by إلى/ب after a REQUEST verb
    // in the same clause is its content, not an event.
    // So is the genitive of such a masdar (طالب بوقف القصف، دعا إلى ممارسة ضغط على إسرائيل).
    auto content_head = [&](uint32_t k) {
      return Governed(k, "\xD8\xA7\xD9\x84\xD9\x8A") || HasProclitic(k, "\xD8\xA8");  // إلى ب
    };
    const bool in_content = content_head(t.first) ||
                            (t.first > 0 && SameSentence(t.first - 1, t.first) && entity_at_[t.first - 1] < 0 &&
                             doc_->tokens[t.first - 1].kind == TokenKind::kWord && content_head(t.first - 1));
    if (!verbal && t.first > 0 && in_content) {
      for (const Trigger& other : triggers_) {
        if (other.first >= t.first) break;
        if (other.entry->value == "REQUEST" && IsVerbal(*other.entry) && SameSentence(other.first, t.first) &&
            t.first - other.first <= 12) {
          reasons |= kRequestedContent;
          break;
        }
      }
    }
    // Actor.
    int actor = -1;
    int dual_recipient = -1;  // the other of the two parties a dual subject stands for
    int object_genitive = -1;  // a masdar's genitive read as its object
    bool actor_after = false;
    const int agent = AgentAfter(t.end, sent_end);
    if (e.kind == "first_person") {
      actor = quote_speaker;  // «نطالب …» قال الرئيس: we = the speaker
    } else if (verbal && agent >= 0) {
      // A passive or instrumental report names its doer (قتل 18 فلسطينيا بنيران
      // إسرائيلية، اعتقل على يد الأمن): that is the actor.
      actor = agent;
    } else if (verbal) {
      bool unknown = false;
      actor = SubjectOf(t.first, t.end, &actor_after, &unknown);
      // «وبحث الجانبان»، «واتفق الرئيسان»: a dual subject of a symmetric act is the last two parties.
      if (const auto pair = DualSubject(t, e); pair.first >= 0) {
        actor = pair.first;
        dual_recipient = pair.second;
        actor_after = false;
        unknown = false;
      }
      if (actor >= 0 && actor_after) {
        if (int shared = SharedSubject(t, e, actor); shared >= 0) {
          actor = shared;
          actor_after = false;
        }
      }
      // Only a trigger the rules keep names its sentence's subject.
      if (actor >= 0 && actor_after && reasons == 0) sentence_subject_[sentence_of_[t.first]] = actor;
      if (unknown) {
        reasons |= kUnplacedSubject;
        actor = -1;
      } else if (actor < 0 && e.value != "ASSAULT" && e.value != "COERCE" && NameInside(t) < 0) {
        // A dropped subject continues the previous sentence's; not for force,
        // where a wrong doer is the costliest error (قتل جنديان تركيان).
        actor = last_subject;
      }
    } else if (agent >= 0) {
      actor = agent;  // تم تقديم مساعدات … من قبل الحكومة السعودية
    } else {
      // A noun's actor is its adjective or genitive: الاعتداءات الإسرائيلية، إدانة الأردن.
      // (What follows a participle is its object: محذرا دمشق.)
      for (uint32_t k = t.end; k < t.end + 2 && k < sent_end && e.kind != "participle"; ++k) {
        int i = entity_at_[k];
        if (i >= 0 && Ent(i).first_token == k && (IsParticipant(i) || IsNisbaAdjective(i)) &&
            Preposition(i).empty()) {
          actor = i;
          break;
        }
      }
      // Else the noun is what the sentence's subject states (أكدت الجامعة دعم
      // الطلب، أعرب عن إدانته): that subject, if named before it.
      auto subject = sentence_subject_.find(sentence_of_[t.first]);
      bool statement = e.value != "ASSAULT" && e.value != "COERCE" && e.value != "MOBILIZE";
      // A transitive masdar's bare genitive is its object (ضرورة مقاضاة
      // إسرائيل) when the frame has no preposition phrase to fill and the
      // sentence names who speaks.
      if (actor >= 0 && masdar && statement && Ent(actor).first_token == t.end &&
          !IsNisbaAdjective(actor) && subject != sentence_subject_.end() &&
          Ent(subject->second).first_token < t.first && subject->second != actor &&
          std::string_view(e.extra).find("obj") != std::string_view::npos) {
        bool prepositional = false;
        const uint32_t past = Ent(actor).first_token + Ent(actor).token_count;
        std::string_view alts = e.extra;
        for (size_t a = 0; a <= alts.size() && !prepositional;) {
          size_t bar = alts.find('|', a);
          std::string_view alt = alts.substr(a, bar == std::string_view::npos ? std::string_view::npos : bar - a);
          a = bar == std::string_view::npos ? alts.size() + 1 : bar + 1;
          if (alt != "obj" && alt != "subj" && alt != "-") {
            prepositional = FirstWithPreposition(past, std::min<uint32_t>(sent_end, past + 10), NormalizeKey(alt)) >= 0;
          }
        }
        if (!prepositional) {
          object_genitive = actor;
          actor = subject->second;
        }
      }
      // A circumstantial participle (محذرا، مشيدا) always belongs to the sentence's subject.
      if (actor < 0 && e.kind == "participle" && subject != sentence_subject_.end() &&
          Ent(subject->second).first_token < t.first) {
        actor = subject->second;
        actor_after = false;
      }
      if (actor < 0 && masdar && statement && subject != sentence_subject_.end() &&
          Ent(subject->second).first_token < t.first) {
        actor = subject->second;
        actor_after = false;
      }
    }
    // Recipient: the frame's alternatives in order.
    int recipient = -1;
    bool recipient_via_owner = false;  // found as the owner of a thing (على قرار الرئيس)
    bool uncoded_addressee = false;    // the object is a group of states (المجتمع الدولي): no code
    std::string_view frame = e.extra;
    bool needs_recipient = frame != "-";
    // "ضد|على|-": look for a recipient, but the event stands without one.
    const bool optional_recipient = frame.size() > 2 && frame.ends_with("|-");
    // A masdar's genitive agent (إدانة الحكومة القطرية للحكومة السورية): the
    // recipient follows it, and its object may come with ل.
    const bool genitive_actor = !verbal && actor >= 0 && object_genitive < 0 && Ent(actor).first_token >= t.end &&
                                Ent(actor).first_token <= t.end + 1;
    uint32_t from = (actor_after || genitive_actor) && actor >= 0 ? Ent(actor).first_token + Ent(actor).token_count : t.end;
    from = std::max(from, t.args_from);
    if (dual_recipient >= 0) from = std::max(from, t.end + 1);  // past the dual subject (ودعا الوزيران …)
    uint32_t limit = std::min<uint32_t>(sent_end, t.end + 40);
    // The object as a pronoun on the phrase's preposition (ألقت الشرطة القبض عليه): the party it
    // stands for was named before. (A verb's own object pronoun, وحذرها، is left to the search
    // after the verb: resolving it so measured no better on the train split, docs/events.md.)
    bool recipient_fixed = t.object_pronoun;
    if (recipient_fixed && needs_recipient) recipient = Antecedent(t, actor);
    // An act undergone (تعرضت ناقلة نفط سعودية لهجوم حوثي): the subject of تعرض is its target.
    if (!verbal && !recipient_fixed) {
      if (const int sufferer = Sufferer(t); sufferer >= 0 && sufferer != actor) {
        recipient = sufferer;
        recipient_fixed = true;
      }
    }
    size_t pos = 0;
    while (needs_recipient && recipient < 0 && !recipient_fixed && pos <= frame.size()) {
      size_t bar = frame.find('|', pos);
      std::string_view alt = frame.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos);
      pos = bar == std::string_view::npos ? frame.size() + 1 : bar + 1;
      if (alt == "obj") {
        // A relative object (استنكر ما وصفه بـ"الهجوم على" السوريين) runs longer.
        uint32_t window = from < n_ && IsWord(from, "\xD9\x85\xD8\xA7") ? 14 : 8;  // ما
        if (genitive_actor) window = 3;  // a masdar's object follows its agent at once
        recipient = object_genitive >= 0
                        ? object_genitive
                        : FirstBare(from, BeforePrepositionalPhrase(from, std::min<uint32_t>(limit, from + window), false),
                                    /*recipient=*/true);
        if (recipient < 0 && genitive_actor) recipient = FirstWithPreposition(from, limit, "\xD9\x84");  // ل
        if (recipient < 0 && verbal) uncoded_addressee = NonActorAt(from);
        // Force against a place (اقتحمت المسجد الأقصى، قصفت غزة) targets its country.
        if (recipient < 0 && (e.value == "ASSAULT" || e.value == "COERCE")) {
          for (uint32_t k = from; k < std::min<uint32_t>(limit, from + 4) && recipient < 0; ++k) {
            int i = entity_at_[k];
            if (i >= 0 && Ent(i).first_token == k && Ent(i).type == EntityType::kLocation &&
                !Ent(i).country.empty() && Preposition(i).empty()) {
              recipient = i;
            }
          }
        }
      } else if (alt == "-") {
        break;
      } else if (alt == "subj") {
        recipient = actor;
        actor = -1;
      } else {
        std::string folded = NormalizeKey(alt);
        recipient = FirstWithPreposition(from, limit, folded, &recipient_via_owner);
      }
    }
    // A cooperative verb whose object is a cause (تدعم خيار حل الدولتين … لإقامة
    // دولة فلسطينية): the country the rest of the sentence is about.
    bool cooperative = e.value == "SUPPORT" || e.value == "AGREE" || e.value == "AID" || e.value == "COOPERATE";
    if (recipient < 0 && needs_recipient && verbal && cooperative && actor >= 0) {
      for (uint32_t k = from; k < sent_end && recipient < 0; ++k) {
        int i = entity_at_[k];
        if (i >= 0 && Ent(i).first_token == k && !Ent(i).country.empty() && Ent(i).country != Ent(actor).country &&
            (IsParticipant(i) || Ent(i).type == EntityType::kNorp)) {
          recipient = i;
        }
      }
    }
    if (recipient >= 0) recipient = PreferPerson(recipient);
    // A symmetric act between the two (وبحث الجانبان): one is the other's counterpart; any other act
    // (ودعا الوزيران المجتمع الدولي) is done by both.
    int dual_partner = -1;
    if (dual_recipient >= 0 && IsSymmetricAct(e)) {
      recipient = dual_recipient;
    } else if (dual_recipient >= 0) {
      dual_partner = dual_recipient;
    }
    // Frames whose participant is the doer (تلقى اتصالا من X: X called the subject).
    if (e.actor == "obj" && recipient >= 0 && actor >= 0) std::swap(actor, recipient);
    // An act another party reacts to (أدانت الخارجية السعودية … الهجوم الذي استهدف …،
    // رفضت مصر اعتقال …) is not that party's own: its doer is someone else or unknown.
    // So is a verb of force in a relative clause on the reaction's object (أدانت الخارجية
    // المصرية الهجوم الذي استهدف حافلة).
    const bool relative_clause = verbal && t.first > 0 && WordClass(t.first - 1) == "relative";
    int reactor = (!verbal || relative_clause) && IsActOfForce(e.value) ? Reactor(t) : -1;
    // Nor is the party that alleges acts earlier in the sentence (استعرض السفير الجرائم الإسرائيلية
    // …، مع محاصرة المدن ومنع وصول …): it recounts them, it does none of them.
    if (reactor < 0 && IsActOfForce(e.value)) reactor = AllegerBefore(t, verbal);
    if (reactor >= 0 && actor == reactor) actor = -1;
    // Reported speech and allegations.
    const Marker* speech = nullptr;
    for (const Marker& m : markers_) {
      if (m.entry->type == EntryType::kSpeech && SameSentence(m.first, t.first) && m.end <= t.first &&
          (m.entry->kind == "say" || m.entry->kind == "according_to")) {
        speech = &m;
      }
    }
    int speaker = -1;
    if (speech != nullptr) {
      bool after = false;
      speaker = IsVerbal(*speech->entry) ? SubjectOf(speech->first, speech->end, &after) : -1;
      if (speaker < 0) speaker = sentence_subject_.count(sentence_of_[t.first]) ? sentence_subject_[sentence_of_[t.first]] : last_subject;
    }
    bool conflict = e.value == "ASSAULT" || e.value == "COERCE";
    if (!verbal && conflict && actor >= 0) {
      // "… the Israeli attacks": the sentence's subject alleges them (ACCUSE),
      // when the sentence names one; a bare mention is no allegation.
      int subject = sentence_subject_.count(sentence_of_[t.first]) ? sentence_subject_[sentence_of_[t.first]] : -1;
      if (subject < 0 && speaker >= 0 && speech != nullptr) subject = speaker;  // مشيرا إلى …
      if (subject >= 0 && Ent(subject).country != Ent(actor).country) {
        Event acc = Base(t, e);
        acc.type = "ACCUSE";
        acc.mode = "allege";
        acc.cameo = "112";
        acc.actor.push_back(ActorOf(subject));
        acc.recipient.push_back(ActorOf(actor));
        acc.confidence = 0.5f;
        Finish(&acc, t);
        Candidate c = MakeCandidate(std::move(acc), reasons, t, verbal, subject, actor, speaker);
        c.allegation = true;
        c.actor_conjuncts = WithConjuncts(subject);
        if (int kept = Emit(std::move(c)); kept >= 0) accepted = kept;
        if (speaker < 0) speaker = subject;
      }
    }
    // A deployment phrase that names the forces (ونشرت قوات الأمن نحو 2000 عنصر) with no doer outside
    // it: the forces' state deploys them, so the forces named inside the phrase are the actor.
    if (actor < 0 && verbal && e.value == "MOBILIZE") {
      if (int forces = NameInside(t); IsParticipant(forces)) actor = forces;
    }
    if (actor < 0) reasons |= kNoActor;
    // A noun described by a nationality (القمة العربية) has no actor of its own.
    if (actor >= 0 && !verbal && Ent(actor).type == EntityType::kNorp && !conflict) reasons |= kNationalityActor;
    // A condemnation or rejection of an act whose doer is not named (أدانت الخارجية
    // السعودية الهجوم الذي استهدف …) has the act as its object: no recipient needed.
    const bool reacts_to_act = verbal && (e.value == "ACCUSE" || e.value == "REJECT") && GovernsConflictAct(t);
    if (needs_recipient && recipient < 0 && !optional_recipient && !reacts_to_act && !uncoded_addressee) {
      reasons |= kNoRecipient;
    }
    // Praise, appeals, accusations, deals and aid are aimed at someone: without a
    // recipient they tell an analyst nothing (أعرب عن أمله، صوت النواب لصالح القرار).
    // Protests, deployments, meetings and force can stand alone.
    static const std::set<std::string> kStandAlone = {"PROTEST", "MOBILIZE", "CONSULT", "ASSAULT", "COERCE"};
    if (recipient < 0 && !kStandAlone.count(e.value) && !reacts_to_act && !uncoded_addressee) reasons |= kNoRecipient;
    // A noun alone (القمة، زيارة) names an event only with both sides.
    if (!verbal && recipient < 0) reasons |= kNounWithoutRecipient;
    if (actor >= 0 && recipient >= 0 && ActorOf(recipient).code == ActorOf(actor).code) reasons |= kSameParty;
    if (actor >= 0 && recipient >= 0 && Ent(recipient).cluster >= 0 && Ent(recipient).cluster == Ent(actor).cluster) {
      reasons |= kSameParty;
    }
    // Between two actors of one country the frame has most likely caught the
    // actor's own description (السكرتير الثاني في السفارة الفلسطينية): skip.
    // Domestic events (a party accuses a rival, parliament summons a minister)
    // need two distinct bodies: different sectors, and the recipient not
    // inside the actor's own description (within four words after it).
    if (actor >= 0 && recipient >= 0 && !Ent(recipient).country.empty() && Ent(recipient).country == Ent(actor).country) {
      const Entity& a = Ent(actor);
      const Entity& r = Ent(recipient);
      bool described = r.first_token >= a.first_token && r.first_token <= a.first_token + a.token_count + 4;
      bool same_body = r.sector == a.sector || r.sector.empty() || a.sector.empty();
      if (described || same_body) reasons |= kSameBody;
    }
    Event ev = Base(t, e);
    // The press "attacks" with words (هاجمت وسائل الإعلام الاتفاق): a verbal attack.
    // So does anyone who attacks a decision or a statement (شن هجوما على قرار الرئيس).
    if (verbal && e.value == "ASSAULT" && ((actor >= 0 && Ent(actor).sector == "JRN") || recipient_via_owner)) {
      ev.type = "ACCUSE";
      ev.mode = "disapprove";
      ev.cameo = "111";
    }
    std::vector<int> actor_side;  // the actor and the parties joined to it by و
    if (actor >= 0) {
      actor_side = WithConjuncts(actor);
      for (int i : actor_side) ev.actor.push_back(ActorOf(i));
      if (dual_partner >= 0) ev.actor.push_back(ActorOf(dual_partner));
    }
    if (recipient >= 0) {
      for (int i : WithConjuncts(recipient)) {
        EventActor r = ActorOf(i);
        bool also_actor = false;
        for (const EventActor& a : ev.actor) also_actor |= a.code == r.code;
        if (!also_actor) ev.recipient.push_back(std::move(r));
      }
      if (ev.recipient.empty()) reasons |= kSameParty;
    }
    if (speaker >= 0 && speaker != actor) {
      ev.attribution_text = Ent(speaker).text;
      ev.attribution_code = ActorOf(speaker).code;
    } else if (!verbal && conflict && speaker >= 0) {
      ev.attribution_text = Ent(speaker).text;
      ev.attribution_code = ActorOf(speaker).code;
    }
    ev.confidence = verbal ? 0.8f : 0.6f;
    Finish(&ev, t);
    Candidate c = MakeCandidate(std::move(ev), reasons, t, verbal, actor, recipient, speaker);
    c.reactor = reactor;
    c.actor_conjuncts = std::move(actor_side);
    if (int kept = Emit(std::move(c)); kept >= 0) {
      accepted = kept;
    }
    return accepted;
  }

  // A verb joined by و to an earlier clause of its sentence continues that
  // clause's subject when it agrees with it and what follows is the object its
  // frame asks for, then a complement (وجددت المملكة دعمها …، وطالبت جماعة
  // الحوثي بوقف …: the kingdom demands, of the Houthis). Returns that subject or -1.
  int SharedSubject(const Trigger& t, const LexEntry& e, int after_np) const {
    if (!FirstProcliticIs(t.first, kWaw) || !std::string_view(e.extra).starts_with("obj")) return -1;
    auto subject = sentence_subject_.find(sentence_of_[t.first]);
    if (subject == sentence_subject_.end() || subject->second == after_np) return -1;
    const Entity& s = Ent(subject->second);
    if (s.first_token + s.token_count > t.first) return -1;
    // A clause boundary between them: a comma after the subject's clause.
    bool comma = false;
    for (uint32_t k = s.first_token + s.token_count; k < t.first; ++k) {
      comma |= doc_->tokens[k].kind == TokenKind::kPunctuation && (Folded(k) == "," || Folded(k) == "\xD8\x8C");
    }
    if (!comma) return -1;
    // Gender agreement: a perfect verb ending in ت is feminine, as is a subject
    // whose head ends in ة or that names a country.
    std::string_view verb = doc_->Folded(doc_->segments[doc_->tokens[t.first].stem()].norm);
    const bool verb_feminine = e.kind == "perfect" && verb.ends_with("\xD8\xAA");  // ت
    std::string_view head = Folded(s.first_token);
    const bool subject_feminine = head.ends_with("\xD9\x87") || head.ends_with("\xD8\xA9") || s.type == EntityType::kGpe;  // ه/ة folded
    if (verb_feminine != subject_feminine) return -1;
    // The noun phrase after the verb is followed by a complement (ب، إلى، على، من).
    const Entity& np = Ent(after_np);
    const uint32_t past = np.first_token + np.token_count;
    if (past >= SentenceEnd(t.first)) return -1;
    std::string_view pro = Proclitic(past);
    std::string_view word = Folded(past);
    const bool complement = pro == "\xD8\xA8" || pro == "\xD9\x84" || word == "\xD8\xA7\xD9\x84\xD9\x8A" ||
                            word == "\xD8\xB9\xD9\x84\xD9\x8A" || word == "\xD9\x85\xD9\x86";  // ب ل الي علي من
    return complement ? subject->second : -1;
  }

  // Whether the first trigger after t in its sentence, within twelve words (past the
  // subject and a dateline: أدانت الخارجية، في بيان صدر مساء الثلاثاء، الهجوم), is a
  // noun of force (الهجوم، الاعتقال، العقوبات): the act a verb of t's reacts to.
  bool GovernsConflictAct(const Trigger& t) const {
    auto from = std::lower_bound(triggers_.begin(), triggers_.end(), t.end,
                                 [](const Trigger& x, uint32_t k) { return x.first < k; });
    for (auto it = from; it != triggers_.end(); ++it) {
      const Trigger& other = *it;
      if (!SameSentence(other.first, t.first) || other.first - t.end > 12) return false;
      return !IsVerbal(*other.entry) && IsActOfForce(other.entry->value);
    }
    return false;
  }

  // The first name that begins inside phrase trigger t after its head (نشرت قوات
  // الأمن), or -1: the phrase has taken the clause's own subject in.
  int NameInside(const Trigger& t) const {
    for (uint32_t k = t.first + 1; k < t.end; ++k) {
      if (int i = entity_at_[k]; i >= 0 && Ent(i).first_token == k) return i;
    }
    return -1;
  }

  // non_actors.tsv: a group of states (المجتمع الدولي، جميع الأطراف المعنية) starting at token t.
  bool NonActorAt(uint32_t t) const {
    for (uint32_t len = 2; len <= 3 && t + len <= n_; ++len) {
      for (uint32_t id : entity_lex_.MatchAt(*doc_, t, t + len).entries) {
        const LexEntry& x = entity_lex_.entry(id);
        if (x.type == EntryType::kCue && x.kind == "non_actors") return true;
      }
    }
    return false;
  }

  // The party an object pronoun after trigger t stands for: the nearest
  // participant before t in its sentence or the one before, other than the actor.
  int Antecedent(const Trigger& t, int actor) const {
    const uint32_t s = sentence_of_[t.first];
    for (int i = static_cast<int>(doc_->entities.size()) - 1; i >= 0; --i) {
      const Entity& x = Ent(i);
      if (x.first_token >= t.first) continue;
      if (sentence_of_[x.first_token] + 1 < s) break;
      if (i == actor || !IsParticipant(i) || report_source_[i]) continue;
      if (actor >= 0 && x.first_token >= Ent(actor).first_token &&
          x.first_token < Ent(actor).first_token + Ent(actor).token_count) {
        continue;  // a name nested in the actor's phrase
      }
      return PreferPerson(i);
    }
    return -1;
  }

  // The subject of an undergo verb (function_words.tsv: تعرض، يتعرض) governing a noun
  // trigger through ل or إلى: the first party or nationality between the verb and the noun.
  int Sufferer(const Trigger& t) const {
    const bool governed = FirstProcliticIs(t.first, "\xD9\x84") ||                         // ل
                          (t.first > 0 && IsWord(t.first - 1, "\xD8\xA7\xD9\x84\xD9\x8A"));  // إلى (folded)
    if (!governed) return -1;
    const uint32_t begin = SentenceBegin(t.first);
    for (uint32_t k = t.first; k > begin && k + 8 > t.first;) {
      --k;
      if (WordClass(k) != "undergo") continue;
      for (uint32_t j = k + 1; j < t.first; ++j) {
        const int i = entity_at_[j];
        if (i >= 0 && (IsParticipant(i) || IsNisbaAdjective(i))) return PreferPerson(i);
      }
      return -1;
    }
    return -1;
  }

  static bool IsSymmetricAct(const LexEntry& e) {
    return e.value == "CONSULT" || e.value == "AGREE" || e.value == "COOPERATE";
  }

  // collectives.tsv: a dual noun right after a verb (وبحث الجانبان، ودعا الوزيران)
  // stands for the last two parties of different countries named before it:
  // {earlier, later}, or {-1, -1}.
  std::pair<int, int> DualSubject(const Trigger& t, const LexEntry& e) const {
    if (e.value.empty() || t.end >= n_ || !SameSentence(t.end, t.first)) return {-1, -1};
    bool dual = false;
    for (uint32_t id : entity_lex_.MatchAt(*doc_, t.end, t.end + 1).entries) {
      const LexEntry& x = entity_lex_.entry(id);
      dual |= x.type == EntryType::kCue && x.kind == "collectives" && x.value == "2";
    }
    if (!dual) return {-1, -1};
    // The two nearest parties of different countries before t, walking back (entities are in text order).
    int later = -1, earlier = -1;
    for (int i = static_cast<int>(doc_->entities.size()) - 1; i >= 0; --i) {
      if (Ent(i).first_token >= t.first || !IsParticipant(i) || Ent(i).country.empty()) continue;
      if (later < 0) {
        later = i;
      } else if (Ent(i).country != Ent(later).country) {
        earlier = i;
        break;
      }
    }
    if (later < 0 || earlier < 0) return {-1, -1};
    return {earlier, later};
  }

  // The party whose verbal reaction (condemns, rejects, supports, demands) governs
  // trigger t: the actor of the nearest verbal candidate before t in its sentence,
  // when that candidate is a reaction; else -1.
  int Reactor(const Trigger& t) const {
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (it->first_token >= t.first) continue;
      if (sentence_of_[it->first_token] != sentence_of_[t.first]) return -1;
      if (!it->verbal || it->allegation) continue;
      const std::string& type = it->event.type;
      const bool reaction = type == "ACCUSE" || type == "REJECT" || type == "SUPPORT" || type == "REQUEST";
      return reaction && it->end_token <= t.first ? it->actor : -1;
    }
    return -1;
  }

  // بأنه، بأنها، بأنهم: "as being", after a verb of describing or deeming.
  bool DescribedAs(uint32_t k) const {
    const Token& tok = doc_->tokens[k];
    if (tok.segment_count < 3 || !FirstProcliticIs(k, "\xD8\xA8")) return false;  // ب
    return doc_->Folded(doc_->segments[tok.stem()].norm) == "\xD8\xA7\xD9\x86";  // أن (folded ان)
  }

  // The trigger that starts last before t in t's sentence, or null (triggers_ is sorted by start).
  const Trigger* TriggerBefore(const Trigger& t) const {
    auto at = std::lower_bound(triggers_.begin(), triggers_.end(), t.first,
                               [](const Trigger& x, uint32_t k) { return x.first < k; });
    if (at == triggers_.begin()) return nullptr;
    const Trigger& prev = *std::prev(at);
    return SameSentence(prev.first, t.first) ? &prev : nullptr;
  }

  // The party recounting acts earlier in t's sentence, or -1: the alleging party of an allegation
  // (الجرائم الإسرائيلية read as the subject's accusation) or, for a verbal noun t, the subject of a
  // verb of talk, review, accusation, appeal or refusal (استعرض السفير الجرائم …، مع محاصرة المدن).
  int AllegerBefore(const Trigger& t, bool verbal) const {
    static const std::set<std::string_view> kRecounting = {"ACCUSE", "CONSULT", "REQUEST", "REJECT", "PROTEST"};
    for (auto it = out_->rbegin(); it != out_->rend(); ++it) {
      if (it->first_token >= t.first) continue;
      if (sentence_of_[it->first_token] != sentence_of_[t.first]) return -1;
      // Only a verb's subject recounts (a noun's grammar actor may be the accused: الجرائم الإسرائيلية).
      const bool recounts = it->allegation || (!verbal && it->verbal && kRecounting.count(it->event.type));
      if (recounts && it->actor >= 0 && it->end_token <= t.first) return it->actor;
    }
    return -1;
  }

  // domains.tsv: sports words per sentence and in the article, once per article.
  void CountSportWords() const {
    if (!sport_words_.empty() || doc_->sentences.empty()) return;
    sport_words_.assign(doc_->sentences.size(), 0);
    for (uint32_t t = 0; t < n_; ++t) {
      if (doc_->tokens[t].kind != TokenKind::kWord) continue;
      for (uint32_t id : entity_lex_.MatchAt(*doc_, t, t + 1).entries) {
        const LexEntry& x = entity_lex_.entry(id);
        if (x.type == EntryType::kCue && x.kind == "domains" && x.value == "sport") {
          ++sport_words_[sentence_of_[t]];
          ++sport_words_article_;
          break;
        }
      }
    }
  }

  Candidate MakeCandidate(Event ev, uint32_t reasons, const Trigger& t, bool verbal, int actor, int recipient,
                          int speaker) const {
    Candidate c;
    c.event = std::move(ev);
    c.reasons = reasons;
    c.first_token = t.first;
    c.end_token = t.end;
    c.entry = t.entry;
    c.verbal = verbal;
    c.actor = actor;
    c.recipient = recipient;
    c.speaker = speaker;
    if (c.event.type == t.entry->value) c.alternatives = t.alternatives;  // not a derived reading (allegations)
    for (const LexEntry* w : t.evaluations) c.evaluations.push_back({w->surface, w->value});
    if (!verbal) {
      // The nearest earlier trigger of the sentence, when it is a verb within twelve words.
      const Trigger* prev = TriggerBefore(t);
      if (prev != nullptr && IsVerbal(*prev->entry) && prev->end <= t.first && t.first - prev->end <= 12) {
        c.governed_by = prev->entry->value;
      }
    }
    CountSportWords();
    c.sport_words_sentence = sport_words_[sentence_of_[t.first]];
    c.sport_words_article = sport_words_article_;
    // The sentence's possible participants, and the subject a dropped pronoun would continue.
    const uint32_t s = sentence_of_[t.first];
    const Sentence& sent = doc_->sentences[s];
    auto subject = sentence_subject_.find(s);
    for (uint32_t k = sent.first_token; k < sent.first_token + sent.token_count; ++k) {
      int i = entity_at_[k];
      if (i < 0 || Ent(i).first_token != k) continue;
      const Entity& e = Ent(i);
      bool placed_thing = (e.type == EntityType::kNorp || e.type == EntityType::kLocation) && !e.country.empty();
      bool named = e.type == EntityType::kPerson || e.type == EntityType::kOrganization;
      if (!IsParticipant(i) && !placed_thing && !named) continue;
      if (report_source_[i]) continue;
      c.mentions.push_back(
          {i, Preposition(i), false, subject != sentence_subject_.end() && subject->second == i, IsNisbaAdjective(i)});
    }
    for (const Trigger& other : triggers_) {
      if (sentence_of_[other.first] == s) c.sentence_triggers.emplace_back(other.first, other.entry->value);
    }
    if (last_subject_ >= 0 && sentence_of_[Ent(last_subject_).first_token] != s) {
      c.mentions.push_back({last_subject_, "", true, false, false});
    }
    return c;
  }

  // Keeps a candidate; returns its index when the hand rules accept it, else -1.
  int Emit(Candidate c) {
    out_->push_back(std::move(c));
    return out_->back().reasons == 0 ? static_cast<int>(out_->size()) - 1 : -1;
  }

  Event Base(const Trigger& t, const LexEntry& e) const {
    Event ev;
    ev.type = e.value;
    ev.mode = e.mode;
    ev.cameo = e.cameo;
    ev.sentence = sentence_of_[t.first];
    ev.anchor = Span{doc_->tokens[t.first].span.begin, doc_->tokens[t.end - 1].span.end};
    return ev;
  }

  // A date can be the event's own unless it lies more than a year before
  // the document (the borders of 4 June 1967 are background).
  bool Recent(const std::string& iso) const {
    if (doc_->date.size() < 4 || iso.size() < 4) return true;
    return std::stoi(iso.substr(0, 4)) >= std::stoi(doc_->date.substr(0, 4)) - 1;
  }

  // Token k's word carries the future prefix س (سيبدأ، ستواصل).
  bool FuturePrefix(uint32_t k) const {
    return FirstProcliticIs(k, kSeen) || (doc_->tokens[k].segment_count > 1 && Proclitic(k) == kSeen);
  }

  // A verbal noun that is the subject of a future verb right after it (الإضراب العام سيبدأ الأسبوع
  // المقبل، المحادثات سوف تستأنف): announced, not yet done.
  bool FutureVerbAfterNoun(const Trigger& t) const {
    if (IsVerbal(*t.entry)) return false;
    for (uint32_t k = t.end; k < t.end + 2 && k < n_ && SameSentence(t.first, k); ++k) {
      if (doc_->tokens[k].kind != TokenKind::kWord) return false;
      if (IsWord(k, "\xD8\xB3\xD9\x88\xD9\x81") || FuturePrefix(k)) return true;  // سوف
    }
    return false;
  }

  // Negation, modality, date and place.
  void Finish(Event* ev, const Trigger& t) const {
    ev->negated = MarkerBefore(t.first, "negation", 1) != nullptr;
    // «أي» after a negation spreads it to its noun: لم تسجل أي مواجهات، لم تجر الحكومة أي مفاوضات.
    if (!ev->negated && t.first > 0 && SameSentence(t.first - 1, t.first) &&
        (IsWord(t.first - 1, "\xD8\xA7\xD9\x8A") || IsWord(t.first - 1, "\xD8\xA7\xD9\x8A\xD9\x87"))) {  // أي أية
      ev->negated = MarkerBefore(t.first - 1, "negation", 3) != nullptr;
    }
    if (MarkerBefore(t.first, "future", 2) != nullptr || FuturePrefix(t.first) || FutureVerbAfterNoun(t)) {
      ev->modality = "future";
    } else if (MarkerBefore(t.first, "conditional", 12) != nullptr) {
      ev->modality = "conditional";
    } else if (t.entry->kind == "imperfect" && t.first > 0 && SameSentence(t.first - 1, t.first) &&
               IsWord(t.first - 1, "\xD8\xA7\xD9\x86")) {
      // أن + imperfect is the subjunctive: wanted, required or not yet done
      // (نريد أن يستأنف، قبل أن يوافق), never a reported fact.
      ev->modality = "hypothetical";
    } else if (const Marker* hedge = MarkerBefore(t.first, "hedge", 2)) {
      // قد before a perfect verb affirms (قد طالب = has demanded); only
      // before an imperfect does it mean "may".
      bool affirms = IsWord(hedge->first, "\xD9\x82\xD8\xAF") &&
                     (t.entry->kind == "perfect" || t.entry->kind == "phrase");
      if (!affirms) ev->modality = "hedged";
    }
    const Sentence& s = doc_->sentences[ev->sentence];
    for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
      int i = entity_at_[k];
      if (i < 0 || Ent(i).first_token != k) continue;
      if (Ent(i).type == EntityType::kDate && !Ent(i).value.empty() && ev->date_text.empty() &&
          Recent(Ent(i).value)) {
        ev->date = Ent(i).value;
        ev->date_text = Ent(i).text;
      }
      if ((Ent(i).type == EntityType::kLocation || Ent(i).type == EntityType::kGpe) && ev->place.empty() && k > t.first &&
          Preposition(i) == "\xD9\x81\xD9\x8A") {  // في
        ev->place = Ent(i).text;
      }
    }
    if (ev->date.empty()) ev->date = doc_->date;
  }

  const Lexicon& entity_lex_;
  Document* doc_;
  std::vector<Candidate>* out_;
  uint32_t n_;
  std::vector<int> entity_at_;
  std::vector<uint32_t> sentence_of_;
  std::vector<Trigger> triggers_;
  std::vector<Marker> markers_;
  std::vector<bool> report_source_;  // per entity: the source a sentence is attributed to
  mutable std::vector<int> sport_words_;  // per sentence (domains.tsv), counted at the first candidate
  mutable int sport_words_article_ = 0;
  std::map<uint32_t, int> sentence_subject_;
  int last_recipient_ = -1;  // the recipient of the last event, for من جانبه
  int last_subject_ = -1;    // the previous sentences' subject, while a trigger is read
  // Per-document memos of lexicon look-ups the grammar repeats (token, entity or word keyed).
  mutable std::vector<std::string_view> class_memo_;
  mutable std::vector<bool> class_known_;
  mutable std::vector<std::string> prep_memo_;
  mutable std::vector<bool> prep_known_;
  mutable std::vector<int8_t> adverb_memo_;
  mutable std::vector<int8_t> honorific_memo_;
  mutable std::map<std::string, bool, std::less<>> function_word_memo_;
};

}  // namespace

GappedPhrases::GappedPhrases(const Lexicon& events, const Lexicon& entities) {
  std::unordered_map<std::string, uint32_t> index_of_head;
  for (uint32_t i = 0; i < events.size(); ++i) {
    const LexEntry& e = events.entry(i);
    if (e.type != EntryType::kTrigger || (e.kind != "phrase" && e.kind != "masdar")) continue;
    std::string key = Lexicon::KeyOf(e.surface);
    std::vector<std::string> words;
    size_t start = 0;
    while (start <= key.size()) {
      size_t sep = key.find('\x1f', start);
      words.push_back(key.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
      if (sep == std::string::npos) break;
      start = sep + 1;
    }
    if (words.size() < 2) continue;
    std::string head = words.front();
    words.erase(words.begin());
    const bool loose = words.size() == 1 && FunctionWordClass(entities, words[0]) != nullptr;
    auto [at, added] = index_of_head.emplace(head, static_cast<uint32_t>(heads_.size()));
    if (added) {
      heads_.push_back(head);
      phrases_.emplace_back();
    }
    phrases_[at->second].push_back(Phrase{&e, std::move(words), loose, e.kind == "masdar"});
  }
  size_t cap = 16;
  while (cap < heads_.size() * 2) cap <<= 1;
  slots_.assign(cap, Slot());
  for (uint32_t i = 0; i < heads_.size(); ++i) {
    const uint64_t h = WordHash(heads_[i]);
    size_t s = h & (cap - 1);
    while (slots_[s].used) s = (s + 1) & (cap - 1);
    slots_[s] = Slot{h, i, true};
  }
}

const std::vector<GappedPhrases::Phrase>* GappedPhrases::Find(std::string_view head) const {
  const uint64_t h = WordHash(head);
  const size_t mask = slots_.size() - 1;
  for (size_t s = h & mask; slots_[s].used; s = (s + 1) & mask) {
    if (slots_[s].hash == h && heads_[slots_[s].index] == head) return &phrases_[slots_[s].index];
  }
  return nullptr;
}

std::vector<Candidate> EventCandidates(const Lexicon& events, const GappedPhrases& gapped, const Lexicon& entities,
                                       Document* doc) {
  std::vector<Candidate> out;
  if (doc->tokens.empty() || doc->sentences.empty()) return out;
  Extractor(events, gapped, entities, doc, &out).Run();
  return out;
}

std::string_view CandidateReasonName(int bit) {
  static constexpr std::string_view kNames[kReasonCount] = {
      "inside_name", "not_event_sense", "verb_spelt_as_noun", "requested_content", "unplaced_subject", "no_actor",
      "nationality_actor", "no_recipient", "noun_without_recipient", "same_party", "same_body", "possessed_noun", "evaluative"};
  return bit >= 0 && bit < static_cast<int>(kReasonCount) ? kNames[bit] : "?";
}

void ExtractEvents(const Lexicon& events, const GappedPhrases& gapped, const Lexicon& entities,
                   const EventModels* models, Document* doc) {
  std::vector<Candidate> candidates = EventCandidates(events, gapped, entities, doc);
  DecideEvents(models, &candidates, doc);
  MergeSameActs(doc);
}

}  // namespace rasd::internal
