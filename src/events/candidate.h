// File: events/candidate.h
//
// A trigger the event grammar found, with the participants it attached and
// the hand rules that would drop it. The grammar over-generates candidates;
// the rules (reasons == 0) or the learned model (events/event_model.h) decide
// which become events.
#ifndef RASD_EVENTS_CANDIDATE_H_
#define RASD_EVENTS_CANDIDATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal {

// Why the hand rules would not emit a candidate (bits of Candidate::reasons).
enum CandidateReason : uint32_t {
  kInsideName = 1u << 0,             // the trigger is part of a name (مجلس التعاون)
  kNotEventSense = 1u << 1,          // not_events.tsv: a non-political phrase
  kVerbSpeltAsNoun = 1u << 2,        // a verb with ال / لل / ب in front: a noun here
  kRequestedContent = 1u << 3,       // what an appeal asks for, not an act
  kUnplacedSubject = 1u << 4,        // a named subject rasd cannot place
  kNoActor = 1u << 5,
  kNationalityActor = 1u << 6,       // a noun described by a nationality (القمة العربية)
  kNoRecipient = 1u << 7,            // the frame needs a recipient and none was found
  kNounWithoutRecipient = 1u << 8,   // a noun alone names an event only with both sides
  kSameParty = 1u << 9,              // actor and recipient are one party
  kSameBody = 1u << 10,              // two sides of one country, same body or described
  kPossessedNoun = 1u << 11,         // a noun with a possessive pronoun (دعمها): read by the models only
  kEvaluative = 1u << 12,            // an evaluative verb (evaluative_triggers.tsv): read by the models only
  kReasonCount = 13,
};

// The name of reason bit `bit` (0-based), for features and debugging.
std::string_view CandidateReasonName(int bit);

// An entity of the trigger's sentence that could take part (or the subject
// a dropped pronoun continues), as the participant model sees it.
struct CandidateMention {
  int entity = -1;          // index into Document::entities
  std::string preposition;  // the preposition that introduces it (folded), or ""
  bool previous_sentence = false;  // the subject a dropped pronoun continues
  bool sentence_subject = false;   // the subject the grammar found for the sentence
  bool nisba_adjective = false;    // a nationality adjective (الإسرائيلية): it names the owner of a thing
};

struct Candidate {
  Event event;            // as it would be emitted: actors, recipient, marks filled
  uint32_t reasons = 0;   // CandidateReason bits; 0 = the hand rules emit it
  uint32_t first_token = 0, end_token = 0;  // the trigger's tokens
  const LexEntry* entry = nullptr;
  bool verbal = false;
  int actor = -1, recipient = -1, speaker = -1;  // indices into Document::entities
  int reactor = -1;  // the party reacting to this act (أدانت X الهجوم): neither its actor nor its recipient
  // A noun's governing verb, the nearest verb trigger before it in its sentence with no trigger
  // between (رحب المراقبون بموافقة …: SUPPORT): its type, or "" (a welcomed act has happened).
  std::string_view governed_by;  // points into the trigger lexicon, which outlives candidates
  std::vector<int> actor_conjuncts;  // the grammar's actor and the parties joined to it by و
  bool allegation = false;  // an ACCUSE the grammar derives from a conflict noun
  // domains.tsv: per domain the article's words are from (sport, weather, health, markets), how many
  // stand in the trigger's sentence and in the whole article. `domain` points into the entity lexicon.
  struct DomainWords {
    std::string_view domain;
    int sentence = 0, article = 0;
  };
  std::vector<DomainWords> domains;
  // The trigger's entries of other types (هاجم: ASSAULT, and ACCUSE); the decision weighs each
  // reading (events/decide.h), the hand rules only the first.
  std::vector<const LexEntry*> alternatives;
  // An evaluative trigger's evaluations.tsv words in its clause (entries of the entity lexicon, which
  // outlives candidates; `value` is the polarity).
  std::vector<const LexEntry*> evaluations;
  std::vector<CandidateMention> mentions;
  // Every trigger of the sentence: first token and PLOVER type.
  std::vector<std::pair<uint32_t, std::string_view>> sentence_triggers;
};

// The candidate read as trigger entry `alt` instead (its type, mode and CAMEO code), with no
// alternatives of its own.
Candidate AsAlternative(const Candidate& c, const LexEntry& alt);

// The event participant an entity stands for (its code, else country + sector).
EventActor ActorOfEntity(const Document& doc, int entity);

// Whether an event is a speaker's claim (it carries an attribution).
bool IsClaimed(const Event& e);

// Helpers of the feature stages: a distance in coarse buckets ("0", "1",
// "2-3", "4-7", "8-15", "16+"), and token t's folded form ("<none>" outside).
const char* DistanceBucket(long d);
std::string_view TokenFolded(const Document& doc, uint32_t t);

}  // namespace rasd::internal

#endif  // RASD_EVENTS_CANDIDATE_H_
