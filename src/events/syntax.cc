// The event grammar, step 2: word-level grammar the argument rules ask about
// (clitics, prepositions, function words, titles, subjects, quotations).
#include "events/grammar.h"

#include <algorithm>
#include <set>

#include "base/hash.h"
#include "rasd/normalize.h"

namespace rasd::internal::grammar {

namespace {

// The class of a function word (function_words.tsv: relative, particle,
// agent …) given its folded form, or null when it is none.
const std::string* LookUpFunctionWordClass(const Lexicon& entities, std::string_view folded) {
  for (uint32_t id : entities.Lookup(folded)) {
    const LexEntry& e = entities.entry(id);
    if (e.type == EntryType::kCue && e.kind == "function_words") return &e.value;
  }
  return nullptr;
}

}  // namespace

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

std::string_view EventGrammar::Proclitic(uint32_t t) const {
  const Token& tok = doc_->tokens[t];
  if (tok.segment_count < 2 || tok.stem_offset == 0) return {};
  const Segment& last = doc_->segments[tok.stem() - 1];
  return doc_->Folded(last.norm);
}

bool EventGrammar::HasProclitic(uint32_t t, std::string_view p) const {
  const Token& tok = doc_->tokens[t];
  for (uint32_t k = tok.first_segment; k < tok.stem(); ++k) {
    if (doc_->segments[k].kind == SegmentKind::kProclitic && doc_->Folded(doc_->segments[k].norm) == p) return true;
  }
  return false;
}

bool EventGrammar::FirstProcliticIs(uint32_t t, std::string_view p) const {
  const Token& tok = doc_->tokens[t];
  if (tok.segment_count < 2) return false;
  const Segment& s = doc_->segments[tok.first_segment];
  return s.kind == SegmentKind::kProclitic && doc_->Folded(s.norm) == p;
}

bool EventGrammar::IsParticipant(int i) const {
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

bool EventGrammar::IsNisbaAdjective(int i) const {
  if (i < 0 || Ent(i).type != EntityType::kNorp || Ent(i).country.empty()) return false;
  std::string key = NormalizeKey(Ent(i).text);
  return std::string_view(key).ends_with("\xD9\x8A") || std::string_view(key).ends_with("\xD9\x8A\xD9\x87");
}

std::string EventGrammar::Preposition(int i) const {
  if (static_cast<size_t>(i) < prep_memo_.size() && prep_known_[i]) return prep_memo_[i];
  std::string p = ComputePreposition(i);
  if (static_cast<size_t>(i) < prep_memo_.size()) {
    prep_memo_[i] = p;
    prep_known_[i] = true;
  }
  return p;
}

std::string EventGrammar::ComputePreposition(int i) const {
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

int EventGrammar::PreferPerson(int i) const {
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

int EventGrammar::FirstBare(uint32_t from, uint32_t to, bool recipient) const {
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

uint32_t EventGrammar::BeforePrepositionalPhrase(uint32_t from, uint32_t to, bool with_lam) const {
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

bool EventGrammar::IsAdverb(uint32_t t) const {
  int8_t& memo = adverb_memo_[t];
  if (memo < 0) memo = ComputeIsAdverb(t) ? 1 : 0;
  return memo == 1;
}

bool EventGrammar::ComputeIsAdverb(uint32_t t) const {
  LexiconMatch m = entity_lex_.MatchAt(*doc_, t, t + 1);
  for (uint32_t id : m.entries) {
    const LexEntry& e = entity_lex_.entry(id);
    if (e.type == EntryType::kCue && e.kind == "function_words" && NormalizeKey(e.surface) == Folded(t)) return true;
  }
  return false;
}

std::string_view EventGrammar::WordClass(uint32_t t) const {
  if (t >= n_ || doc_->tokens[t].kind != TokenKind::kWord) return {};
  if (!class_known_[t]) {
    class_memo_[t] = ComputeWordClass(t);
    class_known_[t] = true;
  }
  return class_memo_[t];
}

std::string_view EventGrammar::ComputeWordClass(uint32_t t) const {
  const std::string* cls = FunctionWordClass(entity_lex_, WithoutConjunction(t));
  return cls != nullptr ? std::string_view(*cls) : std::string_view();
}

std::string_view EventGrammar::WithoutConjunction(uint32_t t) const {
  if (!FirstProcliticIs(t, kWaw) && !FirstProcliticIs(t, "\xD9\x81")) return Folded(t);
  return doc_->Folded(Span{doc_->segments[doc_->tokens[t].first_segment + 1].norm.begin, doc_->tokens[t].norm.end});
}

bool EventGrammar::IsFunctionWord(std::string_view folded) const {
  auto it = function_word_memo_.find(folded);
  if (it != function_word_memo_.end()) return it->second;
  bool is = FunctionWordClass(entity_lex_, folded) != nullptr;
  function_word_memo_.emplace(std::string(folded), is);
  return is;
}

bool EventGrammar::IsWord(uint32_t t, std::string_view folded) const {
  if (t >= n_ || doc_->tokens[t].kind != TokenKind::kWord) return false;
  return Folded(t) == folded || WithoutConjunction(t) == folded;
}

uint32_t EventGrammar::PastTitle(uint32_t k, uint32_t to) const {
  if (k >= n_ || entity_at_[k] >= 0 || !IsHonorificAt(k)) return k;
  return k + std::max<uint32_t>(1, entity_lex_.MatchAt(*doc_, k, to).token_count);
}

bool EventGrammar::IsHonorificAt(uint32_t t) const {
  int8_t& memo = honorific_memo_[t];
  if (memo < 0) memo = ComputeIsHonorificAt(t) ? 1 : 0;
  return memo == 1;
}

bool EventGrammar::ComputeIsHonorificAt(uint32_t t) const {
  LexiconMatch m = entity_lex_.MatchAt(*doc_, t, SentenceEnd(t));
  for (uint32_t id : m.entries) {
    if (entity_lex_.entry(id).type == EntryType::kHonorific) return true;
  }
  return false;
}

bool EventGrammar::Governed(uint32_t t, std::string_view p) const {
  if (Proclitic(t) == p) return true;
  if (t == 0 || !SameSentence(t - 1, t) || doc_->tokens[t - 1].kind != TokenKind::kWord) return false;
  return doc_->Folded(doc_->segments[doc_->tokens[t - 1].stem()].norm) == p;
}

int EventGrammar::FirstWithPreposition(uint32_t from, uint32_t to, std::string_view p, bool* via_owner) const {
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

int EventGrammar::AgentAfter(uint32_t from, uint32_t sent_end) const {
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

int EventGrammar::OwnerOfNounPhrase(uint32_t from, uint32_t to) const {
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

uint32_t EventGrammar::SentenceEnd(uint32_t t) const {
  const Sentence& s = doc_->sentences[sentence_of_[t]];
  return s.first_token + s.token_count;
}

const Marker* EventGrammar::MarkerBefore(uint32_t t, const char* kind, uint32_t max_gap) const {
  const Marker* best = nullptr;
  for (const Marker& m : markers_) {
    if (m.entry->kind != kind || !SameSentence(m.first, t) || m.end > t) continue;
    if (t - m.end <= max_gap) best = &m;
  }
  return best;
}

int EventGrammar::QuoteMark(uint32_t k) const {
  if (doc_->tokens[k].kind != TokenKind::kPunctuation) return 0;
  std::string_view q = Folded(k);
  if (q == "\xC2\xAB" || q == "\xE2\x80\x9C") return 1;   // « “
  if (q == "\xC2\xBB" || q == "\xE2\x80\x9D") return -1;  // » ”
  return q == "\"" ? 2 : 0;
}

int EventGrammar::QuoteSpeaker(uint32_t t) const {
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

int EventGrammar::SubjectOf(uint32_t first, uint32_t end, bool* after, bool* unknown) const {
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

std::vector<int> EventGrammar::WithConjuncts(int i) const {
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

}  // namespace rasd::internal::grammar
