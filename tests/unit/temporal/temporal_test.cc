// Dates and numbers (src/temporal): one row per calendar, relative form and
// number pattern, each an own sentence, with and without a document date.
// Rows render every entity found as TYPE[text]=value/granularity/qualifier.
#include "temporal/temporal.h"

#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "engine/builtin_data.h"
#include "rasd/engine.h"
#include "temporal/calendar.h"
#include "rasd/normalize.h"
#include "segment/sentence_splitter.h"
#include "tokenize/tokenizer.h"

namespace rasd::internal {
namespace {

// The engine, or null when it cannot be created (e.g. while another stage's
// model is being retrained): the tests then build the same text layer directly.
const Engine* TheEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    auto created = Engine::Create();
    if (!created.ok()) {
      std::cerr << "temporal_test: Engine::Create failed (" << created.status().ToString()
                << "); building the text layer without the engine\n";
      return std::unique_ptr<Engine>();
    }
    return std::move(created).value();
  }();
  return engine.get();
}

const Lexicon& TheLexicon() {
  static const Lexicon lex = std::move(Lexicon::FromBlob(BuiltinLexiconBlob()).value());
  return lex;
}

std::vector<Entity> Find(const Document& doc) {
  std::vector<Entity> out;
  FindDatesAndNumbers(doc, TheLexicon(), TheLexicon().Match(doc), &out);
  return out;
}

std::string Render(const Document& doc, const Entity& e) {
  std::string s = e.type == EntityType::kDate ? "DATE[" : "NUM[";
  s += doc.Text(e.span);
  s += "]=" + e.value;
  if (e.type == EntityType::kDate) s += "/" + e.granularity;
  if (!e.qualifier.empty()) s += "/" + e.qualifier;
  return s;
}

// What Engine::Analyze(text, {.date, .text_only = true}) does.
Document TextLayer(const std::string& text, const std::string& date) {
  if (const Engine* engine = TheEngine()) return engine->Analyze(text, {.id = "", .date = date, .text_only = true});
  static const CliticSegmenter seg =
      std::move(CliticSegmenter::Create(BuiltinSegmenterVocabulary(), BuiltinSegmenterGuard()).value());
  Document doc;
  doc.date = date;
  doc.text = text;
  NormalizedText n = Normalize(doc.text, SegmenterNormalizeOptions());
  doc.norm = std::move(n.text);
  doc.norm_to_text = std::move(n.to_orig);
  doc.folded = FoldForMatching(doc.norm);
  Tokenize(&seg, &doc);
  SplitSentences(&doc);
  return doc;
}

std::vector<std::string> Extract(const std::string& text, const std::string& date) {
  Document doc = TextLayer(text, date);
  std::vector<std::string> out;
  for (const Entity& e : Find(doc)) out.push_back(Render(doc, e));
  return out;
}

struct Row {
  const char* text;
  const char* date;  // document date or ""
  std::vector<std::string> want;
};

void Check(const std::vector<Row>& rows) {
  for (const Row& r : rows) {
    EXPECT_EQ(Extract(r.text, r.date), r.want) << r.text << " (date " << r.date << ")";
  }
}

constexpr char kDocDate[] = "2024-11-23";  // a Saturday, the reference article's date

TEST(TemporalTest, AbsoluteDates) {
  Check({
      // wqE Al>mr fy 11 nwfmbr 2024 .
      {"وقع الأمر في 11 نوفمبر 2024.", kDocDate, {"DATE[11 نوفمبر 2024]=2024-11-11/day/absolute"}},
      {"وقع الأمر في 11 نوفمبر 2024.", "", {"DATE[11 نوفمبر 2024]=2024-11-11/day/absolute"}},
      // Arabic-Indic digits, Levantine month: ١١ t$ryn AlvAny ٢٠٢٤
      {"صدر القرار في ١١ تشرين الثاني ٢٠٢٤", "", {"DATE[١١ تشرين الثاني ٢٠٢٤]=2024-11-11/day/absolute"}},
      // Maghrebi month: 3 jwAn 2023
      {"انطلقت الدورة يوم 3 جوان 2023", "", {"DATE[يوم 3 جوان 2023]=2023-06-03/day/absolute"}},
      {"بتاريخ 11/11/2024 أعلنت الوزارة", "", {"DATE[11/11/2024]=2024-11-11/day/absolute"}},
      {"بتاريخ 5-3-2021 أعلنت الوزارة", "", {"DATE[5-3-2021]=2021-03-05/day/absolute"}},
      {"بتاريخ 2024/11/09 أعلنت الوزارة", "", {"DATE[2024/11/09]=2024-11-09/day/absolute"}},
      {"بتاريخ ٢٠٢٤/١١/٠٩ أعلنت الوزارة", "", {"DATE[٢٠٢٤/١١/٠٩]=2024-11-09/day/absolute"}},
      {"بتاريخ 31/02/2024 أعلنت الوزارة", "", {}},  // not a date, not a number
      // AlrAbE mn ywnyw 1967
      {"اندلعت الحرب في الرابع من يونيو 1967", "", {"DATE[الرابع من يونيو 1967]=1967-06-04/day/absolute"}},
      {"في الحادي والعشرين من مارس 2020 أغلقت المدارس", "",
       {"DATE[الحادي والعشرين من مارس 2020]=2020-03-21/day/absolute"}},
      // 5 rbyE Al>wl 1446 h (Umm al-Qura)
      {"وصل الوفد في 5 ربيع الأول 1446 هـ", "", {"DATE[5 ربيع الأول 1446 هـ]=2024-09-08/day/absolute"}},
      {"ولد في 10 محرم 1300 هـ", "", {"DATE[10 محرم 1300 هـ]=1882-11-21/day/absolute"}},
      {"بدأ صيام رمضان 1445 هـ", "", {"DATE[رمضان 1445 هـ]=2024-03/month/absolute"}},
      {"الموافق 1 شوال 1445هـ", "", {"DATE[1 شوال 1445هـ]=2024-04-10/day/absolute"}},
      // ywnyw 2024
      {"ارتفعت الأسعار في يونيو 2024", "", {"DATE[يونيو 2024]=2024-06/month/absolute"}},
      {"ارتفعت الأسعار في يونيه 2024", "", {"DATE[يونيه 2024]=2024-06/month/absolute"}},
      {"ارتفعت الأسعار في أيار 2019", "", {"DATE[أيار 2019]=2019-05/month/absolute"}},
      // EAm 2024 / snp 2024
      {"تراجع النمو عام 2024", "", {"DATE[عام 2024]=2024/year/absolute"}},
      {"تأسست الجمعية سنة 1948", "", {"DATE[سنة 1948]=1948/year/absolute"}},
      {"في العام 2011 اندلعت الاحتجاجات", "", {"DATE[العام 2011]=2011/year/absolute"}},
      {"تأسست عام 1446 هـ", "", {"DATE[عام 1446 هـ]=2025/year/absolute"}},
      {"تأسست المدينة في 2024م", "", {"DATE[2024م]=2024/year/absolute"}},
      {"وقعت النكسة في 1967 م", "", {"DATE[1967 م]=1967/year/absolute"}},
      // fy 2016 / mn* 2011: a bare year after a preposition
      {"ارتفعت الصادرات في 2016", "", {"DATE[2016]=2016/year/absolute"}},
      {"تستمر الحرب منذ 2011", "", {"DATE[2011]=2011/year/absolute"}},
      {"شارك 2016 شخصا", "", {"NUM[2016]=2016"}},
      {"على بعد 500 م", "", {"NUM[500]=500"}},
      // weekday + full date: the date wins
      {"يوم الجمعة 22 نوفمبر 2024", kDocDate, {"DATE[يوم الجمعة 22 نوفمبر 2024]=2024-11-22/day/absolute"}},
      {"الخميس الموافق 5 سبتمبر 2024", kDocDate, {"DATE[الخميس الموافق 5 سبتمبر 2024]=2024-09-05/day/absolute"}},
  });
}

TEST(TemporalTest, RelativeDatesWithDocumentDate) {
  Check({
      {"قال الوزير اليوم إن", kDocDate, {"DATE[اليوم]=2024-11-23/day/document"}},
      {"وصل الوفد أمس", kDocDate, {"DATE[أمس]=2024-11-22/day/document"}},
      {"وصل الوفد أول أمس", kDocDate, {"DATE[أول أمس]=2024-11-21/day/document"}},
      {"يصل الوفد غداً", kDocDate, {"DATE[غداً]=2024-11-24/day/document"}},
      {"وقع الانفجار مساء أمس", kDocDate, {"DATE[مساء أمس]=2024-11-22/day/document"}},
      // msA' Aljmcp: the latest Friday on or before the document date
      {"وقع الانفجار مساء الجمعة", kDocDate, {"DATE[مساء الجمعة]=2024-11-22/day/document"}},
      {"عقد الاجتماع يوم الجمعة", kDocDate, {"DATE[يوم الجمعة]=2024-11-22/day/document"}},
      {"التقى الرئيس الأربعاء نظيره", kDocDate, {"DATE[الأربعاء]=2024-11-20/day/document"}},
      {"أعلن السبت أن", kDocDate, {"DATE[السبت]=2024-11-23/day/document"}},
      {"زار الوزير القاهرة الاثنين الماضي", kDocDate, {"DATE[الاثنين الماضي]=2024-11-18/day/document"}},
      {"يزور الوزير القاهرة الأحد المقبل", kDocDate, {"DATE[الأحد المقبل]=2024-11-24/day/document"}},
      {"أعلن السبت الماضي", kDocDate, {"DATE[السبت الماضي]=2024-11-16/day/document"}},
      // week: the Monday of that week
      {"اجتمع المجلس الأسبوع الماضي", kDocDate, {"DATE[الأسبوع الماضي]=2024-11-11/week/document"}},
      {"يجتمع المجلس الأسبوع المقبل", kDocDate, {"DATE[الأسبوع المقبل]=2024-11-25/week/document"}},
      {"ارتفعت الأسعار الشهر الماضي", kDocDate, {"DATE[الشهر الماضي]=2024-10/month/document"}},
      {"تراجعت الصادرات العام الماضي", kDocDate, {"DATE[العام الماضي]=2023/year/document"}},
      {"تجرى الانتخابات العام المقبل", kDocDate, {"DATE[العام المقبل]=2025/year/document"}},
      {"خلال العام الجاري", kDocDate, {"DATE[العام الجاري]=2024/year/document"}},
      {"في السنة المقبلة", kDocDate, {"DATE[السنة المقبلة]=2025/year/document"}},
      // months without a year
      {"في يونيو الماضي وقعت الاتفاقية", kDocDate, {"DATE[يونيو الماضي]=2024-06/month/document"}},
      {"في ديسمبر المقبل تبدأ", kDocDate, {"DATE[ديسمبر المقبل]=2024-12/month/document"}},
      {"في نوفمبر الماضي", "2024-11-05", {"DATE[نوفمبر الماضي]=2023-11/month/document"}},
      {"في يناير تبدأ الدراسة", kDocDate, {"DATE[يناير]=2025-01/month/document"}},
      {"في يونيو بدأت الدراسة", kDocDate, {"DATE[يونيو]=2024-06/month/document"}},
      {"وصل في 3 نوفمبر", kDocDate, {"DATE[3 نوفمبر]=2024-11-03/day/document"}},
      // parts of periods
      {"يزور الرئيس البلاد مطلع العام", kDocDate, {"DATE[مطلع العام]=2024/year/document"}},
      {"مطلع العام المقبل", kDocDate, {"DATE[مطلع العام المقبل]=2025/year/document"}},
      {"في أوائل يونيو", kDocDate, {"DATE[أوائل يونيو]=2024-06/month/document"}},
      {"في منتصف يونيو 2023", kDocDate, {"DATE[منتصف يونيو 2023]=2023-06/month/absolute"}},
      {"في أواخر ديسمبر", kDocDate, {"DATE[أواخر ديسمبر]=2024-12/month/document"}},
      {"نهاية الشهر الجاري", kDocDate, {"DATE[نهاية الشهر الجاري]=2024-11/month/document"}},
      {"منذ مطلع 2024", kDocDate, {"DATE[مطلع 2024]=2024/year/absolute"}},
  });
}

TEST(TemporalTest, RelativeDatesWithoutDocumentDateStayUnresolved) {
  Check({
      {"وصل الوفد أمس", "", {"DATE[أمس]=/day/unresolved"}},
      {"وقع الانفجار مساء الجمعة", "", {"DATE[مساء الجمعة]=/day/unresolved"}},
      {"اجتمع المجلس الأسبوع الماضي", "", {"DATE[الأسبوع الماضي]=/week/unresolved"}},
      {"في يونيو الماضي وقعت الاتفاقية", "", {"DATE[يونيو الماضي]=/month/unresolved"}},
      {"يزور الرئيس البلاد مطلع العام", "", {"DATE[مطلع العام]=/year/unresolved"}},
      {"وصل في 3 نوفمبر", "", {"DATE[3 نوفمبر]=/day/unresolved"}},
      {"وصل الوفد أمس", "not-a-date", {"DATE[أمس]=/day/unresolved"}},
  });
}

TEST(TemporalTest, WordsThatAreNotDates) {
  Check({
      {"مارس الضغط على الحكومة", kDocDate, {}},  // mArs 'practised'
      {"زار خميس بيروت", kDocDate, {}},  // a personal name without Al
      {"التقى أحد المسؤولين", kDocDate, {}},
      {"الأمين العام للأمم المتحدة", kDocDate, {}},
      {"اكتمل عقد الاجتماع في رجب", kDocDate, {}},  // Hijri month without a year: also a name
  });
}

TEST(TemporalTest, Numbers) {
  Check({
      {"شارك 1,000 شخص", "", {"NUM[1,000]=1000"}},
      {"بلغ النمو 1.5 نقطة", "", {"NUM[1.5]=1.5"}},
      {"بلغ النمو ٣٫٥ نقطة", "", {"NUM[٣٫٥]=3.5"}},
      {"شارك ١٬٢٥٠ شخصا", "", {"NUM[١٬٢٥٠]=1250"}},
      {"نزح 2 مليون شخص", "", {"NUM[2 مليون]=2000000"}},
      {"بلغت الكلفة 1.5 مليار دولار", "", {"NUM[1.5 مليار]=1500000000"}},
      {"وصل 3 آلاف لاجئ", "", {"NUM[3 آلاف]=3000"}},
      {"بلغ العجز 2 مليون ونصف", "", {"NUM[2 مليون ونصف]=2500000"}},
      {"وصل ثلاثة آلاف لاجئ", "", {"NUM[ثلاثة آلاف]=3000"}},
      {"في عام ألفين وأربعة وعشرين", "", {"NUM[ألفين وأربعة وعشرين]=2024"}},
      {"ألفان وأربعة وعشرون", "", {"NUM[ألفان وأربعة وعشرون]=2024"}},
      {"قتل خمسة وعشرون شخصا", "", {"NUM[خمسة وعشرون]=25"}},
      {"قال فإن الأمر", "", {}},  // f+<n, not >lfAn (the matcher keys >lfAn as fAn)
      {"وصل الثلاثة إلى بيروت", "", {"NUM[الثلاثة]=3"}},
      {"حضر مئتان وخمسون ألفاً", "", {"NUM[مئتان وخمسون ألفاً]=250000"}},
      {"بلغ عدد السكان ثلاثة ملايين وخمسمئة ألف", "", {"NUM[ثلاثة ملايين وخمسمئة ألف]=3500000"}},
      {"رصد مليون ونصف دولار", "", {"NUM[مليون ونصف]=1500000"}},
      {"رصد نصف مليون دولار", "", {"NUM[نصف مليون]=500000"}},
      {"شارك أحد عشر لاعبا", "", {"NUM[أحد عشر]=11"}},
      {"اعتقل سبعة أشخاص", "", {"NUM[سبعة]=7"}},
      {"ضم الوفد اثنين من الخبراء", "", {"NUM[اثنين]=2"}},
  });
}

TEST(TemporalTest, NumberQualifiers) {
  Check({
      {"نزح نحو 2 مليون شخص", "", {"NUM[نحو 2 مليون]=2000000/approx"}},
      {"قتل أكثر من 100 شخص", "", {"NUM[أكثر من 100]=100/more_than"}},
      {"أصيب أقل من عشرة", "", {"NUM[أقل من عشرة]=10/less_than"}},
      {"قتل ما لا يقل عن 40 شخصا", "", {"NUM[ما لا يقل عن 40]=40/at_least"}},
      {"قتل 40 شخصا على الأقل", "", {"NUM[40]=40", }},
      {"قتل 40 على الأقل", "", {"NUM[40 على الأقل]=40/at_least"}},
      {"تظاهر عشرات الآلاف", "", {"NUM[عشرات الآلاف]=10000/tens_of"}},
      {"تظاهر مئات الآلاف", "", {"NUM[مئات الآلاف]=100000/hundreds_of"}},
      {"أصيب العشرات", "", {"NUM[العشرات]=10/tens_of"}},
      {"اعتقل عشرات الأشخاص", "", {"NUM[عشرات]=10/tens_of"}},
      {"نزح آلاف المدنيين", "", {"NUM[آلاف]=1000/thousands_of"}},
      {"نزح حوالي عشرات الآلاف", "", {"NUM[حوالي عشرات الآلاف]=10000/approx+tens_of"}},
      {"انخفض التضخم 50%", "", {"NUM[50%]=50/percent"}},
      {"انخفض التضخم ٥٠٪", "", {"NUM[٥٠٪]=50/percent"}},
      {"انخفض التضخم 50 في المئة", "", {"NUM[50 في المئة]=50/percent"}},
      {"انخفض التضخم 3.5 في المائة", "", {"NUM[3.5 في المائة]=3.5/percent"}},
      {"انخفض التضخم 12 بالمئة", "", {"NUM[12 بالمئة]=12/percent"}},
      {"انخفض التضخم نحو 50 في المئة", "", {"NUM[نحو 50 في المئة]=50/approx+percent"}},
      {"توجه الوفد نحو الحدود", "", {}},  // nHw 'towards'
      {"اجتمعوا في الساعة 10:30", "", {}},
  });
}

TEST(TemporalTest, NumbersInsideDatesAreNotNumbers) {
  Check({
      {"قتل 25 شخصا في 11 نوفمبر 2024", "",
       {"NUM[25]=25", "DATE[11 نوفمبر 2024]=2024-11-11/day/absolute"}},
      {"نزح أكثر من 2 مليون شخص منذ عام 2011", "",
       {"NUM[أكثر من 2 مليون]=2000000/more_than", "DATE[عام 2011]=2011/year/absolute"}},
  });
}

TEST(TemporalTest, SpansAndTokens) {
  const std::string text = "قال الوزير مساء الجمعة إن نحو 2 مليون نزحوا";
  Document doc = TextLayer(text, kDocDate);
  std::vector<Entity> got = Find(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].type, EntityType::kDate);
  EXPECT_EQ(doc.Text(got[0].span), "مساء الجمعة");
  EXPECT_EQ(got[0].first_token, 2u);
  EXPECT_EQ(got[0].token_count, 2u);
  EXPECT_EQ(got[0].source, "rule");
  EXPECT_EQ(got[1].type, EntityType::kNumber);
  EXPECT_EQ(doc.Text(got[1].span), "نحو 2 مليون");
  EXPECT_EQ(got[1].token_count, 3u);
}

TEST(CalendarTest, GregorianAndHijri) {
  int64_t d = 0;
  ASSERT_TRUE(ParseIsoDate("2024-11-23", &d));
  EXPECT_EQ(IsoWeekday(d), 6);
  EXPECT_EQ(IsoDay(d), "2024-11-23");
  EXPECT_FALSE(ParseIsoDate("2024-02-30", &d));
  EXPECT_FALSE(ParseIsoDate("2024-1-3", &d));
  // Umm al-Qura (table from ICU): 1 Muharram 1446 = 7 July 2024; 1 Ramadan 1445 = 11 March 2024.
  ASSERT_TRUE(HijriToDays(1446, 1, 1, &d));
  EXPECT_EQ(IsoDay(d), "2024-07-07");
  ASSERT_TRUE(HijriToDays(1445, 9, 1, &d));
  EXPECT_EQ(IsoDay(d), "2024-03-11");
  EXPECT_FALSE(HijriToDays(1446, 1, 31, &d));
  // Tabular outside 1300-1600 AH: 1 Muharram 1 AH = 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian).
  ASSERT_TRUE(HijriToDays(1, 1, 1, &d));
  EXPECT_EQ(IsoDay(d), "0622-07-19");
}

}  // namespace
}  // namespace rasd::internal
