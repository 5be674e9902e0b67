#include "events/features.h"

#include <string>

#include "learn/linear_model.h"

namespace rasd::internal {
namespace {

std::string_view StemFolded(const Document& doc, uint32_t t) {
  if (t >= doc.tokens.size()) return "<none>";
  return doc.Folded(doc.segments[doc.tokens[t].stem()].norm);
}

// Proclitics of token t joined by '+' (و+ب), or "" when it has none.
std::string Proclitics(const Document& doc, uint32_t t) {
  std::string out;
  const Token& tok = doc.tokens[t];
  for (uint32_t k = tok.first_segment; k < tok.stem(); ++k) {
    if (!out.empty()) out += '+';
    out += doc.Folded(doc.segments[k].norm);
  }
  return out;
}

}  // namespace

void CandidateFeatures(const Document& doc, const Candidate& c, std::vector<uint64_t>* out) {
  out->clear();
  const Event& ev = c.event;
  const std::string type = ev.type;
  // A feature is its pieces joined, hashed without building the string.
  auto add = [&](std::initializer_list<std::string_view> pieces) { out->push_back(FeatureHash(pieces)); };
  const std::string kind = c.entry ? c.entry->kind : "";
  const std::string lemma = c.entry ? c.entry->surface : "";
  add({"bias"});
  add({"t=", type});
  add({"tm=", type, "/", ev.mode});
  add({"cameo=", ev.cameo});
  add({"kind=", kind});
  add({"tk=", type, "/", kind});
  add({"lemma=", lemma});
  add({"lemma-t=", lemma, "/", type});
  add({"verbal=", std::to_string(c.verbal)});
  add({"alleg=", std::to_string(c.allegation)});
  add({"len=", DistanceBucket(c.end_token - c.first_token)});
  add({"w0=", TokenFolded(doc, c.first_token)});
  add({"s0=", StemFolded(doc, c.first_token)});
  add({"pro=", Proclitics(doc, c.first_token)});
  add({"pro-t=", Proclitics(doc, c.first_token), "/", type});
  for (int d : {-2, -1}) {
    uint32_t t = c.first_token >= static_cast<uint32_t>(-d) ? c.first_token + d : UINT32_MAX;
    add({"w", std::to_string(d), "=", TokenFolded(doc, t)});
    add({"s", std::to_string(d), "=", StemFolded(doc, t)});
  }
  for (int d : {0, 1}) {
    uint32_t t = c.end_token + d;
    add({"w+", std::to_string(d + 1), "=", TokenFolded(doc, t)});
    add({"s+", std::to_string(d + 1), "=", StemFolded(doc, t)});
  }
  // The hand rules' verdicts.
  int n_reasons = 0;
  for (int b = 0; b < static_cast<int>(kReasonCount); ++b) {
    if (c.reasons & (1u << b)) {
      ++n_reasons;
      add({"why=", CandidateReasonName(b)});
      add({"why-t=", CandidateReasonName(b), "/", type});
      add({"why-k=", CandidateReasonName(b), "/", kind});
    }
  }
  add({"nwhy=", std::to_string(n_reasons > 3 ? 3 : n_reasons)});
  add({"nwhy-t=", std::to_string(n_reasons > 3 ? 3 : n_reasons), "/", type});
  // Participants.
  auto side = [&](const char* name, int i) {
    std::string s = name;
    if (i < 0) {
      add({s, "=none"});
      add({s, "-t=none/", type});
      return;
    }
    const Entity& e = doc.entities[i];
    const std::string et = EntityTypeName(e.type);
    add({s, "-type=", et});
    add({s, "-type-t=", et, "/", type});
    add({s, "-sector=", e.sector});
    add({s, "-sector-t=", e.sector, "/", type});
    add({s, "-coded=", std::to_string(!e.country.empty())});
    const long d = static_cast<long>(e.first_token) - static_cast<long>(c.first_token);
    add({s, "-side=", d < 0 ? "before" : "after"});
    add({s, "-dist=", d < 0 ? "-" : "+", DistanceBucket(d < 0 ? -d : d)});
    add({s, "-dist-t=", d < 0 ? "-" : "+", DistanceBucket(d < 0 ? -d : d), "/", type});
    if (e.first_token < doc.tokens.size()) {
      add({s, "-pro=", Proclitics(doc, e.first_token)});
      if (e.first_token > 0) add({s, "-prev=", TokenFolded(doc, e.first_token - 1)});
    }
  };
  side("a", c.actor);
  side("r", c.recipient);
  add({"sides=", std::to_string(c.actor >= 0), std::to_string(c.recipient >= 0), "/", type});
  if (c.actor >= 0 && c.recipient >= 0) {
    const Entity& a = doc.entities[c.actor];
    const Entity& r = doc.entities[c.recipient];
    add({"domestic=", std::to_string(!a.country.empty() && a.country == r.country), "/", type});
  }
  // Marks.
  add({"neg=", std::to_string(ev.negated)});
  add({"mod=", ev.modality});
  add({"mod-t=", ev.modality, "/", type});
  add({"attr=", std::to_string(IsClaimed(ev))});
  add({"speaker=", std::to_string(c.speaker >= 0), "/", type});
  add({"actor-is-speaker=", std::to_string(c.speaker >= 0 && c.speaker == c.actor), "/", type});
  // A speaker stating their own side's position or act makes a statement, itself an event (وأضاف
  // أن كازاخستان تدعم …); a speaker reporting another party's act makes a claim.
  if (c.speaker >= 0 && !doc.entities[c.speaker].country.empty()) {
    const std::string& home = doc.entities[c.speaker].country;
    const char* own = c.actor < 0 ? "none" : doc.entities[c.actor].country == home ? "1" : "0";
    add({"speaker-own-actor=", own, "/", type});
    add({"speaker-own-actor-v=", own, "/", c.verbal ? "v" : "n"});
    if (c.recipient >= 0) add({"speaker-own-recipient=", doc.entities[c.recipient].country == home ? "1" : "0", "/", type});
  }
  // Sports, weather, health or market news: a club agrees to a transfer, a team attacks, a storm hits,
  // a ministry calls on citizens to wash their hands (domains.tsv).
  for (const Candidate::DomainWords& d : c.domains) {
    const char* in_s = d.sentence == 0 ? "0" : d.sentence == 1 ? "1" : "2+";
    const char* in_a = d.article < 3 ? "1-2" : d.article < 8 ? "3-7" : "8+";
    add({"dom-s=", d.domain, "/", in_s});
    add({"dom-s-t=", d.domain, "/", in_s, "/", type});
    add({"dom-a=", d.domain, "/", in_a});
    add({"dom-a-s=", d.domain, "/", in_a, "/", in_s});
  }
  // What a verb does to this noun's act: welcomed or condemned (it happened), demanded (it has not).
  if (!c.verbal) {
    const std::string_view governor = c.governed_by.empty() ? "-" : c.governed_by;
    add({"gov=", governor});
    add({"gov-t=", governor, "/", type});
  }
  // An evaluative verb's words: what the speaker calls the party (خائن، إرهابي، شجاع), and how many of
  // each polarity its clause holds.
  if (!c.evaluations.empty()) {
    int same = 0, other = 0;
    const std::string_view wanted = c.entry ? std::string_view(c.entry->evaluation) : std::string_view();
    for (const LexEntry* word : c.evaluations) {
      const bool agrees = word->value == wanted;
      ++(agrees ? same : other);
      if (agrees) add({"eval=", word->surface, "/", type});
    }
    add({"eval-n=", DistanceBucket(same), "/", DistanceBucket(other), "/", type});
  }
  add({"triggers-in-sent=", DistanceBucket(static_cast<long>(c.sentence_triggers.size())), "/", type});
  // Where the sentence stands, and how long it is.
  add({"sent=", DistanceBucket(ev.sentence)});
  if (ev.sentence < doc.sentences.size()) {
    const Sentence& s = doc.sentences[ev.sentence];
    add({"sentlen=", DistanceBucket(s.token_count / 4)});
    add({"pos=", DistanceBucket((c.first_token - s.first_token) / 2)});
    // Other participants in the sentence (an act between parties names them).
    int others = 0;
    for (const Entity& e : doc.entities) {
      if (e.first_token >= s.first_token && e.first_token < s.first_token + s.token_count && !e.country.empty()) ++others;
    }
    add({"coded-in-sent=", DistanceBucket(others)});
    add({"coded-in-sent-t=", DistanceBucket(others), "/", type});
  }
}

}  // namespace rasd::internal
