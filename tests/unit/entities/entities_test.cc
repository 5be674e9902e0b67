// Entities and actors on sentences written for these tests: countries,
// nationality adjectives, government bodies, roles before and after names,
// honorifics, and coreference of later mentions.
#include <gtest/gtest.h>

#include "rasd/engine.h"

namespace rasd {
namespace {

const Engine& TheEngine() {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  return *engine;
}

const Entity* Find(const Document& d, EntityType type, std::string_view text) {
  for (const Entity& e : d.entities) {
    if (e.type == type && e.text == text) return &e;
  }
  return nullptr;
}

std::string Dump(const Document& d) {
  std::string out;
  for (const Entity& e : d.entities) {
    out += std::string(EntityTypeName(e.type)) + " " + e.text + " " + e.code + " #" + std::to_string(e.cluster) + "\n";
  }
  return out;
}

struct ActorCase {
  const char* name;
  const char* text;
  EntityType type;
  const char* entity;
  const char* code;
};

TEST(EntitiesTest, ResolvesActorsFromLexiconsRolesAndNisba) {
  const ActorCase cases[] = {
      {"country_official_name", "زار الوزير جمهورية مصر العربية أمس.", EntityType::kGpe, "جمهورية مصر العربية", "EGY"},
      {"country_through_clitics", "وصل الوفد وبكازاخستان بدأت المحادثات.", EntityType::kGpe, "كازاخستان", "KAZ"},
      {"ministry_with_nisba", "أصدرت وزارة الخارجية الأردنية بيانا.", EntityType::kOrganization,
       "وزارة الخارجية الأردنية", "JORGOV"},
      {"embassy_with_nisba", "احتفلت السفارة المصرية بالعيد الوطني.", EntityType::kOrganization, "السفارة المصرية",
       "EGYGOV"},
      {"named_organisation", "دعت الأمم المتحدة إلى التهدئة.", EntityType::kOrganization, "الأمم المتحدة", "IGOUNO"},
      {"armed_group", "أعلنت حركة حماس موقفها.", EntityType::kOrganization, "حركة حماس", "PSEREB"},
      {"article_restored_after_lam", "قدم الشكر للأمم المتحدة.", EntityType::kOrganization, "الأمم المتحدة", "IGOUNO"},
      {"role_nisba_before_name", "استقبل وزير الخارجية الأردني أيمن الصفدي الوفد.", EntityType::kPerson,
       "أيمن الصفدي", "JORGOV"},
      {"role_country_honorific_name", "التقى سفير دولة قطر، السيد خالد المنصوري، بالمسؤولين.", EntityType::kPerson,
       "خالد المنصوري", "QATGOV"},
      {"apposition_after_name", "وصل السيد كريم بنعلي، وزير خارجية تونس، إلى الجزائر.", EntityType::kPerson,
       "كريم بنعلي", "TUNGOV"},
      {"role_in_organisation", "حضر السكرتير الأول في السفارة العراقية سامر الحديثي الحفل.", EntityType::kPerson,
       "سامر الحديثي", "IRQGOV"},
  };
  for (const ActorCase& c : cases) {
    Document d = TheEngine().Analyze(c.text);
    const Entity* e = Find(d, c.type, c.entity);
    ASSERT_NE(e, nullptr) << c.name << "\n" << Dump(d);
    EXPECT_EQ(e->code, c.code) << c.name << "\n" << Dump(d);
  }
}

TEST(EntitiesTest, LaterMentionsJoinTheirPerson) {
  Document d = TheEngine().Analyze(
      "التقى سفير دولة قطر، السيد خالد المنصوري، مدير إدارة آسيا في وزارة الخارجية الماليزية السيد أحمد "
      "رحيم. وشكر السفير المنصوري الجانب الماليزي. كما أكد السفير القطري أهمية التعاون. وقال المسؤول الماليزي "
      "إن بلاده ترحب بذلك.");
  const Entity* khalid = Find(d, EntityType::kPerson, "خالد المنصوري");
  const Entity* surname = Find(d, EntityType::kPerson, "المنصوري");
  const Entity* by_nisba = Find(d, EntityType::kPerson, "السفير القطري");
  const Entity* official = Find(d, EntityType::kPerson, "المسؤول الماليزي");
  const Entity* ahmad = Find(d, EntityType::kPerson, "أحمد رحيم");
  ASSERT_TRUE(khalid && surname && by_nisba && official && ahmad) << Dump(d);
  EXPECT_EQ(surname->cluster, khalid->cluster);
  EXPECT_EQ(by_nisba->cluster, khalid->cluster);
  EXPECT_EQ(official->cluster, ahmad->cluster);
  EXPECT_NE(ahmad->cluster, khalid->cluster);
  EXPECT_EQ(surname->code, "QATGOV") << "a later mention inherits its person's actor";
  EXPECT_EQ(ahmad->code, "MYSGOV");
}

TEST(EntitiesTest, NamesThatAreWordsAndPlacesThatAreCountries) {
  // homograph_names.tsv: فتح and حماس as words.
  Document words = TheEngine().Analyze("طالب المجلس بفتح تحقيق، وقرر فتح المعبر، واستقبل الجمهور اللاعب بحماس كبير.");
  for (const Entity& e : words.entities) EXPECT_NE(e.type, EntityType::kOrganization) << Dump(words);
  Document names = TheEngine().Analyze("والتقى وفد من فتح وحماس في القاهرة.");
  const Entity* fatah = Find(names, EntityType::kOrganization, "فتح");
  ASSERT_NE(fatah, nullptr) << Dump(names);
  EXPECT_EQ(fatah->code, "PSEPTY");
  // عمان is Amman in an article about Jordan that never names Oman.
  Document amman = TheEngine().Analyze("اجتمعت النقابات الأردنية مع الحكومة في عمان.");
  EXPECT_NE(Find(amman, EntityType::kLocation, "عمان"), nullptr) << Dump(amman);
  Document oman = TheEngine().Analyze("زار الوزير عمان والتقى السلطان في مسقط.");
  EXPECT_NE(Find(oman, EntityType::kGpe, "عمان"), nullptr) << Dump(oman);
  // Two-word nationality adjectives written definite.
  Document korea = TheEngine().Analyze("التقى الرئيس الأمريكي الزعيم الكوري الشمالي.");
  const Entity* prk = Find(korea, EntityType::kRole, "الزعيم الكوري الشمالي");
  ASSERT_NE(prk, nullptr) << Dump(korea);
  EXPECT_EQ(prk->country, "PRK");
}

TEST(EntitiesTest, StateBodiesTakeTheArticlesCountry) {
  Document d = TheEngine().Analyze(
      "أقر البرلمان اللبناني قانونا جديدا. وقال رئيس الحكومة اللبنانية إن لبنان يحتاج إلى الإصلاح. "
      "ودعا حزب الله إلى الحوار في لبنان. وانتقد مجلس الوزراء القرار.");
  const Entity* cabinet = Find(d, EntityType::kOrganization, "مجلس الوزراء");
  ASSERT_NE(cabinet, nullptr) << Dump(d);
  EXPECT_EQ(cabinet->code, "LBNGOV");
  EXPECT_EQ(cabinet->qualifier, "document_country");
}

TEST(EntitiesTest, HonorificWithArticleIsNoHonorific) {
  // سيادة (Excellency) is an honorific; السيادة (sovereignty) is not.
  Document d = TheEngine().Analyze("أكد البيان احترام السيادة الوطنية للدول.");
  for (const Entity& e : d.entities) EXPECT_NE(e.type, EntityType::kPerson) << Dump(d);
}

TEST(EntitiesTest, TextLayerOnlySkipsEntities) {
  AnalyzeOptions o;
  o.text_only = true;
  EXPECT_TRUE(TheEngine().Analyze("زار الوزير مصر.", o).entities.empty());
}

}  // namespace
}  // namespace rasd
