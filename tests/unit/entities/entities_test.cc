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

// homograph_names.tsv unless_after_place_word: ودان is the Libyan town only where a place is expected;
// elsewhere it is و + دان, «and he condemned».
TEST(EntitiesTest, TownSpeltLikeAVerb) {
  Document verb = TheEngine().Analyze("ودان وزير الخارجية السعودي الهجوم على ناقلات النفط.");
  for (const Entity& e : verb.entities) EXPECT_NE(e.country, "LBY") << Dump(verb);
  Document town = TheEngine().Analyze("وقصفت الطائرات مواقع قرب ودان في وسط البلاد.");
  const Entity* waddan = Find(town, EntityType::kLocation, "ودان");
  ASSERT_NE(waddan, nullptr) << Dump(town);
  EXPECT_EQ(waddan->country, "LBY");
}

// homograph_names.tsv unless_country_named: المالي is «financial» unless the article names Mali otherwise.
TEST(EntitiesTest, CountrySpeltLikeAWord) {
  Document finance = TheEngine().Analyze("وتستهدف العقوبات القطاع المالي الإيراني. وقال المستشار المالي إن الأسواق تراجعت.");
  for (const Entity& e : finance.entities) EXPECT_NE(e.country, "MLI") << Dump(finance);
  const Entity* adviser = Find(finance, EntityType::kRole, "المستشار المالي");
  ASSERT_NE(adviser, nullptr) << Dump(finance);
  EXPECT_EQ(adviser->country, "");
  Document mali = TheEngine().Analyze("هاجم مسلحون معسكرا للجيش المالي في شمال مالي. وأدان الرئيس المالي الهجوم.");
  const Entity* president = Find(mali, EntityType::kRole, "الرئيس المالي");
  ASSERT_NE(president, nullptr) << Dump(mali);
  EXPECT_EQ(president->country, "MLI");
  Document dairy = TheEngine().Analyze("ارتفعت أسعار الألبان والأجبان في الأسواق.");
  for (const Entity& e : dairy.entities) EXPECT_NE(e.country, "ALB") << Dump(dairy);
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

// A national outlet's unnamed state bodies are its country's (outlets.tsv), unless the text itself
// names another country clearly more; an international outlet's stay unplaced.
TEST(EntitiesTest, StateBodiesOfANationalOutlet) {
  const std::string text = "أوقفت الوحدات الأمنية اليوم كهلا بساحة القصبة.";
  AnalyzeOptions jawhara;
  jawhara.source = "JawharaFM";
  Document d = TheEngine().Analyze(text, jawhara);
  const Entity* units = Find(d, EntityType::kOrganization, "الوحدات الأمنية");
  ASSERT_NE(units, nullptr) << Dump(d);
  EXPECT_EQ(units->code, "TUNCOP");
  EXPECT_EQ(units->qualifier, "document_country");
  AnalyzeOptions cnn;
  cnn.source = "CNN";
  d = TheEngine().Analyze(text, cnn);
  units = Find(d, EntityType::kOrganization, "الوحدات الأمنية");
  ASSERT_NE(units, nullptr) << Dump(d);
  EXPECT_EQ(units->country, "");
  d = TheEngine().Analyze("زار وفد مصري ليبيا. وقالت مصر إن العلاقات مع مصر قوية وإن مصر تدعم الحوار. "
                          "وأوقفت الوحدات الأمنية مهربين.", jawhara);
  units = Find(d, EntityType::kOrganization, "الوحدات الأمنية");
  ASSERT_NE(units, nullptr) << Dump(d);
  EXPECT_EQ(units->code, "EGYCOP");
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


// Issue #16: who is who on the day of the article.
const Entity* FindAt(const Document& d, std::string_view text) {
  const Entity* best = nullptr;
  for (const Entity& e : d.entities) {
    if (e.text == text && (best == nullptr || e.token_count > best->token_count)) best = &e;
  }
  return best;
}

TEST(ActorsTest, RoleWithGenitiveCountryOrOrganisationIsOneParticipant) {
  const struct {
    const char* text;
    const char* mention;
    const char* code;
    const char* nested;  // the name inside, still an entity
  } cases[] = {
      {"استقبل ملك المغرب وفدا من السنغال.", "ملك المغرب", "MARGOV", "المغرب"},
      {"زار رئيس وزراء باكستان العاصمة الصينية.", "رئيس وزراء باكستان", "PAKGOV", "باكستان"},
      {"حذر الأمين العام لجامعة الدول العربية من التصعيد.", "الأمين العام لجامعة الدول العربية", "IGOMEAARL",
       "جامعة الدول العربية"},
      {"قال المتحدث باسم حركة حماس إن الحركة تدرس المقترح.", "المتحدث باسم حركة حماس", "PSEREB", "حركة حماس"},
      {"أطلقت ميليشيات الحوثي صواريخ على السفينة.", "ميليشيات الحوثي", "YEMREB", "الحوثي"},
  };
  for (const auto& c : cases) {
    Document d = TheEngine().Analyze(c.text);
    const Entity* role = FindAt(d, c.mention);
    ASSERT_NE(role, nullptr) << c.text << "\n" << Dump(d);
    EXPECT_EQ(role->type, EntityType::kRole) << c.text;
    EXPECT_EQ(role->code, c.code) << c.text << "\n" << Dump(d);
    EXPECT_NE(FindAt(d, c.nested), nullptr) << c.text << "\n" << Dump(d);
  }
  // The office of an organisation written after في takes its code.
  Document fatah = TheEngine().Analyze("نفى قيادي في حركة فتح وجود خلافات.");
  const Entity* leader = FindAt(fatah, "قيادي");
  ASSERT_NE(leader, nullptr) << Dump(fatah);
  EXPECT_EQ(leader->code, "PSEPTY");
}

TEST(ActorsTest, SitesAndPlacesAreNotActors) {
  Document consulate = TheEngine().Analyze("اعتصم مئات العمال أمام القنصلية التركية في أربيل احتجاجا على تأخر الرواتب.");
  const Entity* site = FindAt(consulate, "القنصلية التركية");
  ASSERT_NE(site, nullptr) << Dump(consulate);
  EXPECT_EQ(site->type, EntityType::kLocation);
  EXPECT_EQ(site->code, "");
  EXPECT_EQ(site->country, "TUR");  // where it is, kept
  // The embassy that speaks is its state.
  Document speaks = TheEngine().Analyze("نفت السفارة الروسية في القاهرة صحة التقارير.");
  ASSERT_NE(FindAt(speaks, "السفارة الروسية"), nullptr) << Dump(speaks);
  EXPECT_EQ(FindAt(speaks, "السفارة الروسية")->code, "RUSGOV");
  // A name after a site noun is part of the site's name.
  Document street = TheEngine().Analyze("تظاهر المحتجون في شارع فلسطين وسط بغداد.");
  ASSERT_NE(FindAt(street, "فلسطين"), nullptr) << Dump(street);
  EXPECT_EQ(FindAt(street, "فلسطين")->type, EntityType::kLocation);
  EXPECT_EQ(FindAt(street, "فلسطين")->code, "");
  // Capitals: the government as subject, a place after في.
  Document subject = TheEngine().Analyze("رفضت واشنطن الاقتراح الروسي.");
  ASSERT_NE(FindAt(subject, "واشنطن"), nullptr) << Dump(subject);
  EXPECT_EQ(FindAt(subject, "واشنطن")->code, "USAGOV");
  Document place = TheEngine().Analyze("عقد المؤتمر في واشنطن بحضور ممثلي عشرين دولة.");
  ASSERT_NE(FindAt(place, "واشنطن"), nullptr) << Dump(place);
  EXPECT_EQ(FindAt(place, "واشنطن")->code, "");
  EXPECT_EQ(FindAt(place, "واشنطن")->sector, "");
}

TEST(ActorsTest, HashtagsReadAsWordsAndNamesAsDefiniteAsListed) {
  Document tag = TheEngine().Analyze("غرد ناشطون تحت وسم #الولايات_المتحدة منتقدين القرار.");
  const Entity* usa = FindAt(tag, "الولايات_المتحدة");
  ASSERT_NE(usa, nullptr) << Dump(tag);
  EXPECT_EQ(usa->code, "USA");
  // الدوما is the Russian Duma; دوما without the article is the Syrian town.
  Document duma = TheEngine().Analyze("صوت الدوما على تعديل الدستور.");
  ASSERT_NE(FindAt(duma, "الدوما"), nullptr) << Dump(duma);
  EXPECT_EQ(FindAt(duma, "الدوما")->code, "RUSLEG");
  Document town = TheEngine().Analyze("خرج المدنيون من دوما عبر الممر الإنساني.");
  const Entity* t = FindAt(town, "دوما");
  EXPECT_TRUE(t == nullptr || t->code.empty()) << Dump(town);
}

TEST(ActorsTest, PersonsResolveByTheArticlesDate) {
  AnalyzeOptions then, now;
  then.date = "2008-05-05";
  now.date = "2020-03-11";
  const char* text = "بحث أحمد أبو الغيط الوضع في غزة.";
  Document d2008 = TheEngine().Analyze(text, then);
  Document d2020 = TheEngine().Analyze(text, now);
  const Entity* fm = FindAt(d2008, "أحمد أبو الغيط");
  const Entity* sg = FindAt(d2020, "أحمد أبو الغيط");
  ASSERT_TRUE(fm && sg) << Dump(d2020);
  EXPECT_EQ(fm->code, "EGYGOV");     // Egyptian foreign minister 2004-2011
  EXPECT_EQ(sg->code, "IGOMEAARL");  // Arab League secretary-general 2016-
  // A former official after leaving office.
  AnalyzeOptions later;
  later.date = "2019-09-14";
  Document obama = TheEngine().Analyze("ألقى باراك أوباما محاضرة عن الديمقراطية.", later);
  ASSERT_NE(FindAt(obama, "باراك أوباما"), nullptr) << Dump(obama);
  EXPECT_EQ(FindAt(obama, "باراك أوباما")->code, "USAELI");
}

}  // namespace
}  // namespace rasd
