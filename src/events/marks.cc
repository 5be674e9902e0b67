// The event grammar, step 4: the candidate record — base fields from the
// lexicon entry, date, place, negation, modality and attribution.
#include "events/grammar.h"

#include <algorithm>
#include <set>

namespace rasd::internal::grammar {

void EventGrammar::CountDomainWords() const {
  if (domains_counted_ || doc_->sentences.empty()) return;
  domains_counted_ = true;
  for (uint32_t t = 0; t < n_; ++t) {
    if (doc_->tokens[t].kind != TokenKind::kWord) continue;
    const LexEntry* domain = entity_lex_.CueOf(entity_lex_.MatchAt(*doc_, t, t + 1), "domains");
    if (domain == nullptr) continue;
    std::vector<int>& per_sentence = domain_words_[domain->value];
    if (per_sentence.empty()) per_sentence.assign(doc_->sentences.size(), 0);
    ++per_sentence[sentence_of_[t]];
    ++domain_words_article_[domain->value];
  }
}

Candidate EventGrammar::MakeCandidate(Event ev, uint32_t reasons, const Trigger& t, bool verbal, int actor,
                                      int recipient, int speaker) const {
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
  c.evaluations = t.evaluations;
  if (!verbal) {
    // The nearest earlier trigger of the sentence, when it is a verb within twelve words.
    const Trigger* prev = TriggerBefore(t);
    if (prev != nullptr && IsVerbal(*prev->entry) && prev->end <= t.first && t.first - prev->end <= 12) {
      c.governed_by = prev->entry->value;
    }
  }
  CountDomainWords();
  for (const auto& [domain, article] : domain_words_article_) {
    c.domains.push_back({domain, domain_words_.at(domain)[sentence_of_[t.first]], article});
  }
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

int EventGrammar::Emit(Candidate c) {
  out_->push_back(std::move(c));
  return out_->back().reasons == 0 ? static_cast<int>(out_->size()) - 1 : -1;
}

Event EventGrammar::Base(const Trigger& t, const LexEntry& e) const {
  Event ev;
  ev.type = e.value;
  ev.mode = e.mode;
  ev.cameo = e.cameo;
  ev.sentence = sentence_of_[t.first];
  ev.anchor = Span{doc_->tokens[t.first].span.begin, doc_->tokens[t.end - 1].span.end};
  return ev;
}

bool EventGrammar::Recent(const std::string& iso) const {
  if (doc_->date.size() < 4 || iso.size() < 4) return true;
  return std::stoi(iso.substr(0, 4)) >= std::stoi(doc_->date.substr(0, 4)) - 1;
}

bool EventGrammar::FuturePrefix(uint32_t k) const {
  return FirstProcliticIs(k, kSeen) || (doc_->tokens[k].segment_count > 1 && Proclitic(k) == kSeen);
}

bool EventGrammar::FutureVerbAfterNoun(const Trigger& t) const {
  if (IsVerbal(*t.entry)) return false;
  for (uint32_t k = t.end; k < t.end + 2 && k < n_ && SameSentence(t.first, k); ++k) {
    if (doc_->tokens[k].kind != TokenKind::kWord) return false;
    if (IsWord(k, "\xD8\xB3\xD9\x88\xD9\x81") || FuturePrefix(k)) return true;  // سوف
  }
  return false;
}

bool EventGrammar::PlannedAcrossSubject(const Trigger& t) const {
  if (IsVerbal(*t.entry) || t.first == 0) return false;
  const int subject = entity_at_[t.first - 1];
  if (subject < 0 || !SameSentence(Ent(subject).first_token, t.first)) return false;
  return MarkerBefore(Ent(subject).first_token, "future", 1) != nullptr;
}

bool EventGrammar::FutureVerbBeforeNoun(const Trigger& t) const {
  if (IsVerbal(*t.entry)) return false;
  for (uint32_t k = t.first; k-- > 0 && k + 2 >= t.first && SameSentence(k, t.first);) {
    if (doc_->tokens[k].kind != TokenKind::kWord) return false;
    if (FuturePrefix(k)) return true;
  }
  return false;
}

void EventGrammar::Finish(Event* ev, const Trigger& t) const {
  ev->negated = MarkerBefore(t.first, "negation", 1) != nullptr;
  // «أي» after a negation spreads it to its noun: لم تسجل أي مواجهات، لم تجر الحكومة أي مفاوضات.
  if (!ev->negated && t.first > 0 && SameSentence(t.first - 1, t.first) &&
      (IsWord(t.first - 1, "\xD8\xA7\xD9\x8A") || IsWord(t.first - 1, "\xD8\xA7\xD9\x8A\xD9\x87"))) {  // أي أية
    ev->negated = MarkerBefore(t.first - 1, "negation", 3) != nullptr;
  }
  if (MarkerBefore(t.first, "future", 2) != nullptr || FuturePrefix(t.first) || FutureVerbAfterNoun(t) ||
      FutureVerbBeforeNoun(t) || PlannedAcrossSubject(t)) {
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

}  // namespace rasd::internal::grammar
