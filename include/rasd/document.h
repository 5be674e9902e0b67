// File: rasd/document.h
//
// The result of analysing one article: plain structs with indices instead of
// pointers, so they copy into Python, JSON and SQLite rows directly.
//
//   rasd::Document doc = engine->Analyze(text, {.date = "2024-11-23"});
//   for (const rasd::Token& t : doc.tokens) std::cout << doc.Text(t.span) << "\n";
//
// Offsets: every `span` is a pair of BYTE offsets into `Document::text` (the
// input, with ill-formed UTF-8 repaired; identical to the input when it was
// valid). Every `norm` span indexes `Document::norm` and `Document::folded`,
// which have the same length. JSON output converts byte offsets to Unicode
// code point offsets (docs/offsets.md).
#ifndef RASD_DOCUMENT_H_
#define RASD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class TokenKind : uint8_t {
  kWord,         // Arabic-script word (may carry clitics)
  kNumber,       // digits with separators: 1.5, 1,000, 11/11/2024, 10:30
  kLatin,        // Latin-script word or acronym (letters and digits)
  kPunctuation,  // . ، ؛ ؟ ! " « » ( ) - … one token per mark (runs of the same mark merged)
  kSymbol,       // % $ € + = and other symbols
  kUrl,          // http(s)://… or www.…
  kEmail,        // user@example.org
  kHashtag,      // #وسم
  kMention,      // @user
  kOther,        // anything else (other scripts, U+FFFD)
};

// Returns "word", "number", … (the names used in JSON).
const char* TokenKindName(TokenKind kind);

enum class SegmentKind : uint8_t { kProclitic, kStem, kEnclitic };
const char* SegmentKindName(SegmentKind kind);

// One morpheme of a token: و + قال, نشرت + ها.
struct Segment {
  Span span;  // bytes in Document::text
  Span norm;  // bytes in Document::norm / folded
  SegmentKind kind = SegmentKind::kStem;
};

struct Token {
  Span span;  // bytes in Document::text
  Span norm;  // bytes in Document::norm / folded
  TokenKind kind = TokenKind::kWord;
  uint32_t first_segment = 0;  // index into Document::segments
  uint32_t segment_count = 0;  // >= 1
  // The stem segment's index (the segment without clitics).
  uint32_t stem() const { return first_segment + stem_offset; }
  uint8_t stem_offset = 0;
};

struct Sentence {
  Span span;  // bytes in Document::text
  uint32_t first_token = 0;
  uint32_t token_count = 0;
};

enum class EntityType : uint8_t {
  kPerson,        // PER: منتصر أبو زيد
  kOrganization,  // ORG: وزارة الخارجية الكازاخستانية، الأمم المتحدة
  kLocation,      // LOC: places that are not countries: الرياض، قطاع غزة
  kGpe,           // GPE: countries and territories: جمهورية كازاخستان
  kNorp,          // NORP: nationality adjectives: الكازاخستانية
  kRole,          // ROLE: titles and roles: سفير دولة فلسطين، مدير إدارة …
  kDate,          // DATE: 11 نوفمبر 2024، مساء الجمعة
  kNumber,        // NUM: 2 مليون، عشرات الآلاف
  kMisc,          // MISC: other named things (events, works, products)
};

// Returns "PER", "ORG", "LOC", "GPE", "NORP", "ROLE", "DATE", "NUM", "MISC".
const char* EntityTypeName(EntityType type);

struct Entity {
  EntityType type = EntityType::kMisc;
  // The mention as a name: proclitics (و ب ل …) are left out of `span`, and
  // an article elided after ل is restored (للأمم المتحدة -> الأمم المتحدة),
  // so `text` can differ from the characters of `span` by that one letter.
  std::string text;
  Span span;                 // bytes in Document::text
  uint32_t first_token = 0;  // tokens [first_token, first_token + token_count)
  uint32_t token_count = 0;
  // DATE: ISO value at its granularity ("2024-11-22", "2024-11", "2024"), or
  // "" when a relative date has no document date to resolve against.
  // NUM: the number in plain decimal ("2000000", "1.5").
  std::string value;
  std::string granularity;  // DATE: "day", "month", "year"
  std::string qualifier;    // DATE: anchor used ("document", "absolute"); NUM: "approx", "more_than" …
  // Actor resolution (PER, ORG, GPE, NORP, LOC): CAMEO-style country (PSE),
  // sector (GOV) and code (PSEGOV, IGOUNO); empty when unknown.
  std::string country;
  std::string sector;
  std::string code;
  int32_t cluster = -1;            // coreference cluster (same real-world entity), or -1
  std::vector<std::string> roles;  // PER: role phrases as written (سفير دولة فلسطين)
  std::string source;              // what found it: "lexicon", "ner", "rule"
};

// A participant of an event: one actor (PLOVER lists compound actors).
struct EventActor {
  std::string text;
  std::string country;
  std::string sector;
  std::string code;
  int32_t cluster = -1;
  int32_t entity = -1;  // index into Document::entities
};

// Where an event happened, resolved against the gazetteer (data/geo/gazetteer.tsv).
// `precision` says what lat/lon stand for: "city" (a town or site), "admin1" (a
// first-level division), "country" (only the country is known), "region" (an area
// spanning countries: a sea, a region); "" when the text names no place.
struct Location {
  std::string text;       // the place as the text names it
  std::string basis;      // "place": named in the event's sentence; "dateline": the story's dateline
  std::string country;    // ISO 3166-1 alpha-3, or "" (a region, or a place whose status is disputed)
  std::string admin1;     // first-level division (English name), or ""
  std::string city;       // town, site or area (English name), or ""
  double lat = 0;
  double lon = 0;
  std::string precision;  // "city", "admin1", "country", "region", or "" (no location)
};

struct Event {
  std::string type;     // PLOVER type: CONSULT, SUPPORT, REQUEST, ACCUSE …
  std::string mode;     // PLOVER mode, or ""
  std::vector<std::string> context;
  std::string cameo;    // CAMEO code (3-4 digits)
  std::vector<EventActor> actor;
  std::vector<EventActor> recipient;
  std::string date;       // ISO date (the sentence's own date, else the document date) or ""
  std::string date_text;  // the date expression used, or ""
  std::string place;      // place name, or ""
  uint32_t sentence = 0;  // index into Document::sentences
  Span anchor;            // the trigger words, bytes in Document::text
  // Reported speech: who says the event happened (null in JSON when empty).
  std::string attribution_text;
  std::string attribution_code;
  bool negated = false;
  std::string modality;   // "", "future", "conditional", "hedged", "hypothetical" (docs/events.md)
  float confidence = 0;
  // Intensity (data/codebook/goldstein.tsv, plover_intensity.tsv): the CAMEO
  // code's Goldstein score (-10 conflict … +10 cooperation) and QuadClass (1
  // verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
  // conflict; 0 = the code is unknown), and the PLOVER type/mode's intensity.
  double goldstein = 0;
  int quad_class = 0;
  std::string cameo_name;  // the CAMEO code's title ("Make an appeal or request"), or ""

  double intensity = 0;
  Location location;
};

struct Document {
  std::string id;
  std::string date;  // document date, YYYY-MM-DD or empty
  std::string source;  // the outlet that published it (AnalyzeOptions::source), or empty
  std::string text;  // the input as valid UTF-8
  // `text` normalised for analysis (diacritics, tatweel, presentation forms,
  // format controls removed; digits folded; hamza and ta marbuta kept) ...
  std::string norm;
  // ... and the same with alef, alef maksura and ta marbuta folded: the form
  // lexicons match on. Same length as `norm`.
  std::string folded;
  std::vector<uint32_t> norm_to_text;  // byte of norm -> byte of text (size norm.size()+1)

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Segment> segments;
  std::vector<Entity> entities;  // in text order
  std::vector<Event> events;     // in text order
  std::vector<std::string> warnings;  // e.g. "input: 3 ill-formed UTF-8 sequences replaced by U+FFFD"

  std::string_view Text(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view Norm(Span s) const { return std::string_view(norm).substr(s.begin, s.size()); }
  std::string_view Folded(Span s) const { return std::string_view(folded).substr(s.begin, s.size()); }
};

}  // namespace rasd

#endif  // RASD_DOCUMENT_H_
