// File: entities/recognizer.h
//
// The entity stage's working state for one document (internal to
// src/entities): the lexicon phrases, role phrases and person mentions it
// builds, and the steps that turn them into entities. One step per file:
//   phrases.cc           the lexicon phrases and what stands next to them (hamza, article, homographs,
//                        attached countries)
//   mentions.cc          roles, persons and nominal mentions; who they are on the article's date; coreference clusters
//   emit.cc              entities from the phrases and mentions, nested names, actor codes
//   document_context.cc  what the whole document says: its home country, metonyms (المملكة), group anaphors (التنظيم)
// Its own namespace: Phrase, Cat and the letter constants are this stage's words.
#ifndef RASD_ENTITIES_RECOGNIZER_H_
#define RASD_ENTITIES_RECOGNIZER_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "entities/entities.h"
#include "entities/person_roles.h"
#include "entities/sites.h"
#include "lexicon/lexicon.h"
#include "rasd/document.h"

namespace rasd::internal::recognizer {

// What a lexicon phrase is, for entity building (one per match, by priority).
enum class Cat : uint8_t {
  kNone, kPersonName, kOrg, kCountry, kGovBody, kRole, kNisba, kPlace, kHonorific, kFunction, kTime, kOther
};

inline constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";        // ال
inline constexpr std::string_view kWaw = "\xD9\x88";                    // و
inline constexpr std::string_view kLadaa = "\xD9\x84\xD8\xAF\xD9\x8A";  // لدي (لدى folded): posted to
inline constexpr std::string_view kFi = "\xD9\x81\xD9\x8A";             // في
inline constexpr std::string_view kBeh = "\xD8\xA8";                    // ب
inline constexpr std::string_view kMin = "\xD9\x85\xD9\x86";            // من

inline Cat CategoryOf(const LexEntry& e) {
  switch (e.type) {
    case EntryType::kPersonName: return Cat::kPersonName;
    case EntryType::kOrganization: return Cat::kOrg;
    case EntryType::kCountry: return Cat::kCountry;
    case EntryType::kGovBody: return Cat::kGovBody;
    case EntryType::kRole: return e.kind == "modifier" ? Cat::kOther : Cat::kRole;
    case EntryType::kNisba: return Cat::kNisba;
    case EntryType::kPlace: return Cat::kPlace;
    case EntryType::kHonorific: return Cat::kHonorific;
    case EntryType::kMonth:
    case EntryType::kWeekday:
    case EntryType::kTemporal:
    case EntryType::kNumber: return Cat::kTime;
    case EntryType::kCue: return e.kind == "function_words" ? Cat::kFunction : Cat::kOther;
    case EntryType::kTrigger:
    case EntryType::kSpeech:
    case EntryType::kModality: return Cat::kOther;
  }
  return Cat::kOther;
}

struct Phrase {
  uint32_t first = 0, end = 0;  // tokens
  Cat cat = Cat::kNone;
  const LexEntry* entry = nullptr;  // the entry of that category
  const LexiconMatch* match = nullptr;  // every entry of the phrase (a name's persons and roles)
};

// A role phrase with what is attached to it: سفير دولة فلسطين، السكرتير الثاني
// في السفارة الفلسطينية، وزير الخارجية الأردني، مدير إدارة … في وزارة الخارجية الكازاخستانية.
struct RolePhrase {
  uint32_t first = 0, end = 0;   // the role words with a directly attached country or nisba
  uint32_t chain_end = 0;        // end of everything attached (في + organisation, لدى + country)
  std::string sector, rank, head;
  std::string country;           // the role holder's country
  std::string code;              // the organisation's code when the role is one of its offices (IGOUNO, PSEREB)
  std::string posted_to;         // لدى X
  bool has_nisba = false;        // السفير الفلسطيني: nominal mention by nationality
  bool coordinated = false;      // starts with و (a second role of the same person)
};

// Ranks of people named by what they are, not who (مدنيون، محتجون، مسلحون): they take a country from
// من + country or from the place of the sentence.
inline const std::set<std::string> kGroupRanks = {"civilian", "activist", "rebel", "labor", "refugee", "criminal",
                                                  "journalist"};

struct PersonMention {
  uint32_t first = 0, end = 0;   // name tokens, or the role phrase for nominal mentions
  bool named = true;
  std::vector<int> roles;        // indices into roles
  std::string country, sector;
  std::string code;  // a known person's code on the article's date (IGOUNO, USAELI); "" = country + sector
  int cluster = -1;
};

// Finds one document's entities (RecognizeEntities in entities.h runs it).
class Recognizer {
 public:
  Recognizer(const EntityResources& res, const std::vector<LexiconMatch>& matches, Document* doc);

  void Run();

 private:
  const Phrase* PhraseAt(uint32_t t) const { return t < n_ && phrase_of_[t] >= 0 ? &phrases_[phrase_of_[t]] : nullptr; }
  const Phrase* PhraseStartingAt(uint32_t t) const;
  std::string_view Folded(uint32_t t) const { return doc_->Folded(doc_->tokens[t].norm); }
  bool IsPunct(uint32_t t, std::string_view p) const;
  // A one-word name is as definite as the lexicon writes it: a name listed
  // with the article (الدوما، الإخوان، الجبير) written bare is another word
  // (the town دوما، إخوان، بن جبير), and a country listed bare (بنين، مالي)
  // written with the article is a noun or an adjective (للبنين، المالي).
  // Nationality adjectives and places take either form.
  // A one-word role written with the other hamza than listed is another word:
  // the preposition أمام is not the cleric إمام, though folding joins them.
  // (A word written without a hamza stays ambiguous, and matches.)
  bool HamzaMismatch(const LexEntry& e, uint32_t t) const;
  bool ArticleMismatch(const LexEntry& e, uint32_t t) const;

  // homograph_names.tsv: a name that is also a word (فتح، حماس) is the word
  // when another word follows it in the sentence (فتح تحقيق، بحماس كبير).
  bool IsHomographUsedAsWord(const Phrase& p) const;
  bool IsComma(uint32_t t) const { return IsPunct(t, "\xD8\x8C") || IsPunct(t, ","); }
  bool SameSentence(uint32_t a, uint32_t b) const { return a < n_ && b < n_ && sentence_of_[a] == sentence_of_[b]; }
  // The first segment of token t is the conjunction و.
  bool StartsWithWaw(uint32_t t) const;
  // The word of token t without its proclitics, folded.
  std::string_view Stem(uint32_t t) const;
  std::string CountryOf(const Phrase& p) const;

  bool HasProclitic(uint32_t t) const;

  // A country or nisba directly attached to a phrase: an adjective or the
  // second term of a construct, so never behind و or a preposition.
  const Phrase* AttachedCountry(uint32_t end, uint32_t sentence_token) const;

  // An organisation a role phrase ending at `end` belongs to: right after it
  // (زعيم جماعة الحوثي)، through ل (للأمم المتحدة) or after باسم (المتحدث باسم حماس).
  const Phrase* AttachedOrganization(uint32_t end, uint32_t sentence_token) const;

  // Organisations built from a government body and a country or nisba
  // (وزارة الخارجية الكازاخستانية → KAZGOV): the index of the country phrase, or -1.
  int AttachedCountryPhrase(const Phrase& body) const;

  // Whether token t's word carries the preposition ب (بالعراق، بمنظمة).
  bool FusedBeh(uint32_t t) const;

  // The country of the place nearest token t in its sentence: a town (الموصل), a country after في
  // (في العراق, بالعراق) or a place noun's nationality (العاصمة التونسية); "" when the sentence names none.
  std::string SentencePlaceCountry(uint32_t t) const;

  void FindRoles();

  // Is token t a possible part of a person's name?
  bool NameToken(uint32_t t) const;

  // Extends a name from `start` over name tokens (at most 5 in all).
  uint32_t ExtendName(uint32_t start, uint32_t limit) const;

  void AddPersonSpan(uint32_t first, uint32_t end);

  void FindPersons();

  // Nominal mentions: a role that belongs to no named person, with a
  // nationality (السفير الفلسطيني) or bare (السفير); Cluster() links them.
  void FindNominalMentions();

  // Attaches role phrases to each named person: before the name (a chain of
  // roles joined by و, with لدى clauses, commas and honorifics between) and
  // after it (an apposition: name، role …).
  void ResolvePersons();

  void SetActor(PersonMention& m) const;

  bool SameName(const PersonMention& later, const PersonMention& earlier) const;

  void Cluster();

  Span SpanOf(uint32_t first, uint32_t end) const;

  bool Free(uint32_t first, uint32_t end) const;

  Entity& Add(EntityType type, uint32_t first, uint32_t end, const char* source,
              const LexEntry* entry = nullptr);

  // Organisations and countries named inside a longer organisation name
  // (اللجنة الثانية للأمم المتحدة holds الأمم المتحدة) are entities too.
  void AddNested(const Phrase& outer);

  static std::string Code(const std::string& country, const std::string& sector);

  void EmitAll();

  // State bodies and office holders named without a country (البرلمان، مجلس
  // الوزراء، رئيس الحكومة) belong to the country the article is about, when one
  // clearly dominates: at least three mentions and twice the runner-up; with
  // none, to a national outlet's country (outlets.tsv: a Tunisian radio's
  // «الوحدات الأمنية» are Tunisian). Marked with qualifier "document_country"
  // so users can tell inference from text.
  void PlaceDomesticBodies();

  // homograph_names.tsv `unless_country_named`: a country or nationality that is also a common word
  // (مالي، المالي «financial») names its country only in an article that names the country some other
  // way (باماكو، تمبكتو، a Malian person, في مالي). Elsewhere a nationality or country mention spelt so is
  // dropped, and a role or body it placed (المستشار المالي، وزارة المالية) loses that country.
  void DropUnnamedHomographCountries();
  bool HasPrepositionProclitic(uint32_t t) const;  // ب or ل before the stem
  // A preposition or a word of place (sites.tsv locative, in, site_head): من، إلى، في، قرب، شمال، مدينة …
  bool IsPrepositionWord(uint32_t t) const;

  // The country whose domestic news the document's outlet reports (outlets.tsv), or "".
  std::string OutletCountry() const;

  // metonyms.tsv: المملكة، الإمارة، السلطنة stand for the state of that kind the
  // article named last before them (a country, body, nationality or role of
  // it); with none named they stay words.
  void ResolveMetonyms();

  // anaphors.tsv: a definite common noun for a group named earlier (التنظيم after تنظيم داعش،
  // الحركة after حماس) stands for the nearest organisation or group before it whose code begins
  // with, or whose sector is, one of the row's kinds; with none, it stays a word.
  void ResolveAnaphors();

  // sites.tsv site_head: a noun for a kind of place (العاصمة، مدينة، ولاية، ساحة).
  bool IsPlaceNoun(uint32_t t) const { return SiteClass(*res_.lexicon, *doc_, t) == "site_head"; }

  // generic_nouns.tsv: a noun for state people or bodies of any country.
  bool IsGenericNoun(uint32_t t) const {
    return res_.lexicon->CueOf(res_.lexicon->MatchAt(*doc_, t, t + 1), "generic_nouns") != nullptr;
  }


  // Which tokens an entity already covers.
  std::vector<char> CoveredTokens() const;

  // An entity a rule finds on a lexicon match: its words without their proclitics.
  Entity RuleEntity(const LexiconMatch& m, EntityType type, const char* qualifier) const;

  struct NerSpan {
    uint32_t first, end;
    uint8_t tag;
  };

  const EntityResources& res_;
  Document* doc_;
  uint32_t n_;
  std::vector<Phrase> phrases_;
  std::vector<int> phrase_of_;
  std::vector<bool> taken_;
  std::vector<uint32_t> sentence_of_;
  std::vector<RolePhrase> roles_;
  std::vector<PersonMention> persons_;
  std::vector<PersonMention> nominal_;
  std::vector<NerSpan> ner_spans_;
  std::map<uint32_t, PersonRole> known_person_;  // first token -> the person and role on the date
  int next_cluster_ = 0;
};

}  // namespace rasd::internal::recognizer

#endif  // RASD_ENTITIES_RECOGNIZER_H_
