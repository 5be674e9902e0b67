// The gazetteer and intensity tables as shipped: every place of places.tsv and
// every capital has coordinates, every CAMEO code rasd emits has a score.
#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <algorithm>
#include <string>
#include <vector>

#include "events/intensity.h"
#include "lexicon/tsv.h"

namespace rasd::internal {
namespace {

std::string ReadFile(const std::string& relative) {
  std::ifstream in(std::string(RASD_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TsvFile Parse(const std::string& relative) {
  auto f = ParseTsv(ReadFile(relative), relative);
  EXPECT_TRUE(f.ok()) << f.status().message();
  return f.ok() ? *f : TsvFile{};
}

Gazetteer Shipped() {
  auto g = Gazetteer::FromTsv(ReadFile("data/geo/gazetteer.tsv"));
  EXPECT_TRUE(g.ok()) << g.status().message();
  return g.ok() ? std::move(g).value() : Gazetteer{};
}

TEST(GazetteerTest, EveryPlaceOfPlacesTsvHasCoordinates) {
  Gazetteer g = Shipped();
  TsvFile places = Parse("data/lexicons/places.tsv");
  ASSERT_GT(places.rows.size(), 2000u);
  const int surface = places.Column("surface"), kind = places.Column("kind"), country = places.Column("country");
  int capitals = 0;
  for (const TsvRow& row : places.rows) {
    const std::string& name = row.fields[static_cast<size_t>(surface)];
    std::string code = row.fields[static_cast<size_t>(country)];
    if (code == "-") code.clear();
    const GazetteerPlace* p = g.Find(name, code);
    ASSERT_NE(p, nullptr) << "places.tsv:" << row.line << ": " << name << " has no coordinates";
    EXPECT_EQ(p->country, code) << "places.tsv:" << row.line << ": " << name;
    EXPECT_TRUE(p->lat != 0 || p->lon != 0) << name;
    if (row.fields[static_cast<size_t>(kind)] == "capital") {
      ++capitals;
      EXPECT_EQ(p->precision, "city") << "capital " << name << " must be located as a city";
    }
  }
  EXPECT_GT(capitals, 200);
}

TEST(GazetteerTest, EveryCountryHasAPoint) {
  Gazetteer g = Shipped();
  TsvFile countries = Parse("data/lexicons/countries.tsv");
  const int code = countries.Column("code");
  for (const TsvRow& row : countries.rows) {
    const GazetteerPlace* p = g.Country(row.fields[static_cast<size_t>(code)]);
    ASSERT_NE(p, nullptr) << "countries.tsv:" << row.line;
    EXPECT_EQ(p->precision, "country");
  }
}

TEST(GazetteerTest, SharedNamesResolveByCountry) {
  Gazetteer g = Shipped();
  const GazetteerPlace* libya = g.Find("طرابلس", "LBY");  // Tripoli, Libya
  const GazetteerPlace* lebanon = g.Find("طرابلس", "LBN");  // Tripoli, Lebanon
  ASSERT_TRUE(libya && lebanon);
  EXPECT_NEAR(libya->lon, 13.2, 0.5);
  EXPECT_NEAR(lebanon->lon, 35.8, 0.5);
  // Spellings that fold alike find the same place (hamza, ta marbuta).
  EXPECT_EQ(g.Find("الاسكندريه", "EGY"), g.Find("الإسكندرية", "EGY"));
}

TEST(GazetteerTest, BadRowsFailWithFileAndLine) {
  const std::string header = "surface\tkind\tcountry\tadmin1\tcity\tlat\tlon\tprecision\tsource\n";
  auto bad_lat = Gazetteer::FromTsv(header + "x\tcity\tEGY\t-\t-\t95\t30\tcity\thand\n", "g.tsv");
  ASSERT_FALSE(bad_lat.ok());
  EXPECT_EQ(bad_lat.status().message(), "g.tsv:2: latitude not in [-90, 90]");
  auto bad_precision = Gazetteer::FromTsv(header + "x\tcity\tEGY\t-\t-\t30\t30\ttown\thand\n", "g.tsv");
  ASSERT_FALSE(bad_precision.ok());
  EXPECT_NE(bad_precision.status().message().find("g.tsv:2: precision"), std::string::npos);
}

TEST(IntensityTest, EveryCodeOfTheCodebookAndTriggersHasAScore) {
  auto table = IntensityTable::FromTsv(ReadFile("data/codebook/goldstein.tsv"),
                                       ReadFile("data/codebook/plover_intensity.tsv"));
  ASSERT_TRUE(table.ok()) << table.status().message();
  // cameo_plover.tsv leaves modes empty, so it is split here rather than by ParseTsv.
  for (const char* file : {"data/codebook/cameo_plover.tsv", "data/lexicons/triggers.tsv"}) {
    std::istringstream in(ReadFile(file));
    std::string line;
    int cameo = -1, plover = -1, line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields;
      std::stringstream fs(line);
      for (std::string f; std::getline(fs, f, '\t');) fields.push_back(f);
      if (cameo < 0) {  // the column line
        for (size_t i = 0; i < fields.size(); ++i) {
          if (fields[i] == "cameo") cameo = static_cast<int>(i);
          if (fields[i] == "plover" || fields[i] == "type") plover = static_cast<int>(i);
        }
        ASSERT_GE(cameo, 0) << file;
        ASSERT_GE(plover, 0) << file;
        continue;
      }
      ASSERT_GT(fields.size(), static_cast<size_t>(std::max(cameo, plover))) << file << ":" << line_no;
      Event ev;
      ev.cameo = fields[static_cast<size_t>(cameo)];
      ev.type = fields[static_cast<size_t>(plover)];
      table->Annotate(&ev);
      EXPECT_NE(ev.quad_class, 0) << file << ":" << line_no << ": CAMEO " << ev.cameo << " has no Goldstein score";
      EXPECT_NE(ev.intensity, 0) << file << ":" << line_no << ": " << ev.type << " has no intensity";
    }
  }
}

TEST(IntensityTest, ScoresQuadClassesAndFallbacks) {
  const std::string goldstein =
      "cameo\tgoldstein\tquad_class\tname\tsource\n043\t2.8\t1\tHost a visit\tgdelt\n19\t-10.0\t4\t-\tgdelt\n";
  const std::string plover = "type\tmode\tintensity\tcodes\tsource\nASSAULT\t-\t-9.6\t31\tmean\n";
  auto table = IntensityTable::FromTsv(goldstein, plover);
  ASSERT_TRUE(table.ok()) << table.status().message();
  Event visit;
  visit.type = "CONSULT";
  visit.cameo = "043";
  table->Annotate(&visit);
  EXPECT_EQ(visit.goldstein, 2.8);
  EXPECT_EQ(visit.quad_class, 1);
  EXPECT_EQ(visit.cameo_name, "Host a visit");
  EXPECT_EQ(visit.intensity, 0);  // CONSULT is not in this table
  Event fight;  // 195 -> its root 19; mode drone -> its type ASSAULT
  fight.type = "ASSAULT";
  fight.mode = "drone";
  fight.cameo = "195";
  table->Annotate(&fight);
  EXPECT_EQ(fight.goldstein, -10.0);
  EXPECT_EQ(fight.quad_class, 4);
  EXPECT_EQ(fight.cameo_name, "");
  EXPECT_EQ(fight.intensity, -9.6);
  EXPECT_FALSE(IntensityTable::FromTsv(goldstein + "044\t12\t1\tx\ty\n", plover).ok());
}

}  // namespace
}  // namespace rasd::internal
