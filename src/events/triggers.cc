// The event grammar, step 1: the triggers of a document (lexicon matches,
// gapped phrases, evaluative verbs) and the reading of each in text order.
#include "events/grammar.h"

#include <algorithm>

namespace rasd::internal::grammar {

EventGrammar::EventGrammar(const Lexicon& lexicon, const GappedPhrases& gapped, const Lexicon& entities,
                           Document* doc, std::vector<Candidate>* out)
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
      const LexEntry& e = lexicon.entry(id);
      if (e.type == EntryType::kSpeech && IsVerbal(e)) speech_verb_at[m.first_token] = true;
    }
  }
  for (const LexiconMatch& m : matches) {
    const LexEntry* trigger = nullptr;
    std::vector<const LexEntry*> alternatives;
    std::vector<const LexEntry*> evaluations;
    bool clause_read = false;
    for (uint32_t id : m.entries) {
      const LexEntry& e = lexicon.entry(id);
      if (e.type == EntryType::kTrigger && !e.evaluation.empty()) {
        // An evaluative verb (evaluative_triggers.tsv) reads as its polarity's event only when its
        // clause holds a word of that polarity.
        if (!clause_read) evaluations = ClauseEvaluations(m.first_token + m.token_count, speech_verb_at);
        clause_read = true;
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

std::vector<const LexEntry*> EventGrammar::ClauseEvaluations(uint32_t from,
                                                             const std::vector<bool>& speech_verb_at) const {
  std::vector<const LexEntry*> out;
  if (from >= n_) return out;
  const uint32_t end = std::min<uint32_t>(SentenceEnd(from - 1), from + 25);
  for (uint32_t k = from; k < end && !speech_verb_at[k]; ++k) {
    if (doc_->tokens[k].kind != TokenKind::kWord) continue;
    const LexiconMatch w = entity_lex_.MatchAt(*doc_, k, std::min<uint32_t>(end, k + 3));
    if (const LexEntry* word = entity_lex_.CueOf(w, "evaluations")) out.push_back(word);
    if (w.token_count > 1) k += w.token_count - 1;
  }
  return out;
}

void EventGrammar::MarkReportSources() {
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

void EventGrammar::AddGappedTriggers(const GappedPhrases& gapped) {
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

void EventGrammar::Run() {
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

bool EventGrammar::OpensWithCounterpart(uint32_t s) const {
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

}  // namespace rasd::internal::grammar
