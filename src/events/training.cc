#include "events/training.h"

#include <algorithm>

namespace rasd::internal {
namespace {

// The country-level keys of an event participant, as score.py reads them.
void AddKeys(const EventActor& a, std::set<std::string>* keys) {
  const std::string& country = a.country;
  const std::string& code = a.code;
  if (!country.empty()) keys->insert(country);
  if (code.size() >= 3) keys->insert(code.substr(0, 3));
  if (code.rfind("IGO", 0) == 0 || country == "IGO") {
    keys->insert("IGO");
    if (code.find("UNO") != std::string::npos) keys->insert("UNO");
    if (code.find("EUR") != std::string::npos) keys->insert("EUR");
  }
  if (country == "UNO" || code.rfind("UNO", 0) == 0) keys->insert({"UNO", "IGO"});
  if (country == "EUR") keys->insert({"EUR", "IGO"});
}

std::set<std::string> Keys(const std::vector<EventActor>& side) {
  std::set<std::string> keys;
  for (const EventActor& a : side) AddKeys(a, &keys);
  return keys;
}

// As the scorer reads a side the gold leaves empty (an unknown attacker): any
// side matches it. A stricter label (an unknown side must stay unknown) taught
// the decision to drop events whose type and named side are right — document
// F1 0.372 against 0.391 by 5-fold cross-validation on the train split (mean
// of three trainer seeds), with the strict figure no better (docs/events.md). The decision accepts or drops;
// it never names a side, so the looser label adds no invented doer.
bool Meets(const std::set<std::string>& have, const std::set<std::string>& want) {
  if (want.empty()) return true;
  for (const std::string& k : have) {
    if (want.count(k)) return true;
  }
  return false;
}

bool Matches(const std::string& type, const std::set<std::string>& actor, const std::set<std::string>& recipient,
             const GoldEventInstance& g) {
  if (type != g.type) return false;
  if (Meets(actor, g.actor) && Meets(recipient, g.recipient)) return true;
  const bool symmetric = type == "CONSULT" || type == "COOPERATE";
  return symmetric && Meets(recipient, g.actor) && Meets(actor, g.recipient);
}

}  // namespace

std::vector<uint32_t> CodePointOffsets(const std::string& text) {
  std::vector<uint32_t> out(text.size() + 1);
  uint32_t cp = 0;  // code points started before byte b
  for (size_t b = 0; b < text.size(); ++b) {
    const bool continuation = (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80;
    if (!continuation) ++cp;
    out[b] = cp - 1;  // the code point byte b belongs to
  }
  out[text.size()] = cp;
  return out;
}

CandidateLabel LabelCandidate(const Candidate& c, const std::vector<GoldEventInstance>& gold,
                              const std::vector<uint32_t>& cp_of_byte) {
  const uint32_t at = c.event.anchor.begin < cp_of_byte.size() ? cp_of_byte[c.event.anchor.begin] : 0;
  const std::set<std::string> actor = Keys(c.event.actor), recipient = Keys(c.event.recipient);
  bool may = false;
  for (const GoldEventInstance& g : gold) {
    if (at < g.sentence_begin || at >= g.sentence_end) continue;
    if (!Matches(c.event.type, actor, recipient, g)) continue;
    if (g.must) return CandidateLabel::kRight;
    may = true;
  }
  return may ? CandidateLabel::kLeftOut : CandidateLabel::kWrong;
}

const GoldEventInstance* AlignCandidate(const Candidate& c, const std::vector<GoldEventInstance>& gold,
                                        const std::vector<uint32_t>& cp_of_byte) {
  const uint32_t begin = cp_of_byte[std::min<size_t>(c.event.anchor.begin, cp_of_byte.size() - 1)];
  const uint32_t end = cp_of_byte[std::min<size_t>(c.event.anchor.end, cp_of_byte.size() - 1)];
  const GoldEventInstance* other_type = nullptr;
  for (const GoldEventInstance& g : gold) {
    if (!(g.trigger.begin < end && begin < g.trigger.end)) continue;
    if (g.type == c.event.type) return &g;
    if (other_type == nullptr) other_type = &g;
  }
  return other_type;
}

bool EntityMeetsSide(const Document& doc, int e, const std::set<std::string>& side) {
  if (side.empty()) return false;
  std::set<std::string> keys;
  AddKeys(ActorOfEntity(doc, e), &keys);
  return Meets(keys, side);
}

bool EntityOverlaps(const Entity& e, const std::vector<CodePointSpan>& mentions,
                    const std::vector<uint32_t>& cp_of_byte) {
  const uint32_t begin = cp_of_byte[std::min<size_t>(e.span.begin, cp_of_byte.size() - 1)];
  const uint32_t end = cp_of_byte[std::min<size_t>(e.span.end, cp_of_byte.size() - 1)];
  for (const CodePointSpan& m : mentions) {
    if (m.begin < end && begin < m.end) return true;
  }
  return false;
}

}  // namespace rasd::internal
