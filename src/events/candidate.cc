#include "events/candidate.h"

namespace rasd::internal {

EventActor ActorOfEntity(const Document& doc, int entity) {
  const Entity& e = doc.entities[entity];
  EventActor a;
  a.text = e.text;
  a.country = e.country;
  a.sector = e.sector;
  a.code = e.code.empty() ? e.country + e.sector : e.code;
  a.cluster = e.cluster;
  a.entity = entity;
  return a;
}

Candidate AsAlternative(const Candidate& c, const LexEntry& alt) {
  Candidate out = c;
  out.entry = &alt;
  out.event.type = alt.value;
  out.event.mode = alt.mode;
  out.event.cameo = alt.cameo;
  out.alternatives.clear();
  return out;
}

bool IsClaimed(const Event& e) { return !e.attribution_code.empty() || !e.attribution_text.empty(); }

const char* DistanceBucket(long d) {
  if (d <= 0) return "0";
  if (d == 1) return "1";
  if (d <= 3) return "2-3";
  if (d <= 7) return "4-7";
  if (d <= 15) return "8-15";
  return "16+";
}

std::string_view TokenFolded(const Document& doc, uint32_t t) {
  if (t >= doc.tokens.size()) return "<none>";
  return doc.Folded(doc.tokens[t].norm);
}

}  // namespace rasd::internal
