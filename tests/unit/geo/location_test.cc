// Event locations through the engine: the place the sentence names, else the
// story's dateline, else none. Sentences written for this test.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "rasd/engine.h"

namespace rasd {
namespace {

const Engine& TheEngine() {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  return *engine;
}

Document Analyze(const std::string& text) {
  AnalyzeOptions options;
  options.date = "2026-11-02";
  return TheEngine().Analyze(text, options);
}

const Event* FindEvent(const Document& doc, const std::string& type) {
  for (const Event& ev : doc.events) {
    if (ev.type == type) return &ev;
  }
  return nullptr;
}

TEST(LocationTest, PlaceNamedInTheSentence) {
  // "The Egyptian president received the Saudi foreign minister in Cairo."
  Document doc = Analyze("استقبل الرئيس المصري في القاهرة وزير الخارجية السعودي.");
  const Event* ev = FindEvent(doc, "CONSULT");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->location.basis, "place");
  EXPECT_EQ(ev->location.country, "EGY");
  EXPECT_EQ(ev->location.city, "Cairo");
  EXPECT_EQ(ev->location.precision, "city");
  EXPECT_NEAR(ev->location.lat, 30.05, 0.2);
  EXPECT_NEAR(ev->location.lon, 31.25, 0.2);
  EXPECT_EQ(ev->goldstein, 2.8);  // CAMEO 043, host a visit
  EXPECT_EQ(ev->quad_class, 1);
}

TEST(LocationTest, DatelineWhenTheSentenceNamesNoPlace) {
  // "Amman - The Jordanian foreign ministry condemned the Israeli attack."
  Document doc = Analyze("عمّان - أدانت وزارة الخارجية الأردنية الهجوم الإسرائيلي.\n");
  ASSERT_FALSE(doc.events.empty());
  for (const Event& ev : doc.events) {
    EXPECT_EQ(ev.location.basis, "dateline") << ev.type;
    EXPECT_EQ(ev.location.country, "JOR") << ev.type;
    EXPECT_EQ(ev.location.city, "Amman") << ev.type;
  }
}

TEST(LocationTest, NoPlaceNoDatelineNoLocation) {
  Document doc = Analyze("استقبل الرئيس المصري وزير الخارجية السعودي.");
  ASSERT_FALSE(doc.events.empty());
  for (const Event& ev : doc.events) EXPECT_TRUE(ev.location.precision.empty()) << ev.type;
}

TEST(LocationTest, CountryAsPlaceIsCountryPrecision) {
  // "The Saudi foreign minister met his Egyptian counterpart in Jordan."
  Document doc = Analyze("التقى وزير الخارجية السعودي نظيره المصري في الأردن.");
  const Event* ev = FindEvent(doc, "CONSULT");
  ASSERT_NE(ev, nullptr);
  EXPECT_EQ(ev->location.country, "JOR");
  EXPECT_EQ(ev->location.precision, "country");
  EXPECT_EQ(ev->location.city, "");
}

}  // namespace
}  // namespace rasd
