// Lexicons: what rasd knows about the world (countries, nisba adjectives,
// places, organisations, government bodies, roles, honorifics, calendar and
// number words), compiled from data/lexicons/*.tsv into a matcher over token
// sequences that sees through clitics (وبكازاخستان، للأمم المتحدة).
//
//   auto lex = Lexicon::FromBlob(BuiltinLexiconBlob());        // built-in
//   RASD_RETURN_IF_ERROR(lex->AddTsvFile("my_actors.tsv"));    // user file
//   std::vector<LexiconMatch> m = lex->Match(doc);              // doc: text layer done
#ifndef RASD_LEXICON_LEXICON_H_
#define RASD_LEXICON_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/tsv.h"
#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::internal {

// One kind of lexicon file; a file's kind is its base name (countries.tsv) or
// its "# rasd kind: places" header line (for users' files with other names).
enum class EntryType : uint8_t {
  kCountry,       // countries.tsv: GPE name -> code
  kNisba,         // nisba.tsv: nationality adjective -> code
  kPlace,         // places.tsv: capital / city / governorate / region -> country
  kOrganization,  // organizations.tsv: named organisation -> actor code
  kGovBody,       // gov_bodies.tsv: وزارة الخارجية, الجيش … -> sector (country from context)
  kRole,          // roles.tsv: سفير، وزير الخارجية … -> sector
  kHonorific,     // honorifics.tsv: السيد، د. …
  kMonth,         // months.tsv
  kWeekday,       // weekdays.tsv
  kTemporal,      // temporal.tsv: أمس، الأسبوع الماضي …
  kNumber,        // numbers.tsv: number words, ordinals, approximations
  kPersonName,    // persons/*.tsv: well-known persons -> actor code per dated role (persons.tsv: undated)
  kTrigger,       // triggers.tsv: event trigger -> PLOVER type/mode, CAMEO code, argument frame
  kSpeech,        // speech.tsv: قال، أكد، وفق … (reported speech)
  kModality,      // modality.tsv: negation, future, conditional, hedge particles
  kCue,           // any other file with a `surface` column: a named cue list (e.g. function_words.tsv)
};

// Entry types used by the event stage (triggers, speech, modality); the
// entity lexicon holds every other type.
bool IsEventEntryType(EntryType type);

const char* EntryTypeName(EntryType type);

struct LexEntry {
  EntryType type = EntryType::kCountry;
  std::string surface;  // as written in the file (or generated: nisba forms)
  std::string code;     // actor or country code: KAZ, IGOUNO, PSEREB (or "")
  std::string country;  // ISO 3166 alpha-3 (or "")
  std::string sector;   // GOV, MIL … (or "")
  std::string kind;     // form / kind / rank / calendar … (the file's sub-kind column)
  std::string value;    // month, weekday, number value, offset (or "")
  std::string extra;    // unit (temporal), "metonym" (places); triggers: recipient frame (obj|مع)
  std::string mode;     // triggers: PLOVER mode ("" for none)
  std::string cameo;    // triggers: CAMEO code
  std::string actor;    // triggers: where the actor is (subj, agent)
  // Triggers with an `evaluation` column (evaluative_triggers.tsv): the polarity of an evaluations.tsv
  // word their clause must hold (negative, positive, deontic), "" for every other trigger.
  std::string evaluation;
  // Dated persons: the role's period, YYYY[-MM[-DD]] ("" = open); `kind` holds
  // the person id (sau.faisal_bin_farhan) and `value` the role (foreign minister).
  std::string from, to;
  uint16_t file = 0;    // index into Lexicon::files()
  uint32_t line = 0;    // line in that file
};

// A lexicon phrase found in a document: tokens [first_token, first_token + token_count).
struct LexiconMatch {
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  std::vector<uint32_t> entries;  // indices into Lexicon::entry(); all entries of that phrase
  // The first word matched without its enclitic pronoun (دعمها → دعم): the
  // pronoun owns what the word names.
  bool possessed = false;
  // The last word is the phrase's closing preposition carrying an enclitic
  // pronoun (القبض عليه، اجتمع معه): the pronoun is the phrase's object.
  bool object_pronoun = false;
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Loads a blob written by Serialize() (magic "RASDLEX", format version).
  // `keep`, when set, selects the entry types to load (the engine keeps the
  // event lexicon apart from the entity lexicon).
  static StatusOr<Lexicon> FromBlob(std::string_view blob, bool (*keep)(EntryType) = nullptr);

  // Validates and adds one TSV file's entries; `name` is used in messages and
  // decides the kind. Fails with "name:line: reason" and adds nothing then.
  Status AddTsv(std::string_view content, const std::string& name);
  Status AddTsvFile(const std::string& path);

  // Returns the compiled form (for rasd_lexc).
  std::string Serialize() const;

  // Finds lexicon phrases in `doc` (text layer filled): leftmost-longest,
  // non-overlapping. Thread-safe.
  // With `without_enclitics`, a first word also matches without its enclitic
  // pronoun, its stem's spelling restored (زيارته → زيارة، لقائه → لقاء).
  std::vector<LexiconMatch> Match(const Document& doc, bool without_enclitics = false) const;

  // The longest phrase starting at token `first` and ending at or before
  // token `limit` (token_count 0 when none).
  LexiconMatch MatchAt(const Document& doc, uint32_t first, uint32_t limit, bool without_enclitics = false) const;

  // Looks up a phrase given as text (tokenised like documents).
  std::vector<uint32_t> Lookup(std::string_view phrase) const;

  const LexEntry& entry(uint32_t i) const;

  // The entry of cue list `kind` (a cue file's base name: domains, evaluations, metonyms …) among a
  // match's entries, or null.
  const LexEntry* CueOf(const LexiconMatch& m, std::string_view kind) const;
  size_t size() const;
  // A number unique to this lexicon and its content in this process (any
  // added entry gives a new one): the key for caches of look-up results.
  uint64_t generation() const;
  const std::vector<std::string>& files() const;

  // Words of `surface` as the matcher keys them (normalised, folded, article
  // stripped from the first word), joined by spaces. Exposed for tests.
  static std::string KeyOf(std::string_view surface);

 private:
  // A dated-persons file (columns person, names, code, country, sector, from,
  // to, role, source): one entry per name of each role line.
  Status AddDatedPersons(const TsvFile& f, const std::string& name);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::internal

#endif  // RASD_LEXICON_LEXICON_H_
