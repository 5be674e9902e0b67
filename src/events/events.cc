#include "events/events.h"

#include <string>
#include <unordered_map>

#include "base/hash.h"
#include "events/grammar.h"
#include "events/merge.h"

namespace rasd::internal {

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
    const bool loose = words.size() == 1 && grammar::FunctionWordClass(entities, words[0]) != nullptr;
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
  grammar::EventGrammar(events, gapped, entities, doc, &out).Run();
  return out;
}

std::string_view CandidateReasonName(int bit) {
  static constexpr std::string_view kNames[kReasonCount] = {
      "inside_name", "not_event_sense", "verb_spelt_as_noun", "requested_content", "unplaced_subject", "no_actor",
      "nationality_actor", "no_recipient", "noun_without_recipient", "same_party", "same_body", "possessed_noun",
      "evaluative"};
  return bit >= 0 && bit < static_cast<int>(kReasonCount) ? kNames[bit] : "?";
}

void ExtractEvents(const Lexicon& events, const GappedPhrases& gapped, const Lexicon& entities,
                   const EventModels* models, Document* doc) {
  std::vector<Candidate> candidates = EventCandidates(events, gapped, entities, doc);
  DecideEvents(models, &candidates, doc);
  MergeSameActs(doc);
}

}  // namespace rasd::internal
