#include "events/merge.h"

#include <algorithm>
#include <string>
#include <vector>

namespace rasd::internal {

namespace {

// The same parties in the same order: by code, or by text where uncoded.
bool SameSide(const std::vector<EventActor>& a, const std::vector<EventActor>& b) {
  auto key = [](const EventActor& x) -> const std::string& { return x.code.empty() ? x.text : x.code; };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const EventActor& x, const EventActor& y) { return key(x) == key(y); });
}

bool SameAct(const Event& a, const Event& b) {
  return a.sentence == b.sentence && a.type == b.type && a.negated == b.negated && a.modality == b.modality &&
         SameSide(a.actor, b.actor) && SameSide(a.recipient, b.recipient);
}

}  // namespace

void MergeSameActs(Document* doc) {
  std::vector<Event>& events = doc->events;
  std::vector<bool> dropped(events.size(), false);
  for (size_t i = 0; i < events.size(); ++i) {
    if (dropped[i]) continue;
    for (size_t j = i + 1; j < events.size() && events[j].sentence == events[i].sentence; ++j) {
      if (dropped[j] || !SameAct(events[i], events[j])) continue;
      // Keep the more confident; on a tie the first, usually the clause's verb.
      if (events[j].confidence > events[i].confidence) {
        dropped[i] = true;
        break;
      }
      dropped[j] = true;
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < events.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) events[kept] = std::move(events[i]);
    ++kept;
  }
  events.resize(kept);
}

}  // namespace rasd::internal
