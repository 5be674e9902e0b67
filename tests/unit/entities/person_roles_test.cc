// Dated persons: the role a person holds on the article's date, former
// officials, persons not yet in office, and names two persons share.
// The facts below are public office-holding dates.
#include "entities/person_roles.h"

#include <gtest/gtest.h>

#include "rasd/engine.h"

namespace rasd::internal {
namespace {

constexpr char kPersons[] =
    "# rasd lexicon: dated persons for tests\n"
    "# source: usage (public office-holding dates)\n"
    "# license: CC0-1.0\n"
    "person\tnames\tcode\tcountry\tsector\tfrom\tto\trole\tsource\n"
    "usa.barack_obama\tباراك أوباما|أوباما\tUSALEG\tUSA\tLEG\t2005-01\t2008-11\tUS senator\tusage\n"
    "usa.barack_obama\tباراك أوباما|أوباما\tUSAGOV\tUSA\tGOV\t2009-01-20\t2017-01-20\tpresident\tusage\n"
    "igo.staffan_de_mistura\tستافان دي ميستورا|دي ميستورا\tIGOUNO\t-\tIGO\t2014-07\t2018-11\tUN envoy for Syria\tusage\n"
    "igo.staffan_de_mistura\tستافان دي ميستورا|دي ميستورا\tIGOUNO\t-\tIGO\t2021-10\t-\tUN envoy for Western Sahara\tusage\n"
    "sau.adel_al_jubeir\tعادل الجبير\tSAUGOV\tSAU\tGOV\t2007-02\t2015-04\tambassador to the United States\tusage\n"
    "sau.adel_al_jubeir\tعادل الجبير\tSAUGOV\tSAU\tGOV\t2015-04-29\t2018-12-27\tforeign minister\tusage\n"
    "sau.adel_al_jubeir\tعادل الجبير\tSAUGOV\tSAU\tGOV\t2018-12-27\t-\tminister of state for foreign affairs\tusage\n"
    // Two persons who share a surname as the press prints it.
    "usa.george_w_bush\tجورج دبليو بوش|جورج بوش الابن|بوش\tUSAGOV\tUSA\tGOV\t2001-01-20\t2009-01-20\tpresident\tusage\n"
    "usa.jeb_bush\tجيب بوش|بوش\tUSAGOV\tUSA\tGOV\t1999-01\t2007-01\tgovernor of Florida\tusage\n";

const Lexicon& Persons() {
  static const Lexicon lex = [] {
    Lexicon l;
    Status s = l.AddTsv(kPersons, "test_persons.tsv");
    EXPECT_TRUE(s.ok()) << s.message();
    return l;
  }();
  return lex;
}

PersonRole Resolve(std::string_view name, std::string_view date, std::set<std::string> named = {}) {
  return ResolvePersonRole(Persons(), Persons().Lookup(name), date, named);
}

TEST(PersonRolesTest, TheRoleHeldOnTheDate) {
  struct Case {
    const char* name;
    const char* date;
    const char* code;
    const char* sector;
  } cases[] = {
      {"باراك أوباما", "2006-05-01", "USALEG", "LEG"},   // senator
      {"أوباما", "2012-03-04", "USAGOV", "GOV"},         // president
      {"أوباما", "2017-01-20", "USAGOV", "GOV"},         // last day in office
      {"أوباما", "2019-06-01", "USAELI", "ELI"},         // former official
      {"أوباما", "2008-12-10", "USAELI", "ELI"},         // between two roles
      {"أوباما", "2001-01-01", "USA", ""},               // before the first role: nationality only
      {"أوباما", "", "USAGOV", "GOV"},                   // no date: the latest role, even ended
      {"دي ميستورا", "2016-02-01", "IGOUNO", "IGO"},     // an IGO official
      {"دي ميستورا", "2020-02-01", "", "ELI"},           // between UN posts, no country: no code
      {"دي ميستورا", "", "IGOUNO", "IGO"},               // no date: the ongoing role
      {"عادل الجبير", "2016-01-01", "SAUGOV", "GOV"},
  };
  for (const Case& c : cases) {
    PersonRole r = Resolve(c.name, c.date);
    ASSERT_TRUE(r.found) << c.name << " " << c.date;
    EXPECT_EQ(r.code, c.code) << c.name << " " << c.date;
    EXPECT_EQ(r.sector, c.sector) << c.name << " " << c.date;
  }
}

TEST(PersonRolesTest, ConcurrentRolesTakeTheLatestAppointment) {
  PersonRole r = Resolve("عادل الجبير", "2020-01-01");
  EXPECT_EQ(r.role, "minister of state for foreign affairs");
  EXPECT_EQ(Resolve("عادل الجبير", "2018-12-27").role, "minister of state for foreign affairs");
  EXPECT_EQ(Resolve("عادل الجبير", "2018-12-26").role, "foreign minister");
}

TEST(PersonRolesTest, SharedNamesResolveByArticleThenDate) {
  // Both in office in 2005, both USAGOV: the code they share.
  PersonRole both = Resolve("بوش", "2005-06-01");
  EXPECT_TRUE(both.found);
  EXPECT_EQ(both.code, "USAGOV");
  EXPECT_EQ(both.person, "");
  // In 2008 only George W. Bush is in office.
  PersonRole by_date = Resolve("بوش", "2008-06-01");
  EXPECT_EQ(by_date.person, "usa.george_w_bush");
  // The article names Jeb Bush in full: the surname is his.
  PersonRole by_article = Resolve("بوش", "2008-06-01", {"usa.jeb_bush"});
  EXPECT_EQ(by_article.person, "usa.jeb_bush");
  EXPECT_EQ(by_article.code, "USAELI");
  // In 2012 both are former officials of the same country: USAELI either way.
  EXPECT_EQ(Resolve("بوش", "2012-01-01").code, "USAELI");
}

TEST(PersonRolesTest, BadLinesFailWithFileAndLine) {
  const std::string head =
      "# rasd lexicon: x\n# source: usage\n# license: CC0-1.0\n"
      "person\tnames\tcode\tcountry\tsector\tfrom\tto\trole\tsource\n";
  const struct {
    const char* line;
    const char* reason;
  } bad[] = {
      {"usa.x\tجون سميث\tUSAGOV\tUSA\tGOV\t2020-13\t-\tminister\tusage\n", "from"},
      {"usa.x\tجون سميث\tUSAGOV\tUSA\tGOV\t2020\t2019\tminister\tusage\n", "to is before from"},
      {"usa.x\tجون سميث\tFRAGOV\tUSA\tGOV\t2020\t-\tminister\tusage\n", "starts the code"},
      {"usax\tجون سميث\tUSAGOV\tUSA\tGOV\t2020\t-\tminister\tusage\n", "person id"},
  };
  for (const auto& b : bad) {
    Lexicon l;
    Status s = l.AddTsv(head + b.line, "bad.tsv");
    ASSERT_FALSE(s.ok()) << b.line;
    EXPECT_NE(s.message().find("bad.tsv:5:"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(b.reason), std::string::npos) << s.message();
    EXPECT_EQ(l.size(), 0u);
  }
}

}  // namespace
}  // namespace rasd::internal
