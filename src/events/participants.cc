#include "events/participants.h"

#include <algorithm>
#include <string>

namespace rasd::internal {

void ParticipantFeatures(const Document& doc, const Candidate& c, const CandidateMention& m, ParticipantRole role,
                         std::vector<uint64_t>* out) {
  out->clear();
  // A feature is its pieces joined, hashed without building the string.
  auto add = [&](std::initializer_list<std::string_view> pieces) { out->push_back(FeatureHash(pieces)); };
  const Entity& e = doc.entities[m.entity];
  const std::string& type = c.event.type;
  const std::string kind = c.entry ? c.entry->kind : "";
  const std::string frame = c.entry ? c.entry->extra : "";
  const std::string et = EntityTypeName(e.type);
  const long d = static_cast<long>(e.first_token) - static_cast<long>(c.first_token);
  const std::string side = m.previous_sentence ? "prev" : d < 0 ? "before" : "after";
  const std::string dist = std::string(d < 0 ? "-" : "+") + DistanceBucket(d < 0 ? -d : d);
  const bool grammar_actor = c.actor == m.entity;
  const bool grammar_recipient = c.recipient == m.entity;
  add({"bias"});
  add({"role=", role == ParticipantRole::kActor ? "a" : "r"});
  add({"g-actor=", grammar_actor ? "1" : "0"});
  add({"g-recipient=", grammar_recipient ? "1" : "0"});
  add({"g-actor-t=", grammar_actor ? "1" : "0", "/", type});
  add({"g-recipient-t=", grammar_recipient ? "1" : "0", "/", type});
  add({"side=", side});
  add({"side-t=", side, "/", type});
  add({"side-k=", side, "/", kind});
  add({"dist=", dist});
  add({"dist-k=", dist, "/", kind});
  add({"prep=", m.preposition});
  add({"prep-side=", m.preposition, "/", side});
  add({"prep-t=", m.preposition, "/", type});
  add({"prep-frame=", m.preposition, "/", frame});
  add({"prep-lemma=", m.preposition, "/", c.entry ? std::string_view(c.entry->surface) : ""});
  add({"side-lemma=", side, "/", c.entry ? std::string_view(c.entry->surface) : ""});
  add({"etype=", et});
  add({"etype-side=", et, "/", side});
  add({"etype-t=", et, "/", type});
  add({"sector=", e.sector});
  add({"sector-t=", e.sector, "/", type});
  add({"coded=", e.country.empty() ? "0" : "1"});
  add({"subject=", m.sentence_subject ? "1" : "0"});
  add({"subject-side=", m.sentence_subject ? "1" : "0", "/", side});
  add({"verbal-side=", c.verbal ? "v" : "n", "/", side, "/", m.preposition});
  if (e.first_token > 0) add({"prev=", TokenFolded(doc, e.first_token - 1)});
  add({"first=", TokenFolded(doc, e.first_token)});
  // The nearest: no other mention of the sentence between it and the trigger.
  bool nearest = true;
  for (const CandidateMention& o : c.mentions) {
    if (o.entity == m.entity || o.previous_sentence) continue;
    const long od = static_cast<long>(doc.entities[o.entity].first_token) - static_cast<long>(c.first_token);
    if ((od < 0) == (d < 0) && (od < 0 ? od > d : od < d)) nearest = false;
  }
  // The speaker of the sentence reports the act; another trigger between the
  // entity and this one usually owns the entity (أدانت الخارجية الهجوم الذي استهدف).
  const bool speaker = c.speaker == m.entity;
  add({"speaker=", speaker ? "1" : "0", "/", type});
  int between = 0;
  if (!m.previous_sentence) {
    for (const auto& [t, other_type] : c.sentence_triggers) {
      if (t == c.first_token) continue;
      if ((d < 0 && t > e.first_token && t < c.first_token) || (d > 0 && t > c.first_token && t < e.first_token)) {
        ++between;
        add({"between-type=", other_type, "/", side, "/", type});  // أدانت X الهجوم: X reacts to the attack
      }
    }
  }
  const char* between_bucket = between == 0 ? "0" : between == 1 ? "1" : "2+";
  add({"between=", between_bucket, "/", side});
  add({"between-t=", between_bucket, "/", side, "/", type});
  add({"nearest=", nearest ? "1" : "0", "/", side});
  add({"nearest-t=", nearest ? "1" : "0", "/", side, "/", type});
  if (c.actor >= 0 && c.actor != m.entity && !doc.entities[c.actor].country.empty()) {
    add({"same-country-as-g-actor=", doc.entities[c.actor].country == e.country ? "1" : "0"});
  }
}

// A nationality adjective names the owner of a thing (الجرائم الإسرائيلية): the
// target of an accusation or of force, never the party one meets, supports,
// asks or gives to.
namespace {
bool OwnerCanBeRecipient(const std::string& type) {
  return type == "ACCUSE" || type == "ASSAULT" || type == "COERCE" || type == "THREATEN" || type == "SANCTION" ||
         type == "PROTEST" || type == "REJECT" || type == "MOBILIZE";
}

// A place is where an act happens, never who does it (except a crowd's, below):
// a location (after sites.tsv, places keep no sector; a capital standing for
// its government does) or any place after في (قتل تسعة أشخاص في الموصل).
bool IsPlace(const Document& doc, const CandidateMention& m) {
  const Entity& e = doc.entities[m.entity];
  const bool placeish = e.type == EntityType::kLocation || e.type == EntityType::kGpe;
  if (!placeish) return false;
  if (e.type == EntityType::kLocation && e.sector.empty() && e.code.empty()) return true;
  return m.preposition == "\xD9\x81\xD9\x8A";  // في
}

// The party reacting to the act (أدانت X الهجوم): neither its doer nor its target.
bool Reacts(const Document& doc, const Candidate& c, const CandidateMention& m) {
  if (c.reactor < 0) return false;
  if (m.entity == c.reactor) return true;
  const int cluster = doc.entities[c.reactor].cluster;
  return cluster >= 0 && doc.entities[m.entity].cluster == cluster;
}

}  // namespace

void ChooseParticipants(const Document& doc, const LinearModel& actor_model, const LinearModel& recipient_model,
                        Candidate* c) {
  std::vector<uint64_t> features;
  int best_actor = -1, best_recipient = -1;
  double p_actor = 0.0, p_recipient = 0.0;  // the best so far
  std::vector<double> pr(c->mentions.size(), 0.0);
  // Protesters are the people of the place they march in (تظاهر الآلاف في عمان: JOR).
  const bool crowd = c->event.type == "PROTEST";
  for (size_t k = 0; k < c->mentions.size(); ++k) {
    const CandidateMention& m = c->mentions[k];
    ParticipantFeatures(doc, *c, m, ParticipantRole::kActor, &features);
    const double pa = actor_model.Probability(features);
    if (pa >= p_actor && (!IsPlace(doc, m) || crowd) && !Reacts(doc, *c, m)) {
      p_actor = pa;
      best_actor = m.entity;
    }
    ParticipantFeatures(doc, *c, m, ParticipantRole::kRecipient, &features);
    pr[k] = recipient_model.Probability(features);
  }
  // One real party is never both sides: a mention coreferent with the actor
  // (السفير أبو زيد … السفير الفلسطيني) is no recipient.
  const int actor_cluster = best_actor >= 0 ? doc.entities[best_actor].cluster : -1;
  for (size_t k = 0; k < c->mentions.size(); ++k) {
    if (c->mentions[k].nisba_adjective && !OwnerCanBeRecipient(c->event.type)) continue;
    if (Reacts(doc, *c, c->mentions[k])) continue;
    // A protest or a deployment takes a target only from its own sentence; the previous
    // sentence's subject is there as a dropped subject's antecedent.
    if (c->mentions[k].previous_sentence && (c->event.type == "PROTEST" || c->event.type == "MOBILIZE")) continue;
    // A place is a target only of force (قصف مواقع في إدلب); one does not condemn, meet or protest a city.
    if (IsPlace(doc, c->mentions[k]) && c->event.type != "ASSAULT" && c->event.type != "COERCE") continue;
    if (actor_cluster >= 0 && doc.entities[c->mentions[k].entity].cluster == actor_cluster) continue;
    // Nor is a party joined to the actor by و (وحثت بريطانيا وفرنسا دول الاتحاد …) when that actor is kept.
    if (best_actor == c->actor && std::find(c->actor_conjuncts.begin(), c->actor_conjuncts.end(),
                                            c->mentions[k].entity) != c->actor_conjuncts.end()) {
      continue;
    }
    if (c->mentions[k].entity != best_actor && pr[k] >= p_recipient) {
      p_recipient = pr[k];
      best_recipient = c->mentions[k].entity;
    }
  }
  auto rebuild = [&](int chosen, int grammar, std::vector<EventActor>* side) {
    if (chosen >= 0 && chosen == grammar && !side->empty()) return;  // keeps the conjuncts
    side->clear();
    if (chosen >= 0) side->push_back(ActorOfEntity(doc, chosen));
  };
  rebuild(best_actor, c->actor, &c->event.actor);
  rebuild(best_recipient, c->recipient, &c->event.recipient);
  c->actor = best_actor;
  c->recipient = best_recipient;
}

}  // namespace rasd::internal
