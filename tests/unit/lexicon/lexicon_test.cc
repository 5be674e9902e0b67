// The lexicons as data (every country, capital and Arab League state is
// covered) and the matcher (clitics, articles, generated nisba forms, user
// files through the same code).
#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "engine/builtin_data.h"
#include "lexicon/tsv.h"
#include "rasd/engine.h"

namespace rasd::internal {
namespace {

const Lexicon& Builtin() {
  static const Lexicon lex = std::move(Lexicon::FromBlob(BuiltinLexiconBlob()).value());
  return lex;
}

std::vector<std::string> ReadCodes(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> codes;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') codes.push_back(line);
  }
  return codes;
}

// code -> set of entry types/kinds present for it.
std::map<std::string, std::multiset<std::string>> CoverageByCountry() {
  std::map<std::string, std::multiset<std::string>> out;
  const Lexicon& lex = Builtin();
  for (uint32_t i = 0; i < lex.size(); ++i) {
    const LexEntry& e = lex.entry(i);
    if (e.country.empty()) continue;
    if (e.type == EntryType::kCountry) out[e.country].insert("country:" + e.kind);
    if (e.type == EntryType::kNisba) out[e.country].insert("nisba");
    if (e.type == EntryType::kPlace) out[e.country].insert("place:" + e.kind);
  }
  return out;
}

TEST(LexiconDataTest, EveryCountryCodeHasNameAndNisbaForms) {
  auto coverage = CoverageByCountry();
  std::set<std::string> codes;
  const Lexicon& lex = Builtin();
  for (uint32_t i = 0; i < lex.size(); ++i) {
    if (lex.entry(i).type == EntryType::kCountry) codes.insert(lex.entry(i).code);
  }
  EXPECT_GE(codes.size(), 200u);
  for (const std::string& code : codes) {
    EXPECT_GE(coverage[code].count("country:short"), 1u) << code << " has no short name";
    EXPECT_GE(coverage[code].count("nisba"), 1u) << code << " has no nisba form";
  }
}

TEST(LexiconDataTest, EveryUnMemberHasNameNisbaAndCapital) {
  auto members = ReadCodes(RASD_SOURCE_DIR "/tests/testdata/un_members.txt");
  ASSERT_EQ(members.size(), 193u);
  auto coverage = CoverageByCountry();
  for (const std::string& code : members) {
    EXPECT_GE(coverage[code].count("country:short"), 1u) << code;
    EXPECT_GE(coverage[code].count("nisba"), 1u) << code;
    EXPECT_GE(coverage[code].count("place:capital"), 1u) << code << " has no capital";
  }
}

TEST(LexiconDataTest, EveryArabLeagueStateHasGovernoratesOrCities) {
  auto members = ReadCodes(RASD_SOURCE_DIR "/tests/testdata/arab_league.txt");
  ASSERT_EQ(members.size(), 22u);
  auto coverage = CoverageByCountry();
  for (const std::string& code : members) {
    size_t places = coverage[code].count("place:governorate") + coverage[code].count("place:city");
    EXPECT_GE(places, 10u) << code;
  }
}

struct Expect {
  const char* phrase;
  EntryType type;
  const char* code;  // code, or country for places
};

// Looks `phrase` up and returns whether some entry of `type` carries `code`.
bool Resolves(const Expect& x) {
  for (uint32_t id : Builtin().Lookup(x.phrase)) {
    const LexEntry& e = Builtin().entry(id);
    if (e.type == x.type && (e.code == x.code || e.country == x.code || e.sector == x.code)) return true;
  }
  return false;
}

TEST(LexiconMatchTest, ReferenceArticleEntitiesResolve) {
  // The `must` countries, organisations and places of ../shared/seed/expected.json.
  const Expect cases[] = {
      {"دولة فلسطين", EntryType::kCountry, "PSE"},
      {"جمهورية كازاخستان", EntryType::kCountry, "KAZ"},
      {"كازاخستان", EntryType::kCountry, "KAZ"},
      {"الأمم المتحدة", EntryType::kOrganization, "IGOUNO"},
      {"اللجنة الثانية للأمم المتحدة", EntryType::kOrganization, "IGOUNO"},
      {"الرياض", EntryType::kPlace, "SAU"},
      {"قطاع غزة", EntryType::kPlace, "PSE"},
      {"القدس الشرقية", EntryType::kPlace, "PSE"},
      {"الجولان السوري", EntryType::kPlace, "SYR"},
      {"الكازاخستانية", EntryType::kNisba, "KAZ"},
      {"الكازاخستاني", EntryType::kNisba, "KAZ"},
      {"الفلسطينية", EntryType::kNisba, "PSE"},
      {"الإسرائيلية", EntryType::kNisba, "ISR"},
      {"السوري", EntryType::kNisba, "SYR"},
      {"وزارة الخارجية", EntryType::kGovBody, "GOV"},
      {"السفارة", EntryType::kGovBody, "GOV"},
      {"سفير", EntryType::kRole, "GOV"},
      {"السكرتير الثاني", EntryType::kRole, "GOV"},
      {"نائب رئيس مجلس الوزراء", EntryType::kRole, "GOV"},
      {"حماس", EntryType::kOrganization, "PSEREB"},
      {"حزب الله", EntryType::kOrganization, "LBNREB"},
  };
  for (const Expect& x : cases) EXPECT_TRUE(Resolves(x)) << x.phrase;
}

// Documents are matched after clitic segmentation: through the engine.
TEST(LexiconMatchTest, SeesThroughCliticsArticleAndSpelling) {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  struct Case {
    const char* text;
    const char* type;
    const char* code;
  };
  const Case cases[] = {
      {"وبكازاخستان", "country", "KAZ"},        // wbkAzAxstAn: and-in-Kazakhstan
      {"للأمم المتحدة", "organization", "IGOUNO"},  // llAmm: ll = l + Al
      {"والسعودية", "country", "SAU"},
      {"الاردن", "country", "JOR"},            // hamza dropped
      {"سورية", "country", "SYR"},             // spelling variant
      {"أميركا", "country", "USA"},
      {"للكازاخستانيين", "nisba", "KAZ"},       // generated plural, with l + Al
      {"الفلسطينيتين", "nisba", "PSE"},         // generated feminine dual
      {"وفي تشرين الثاني", "month", ""},
  };
  for (const Case& c : cases) {
    bool found = false;
    for (const LexiconHit& h : engine->LookupLexicon(c.text)) found |= h.type == c.type && h.code == c.code;
    EXPECT_TRUE(found) << c.text;
  }
  for (const LexiconHit& h : engine->LookupLexicon("كلمة غير معروفة")) {
    EXPECT_TRUE(h.type == "cue" || h.type == "modality") << h.text << " (only the particle غير is known here)";
  }
}

// A trigger noun with a possessive pronoun matches its entry with ة and ء
// restored, only when asked, and says so (events/candidate.h: possessed_noun).
TEST(LexiconMatchTest, PossessedNounsMatchWithoutTheirPronoun) {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  AnalyzeOptions text_only;
  text_only.text_only = true;
  for (const char* word : {"واستنكارها", "زيارته", "لقائه", "دعمها"}) {
    Document doc = engine->Analyze(word, text_only);
    bool plain = false, possessed = false;
    for (const LexiconMatch& m : Builtin().Match(doc)) {
      for (uint32_t id : m.entries) plain |= Builtin().entry(id).type == EntryType::kTrigger;
    }
    for (const LexiconMatch& m : Builtin().Match(doc, /*without_enclitics=*/true)) {
      for (uint32_t id : m.entries) possessed |= Builtin().entry(id).type == EntryType::kTrigger && m.possessed;
    }
    EXPECT_FALSE(plain) << word;
    EXPECT_TRUE(possessed) << word;
  }
  // Words that only end like a pronoun stay unmatched: the stem must be an entry.
  Document doc = engine->Analyze("كتابها", text_only);
  for (const LexiconMatch& m : Builtin().Match(doc, true)) {
    for (uint32_t id : m.entries) EXPECT_NE(Builtin().entry(id).type, EntryType::kTrigger);
  }
}

// A phrase ending in a preposition matches it with an enclitic pronoun (القبض عليه), and says so:
// the pronoun is the phrase's object. The whole phrase is needed: عليه alone is no trigger.
TEST(LexiconMatchTest, ClosingPrepositionsTakeAnObjectPronoun) {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  AnalyzeOptions text_only;
  text_only.text_only = true;
  for (const char* text : {"القبض عليه", "القبض عليهم", "وألقت القبض عليها"}) {
    Document doc = engine->Analyze(text, text_only);
    bool object_pronoun = false;
    for (const LexiconMatch& m : Builtin().Match(doc, /*without_enclitics=*/true)) {
      for (uint32_t id : m.entries) {
        object_pronoun |= Builtin().entry(id).type == EntryType::kTrigger && m.object_pronoun &&
                          m.first_token + m.token_count == doc.tokens.size();
      }
    }
    EXPECT_TRUE(object_pronoun) << text;
  }
  for (const char* text : {"القبض على المتهم", "عليه"}) {
    Document doc = engine->Analyze(text, text_only);
    for (const LexiconMatch& m : Builtin().Match(doc, true)) EXPECT_FALSE(m.object_pronoun) << text;
  }
}

// A phrase listed with the pronoun ـه is generated for the other persons.
TEST(LexiconMatchTest, PhrasePronounsTakeEveryPerson) {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  for (const char* phrase : {"أعرب عن قلقه", "أعربت عن قلقها", "أعربوا عن قلقهم", "أعربا عن قلقهما"}) {
    bool trigger = false;
    for (const LexiconHit& h : engine->LookupLexicon(phrase)) trigger |= h.type == "trigger" && h.text == phrase;
    EXPECT_TRUE(trigger) << phrase;
  }
}

TEST(LexiconMatchTest, CapitalsUsedAsMetonymsAreMarked) {
  for (const char* capital : {"واشنطن", "موسكو", "طهران"}) {
    bool metonym = false;
    for (uint32_t id : Builtin().Lookup(capital)) metonym |= Builtin().entry(id).extra == "metonym";
    EXPECT_TRUE(metonym) << capital;
  }
}

TEST(LexiconLoadTest, UserFileAddsACountryWithoutCode) {
  const std::string path = ::testing::TempDir() + "countries.tsv";
  std::ofstream(path) << "# rasd lexicon: test\n# source: test\n# license: CC0\n"
                         "surface\tcode\tform\tsource\n"
                         "جمهورية رصدستان\tRSD\tofficial\ttest\n";
  EngineOptions options;
  options.extra_lexicons = {path};
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  std::vector<LexiconHit> hits;
  for (LexiconHit& h : (*engine)->LookupLexicon("ووصل إلى جمهورية رصدستان")) {
    if (h.type == "country") hits.push_back(std::move(h));
  }
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].code, "RSD");
  EXPECT_EQ(hits[0].source, path + ":5");
  // A bad user file makes Create fail with file:line.
  std::ofstream(path) << "# source: t\n# license: t\nsurface\tcode\tform\tsource\nمصر\tEGY\tshort\n";
  auto bad = Engine::Create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(path + ":4:"), std::string::npos) << bad.status().message();
}

TEST(LexiconLoadTest, BadLinesFailWithFileAndLineAndAddNothing) {
  const std::string header = "# rasd lexicon: t\n# source: t\n# license: t\nsurface\tcode\tform\tsource\n";
  struct Bad {
    const char* name;
    std::string body;
    const char* message;
  };
  const Bad cases[] = {
      {"field_count", "مصر\tEGY\tshort\n", "countries.tsv:5: expected 4 tab-separated fields, found 3"},
      {"empty_field", "مصر\t\tshort\tt\n", "countries.tsv:5: empty field 'code'"},
      {"bad_code", "مصر\tEgypt\tshort\tt\n", "countries.tsv:5: code 'Egypt' is not a 3-letter code"},
      {"bad_form", "مصر\tEGY\tnickname\tt\n", "countries.tsv:5: form must be official, short or variant"},
      {"duplicate", "مصر\tEGY\tshort\tt\nمصر\tEGY\tshort\tt\n", "countries.tsv:6: duplicate line"},
      {"invalid_utf8", "م\xFF\tEGY\tshort\tt\n", "countries.tsv:5: invalid UTF-8"},
      {"spaces", "مصر \tEGY\tshort\tt\n", "countries.tsv:5: field 'surface' has leading or trailing spaces"},
  };
  for (const Bad& b : cases) {
    Lexicon lex;
    Status s = lex.AddTsv(header + b.body, "countries.tsv");
    EXPECT_FALSE(s.ok()) << b.name;
    EXPECT_NE(s.message().find(b.message), std::string::npos) << b.name << ": " << s.message();
    EXPECT_EQ(lex.size(), 0u) << b.name;
  }
  Lexicon lex;
  EXPECT_FALSE(lex.AddTsv("surface\tcode\tform\tsource\nمصر\tEGY\tshort\tt\n", "countries.tsv").ok())
      << "header without # source / # license";
  EXPECT_FALSE(lex.AddTsv("# source: t\n# license: t\n", "countries.tsv").ok()) << "no column line";
}

// A trigger file may add an `evaluation` column (evaluative_triggers.tsv): negative or positive,
// kept through the blob; and a circumstantial participle matches in every gender and number.
TEST(LexiconLoadTest, EvaluativeTriggersAndParticipleForms) {
  const std::string header =
      "# rasd lexicon: t\n# source: t\n# license: t\n# rasd kind: triggers\n"
      "surface\tpos\ttype\tmode\tcameo\trecipient\tactor\tevaluation\tsource\n";
  Lexicon bad;
  Status s = bad.AddTsv(header + "وصف\tperfect\tACCUSE\t-\t111\tobj\tsubj\tangry\tt\n", "x.tsv");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("evaluation must be negative, positive, deontic or -"), std::string::npos) << s.message();
  Lexicon lex;
  ASSERT_TRUE(lex.AddTsv(header + "وصف\tperfect\tACCUSE\t-\t111\tobj\tsubj\tnegative\tt\n"
                                  "مطالبا\tparticiple\tREQUEST\t-\t100\tobj\tsubj\t-\tt\n", "x.tsv").ok());
  auto again = Lexicon::FromBlob(lex.Serialize());
  ASSERT_TRUE(again.ok()) << again.status().message();
  bool evaluative = false;
  for (uint32_t id : again->Lookup("وصفت")) evaluative |= again->entry(id).evaluation == "negative";
  EXPECT_TRUE(evaluative);
  for (const char* form : {"مطالبا", "مطالبة", "مطالبين", "مطالبات", "مطالبتين"}) {
    bool found = false;
    for (uint32_t id : again->Lookup(form)) found |= again->entry(id).value == "REQUEST" && again->entry(id).evaluation.empty();
    EXPECT_TRUE(found) << form;
  }
}

TEST(LexiconLoadTest, BlobRoundTripsAndRejectsCorruption) {
  const Lexicon& lex = Builtin();
  std::string blob = lex.Serialize();
  auto again = Lexicon::FromBlob(blob);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), lex.size());
  EXPECT_EQ(again->Serialize(), blob);
  EXPECT_FALSE(Lexicon::FromBlob("not a blob").ok());
  EXPECT_FALSE(Lexicon::FromBlob(blob.substr(0, blob.size() / 2)).ok());
  std::string bad_version = blob;
  bad_version[8] = 99;
  EXPECT_FALSE(Lexicon::FromBlob(bad_version).ok());
}

TEST(LexiconLoadTest, BuiltinIsSmallInMemory) {
  // The compiled blob is what lives in memory (plus a hash of its keys).
  EXPECT_LT(BuiltinLexiconBlob().size(), 50u << 20);
}

}  // namespace
}  // namespace rasd::internal
