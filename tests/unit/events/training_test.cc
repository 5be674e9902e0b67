// Labels of event candidates for training (events/training.h).
#include "events/training.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "events/candidate.h"
#include "rasd/engine.h"

namespace rasd::internal {
namespace {

EventActor Actor(const std::string& code) {
  EventActor a;
  a.code = code;
  a.country = code.substr(0, 3);
  return a;
}

Candidate At(uint32_t byte, const std::string& type, std::vector<EventActor> actor, std::vector<EventActor> recipient) {
  Candidate c;
  c.event.type = type;
  c.event.anchor = Span{byte, byte + 2};
  c.event.actor = std::move(actor);
  c.event.recipient = std::move(recipient);
  return c;
}

GoldEventInstance Gold(const std::string& type, std::set<std::string> actor, std::set<std::string> recipient,
                       bool must = true) {
  GoldEventInstance g;
  g.sentence_begin = 0;
  g.sentence_end = 100;
  g.trigger = {10, 12};
  g.type = type;
  g.actor = std::move(actor);
  g.recipient = std::move(recipient);
  g.must = must;
  return g;
}

TEST(CandidateLabelTest, MatchesByTypeAndSidesInTheSentence) {
  const std::vector<uint32_t> cp = CodePointOffsets(std::string(200, 'x'));
  const std::vector<GoldEventInstance> gold = {Gold("CONSULT", {"JOR"}, {"EGY"})};
  EXPECT_EQ(LabelCandidate(At(10, "CONSULT", {Actor("JORGOV")}, {Actor("EGYGOV")}), gold, cp), CandidateLabel::kRight);
  // CONSULT has no direction.
  EXPECT_EQ(LabelCandidate(At(10, "CONSULT", {Actor("EGYGOV")}, {Actor("JORGOV")}), gold, cp), CandidateLabel::kRight);
  EXPECT_EQ(LabelCandidate(At(10, "SUPPORT", {Actor("JORGOV")}, {Actor("EGYGOV")}), gold, cp), CandidateLabel::kWrong);
  EXPECT_EQ(LabelCandidate(At(150, "CONSULT", {Actor("JORGOV")}, {Actor("EGYGOV")}), gold, cp), CandidateLabel::kWrong);
}

// As score.py: a side the gold leaves empty (an unknown attacker) is matched by any side, a
// named side only by a party of its country.
TEST(CandidateLabelTest, AnUnknownSideMatchesAnySideAsTheScorerReadsIt) {
  const std::vector<uint32_t> cp = CodePointOffsets(std::string(200, 'x'));
  const std::vector<GoldEventInstance> gold = {Gold("ASSAULT", {}, {"YEM"})};
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {}, {Actor("YEMCVL")}), gold, cp), CandidateLabel::kRight);
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {Actor("SAUGOV")}, {Actor("YEMCVL")}), gold, cp), CandidateLabel::kRight);
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {Actor("SAUGOV")}, {Actor("SAUCVL")}), gold, cp), CandidateLabel::kWrong);
  EXPECT_EQ(LabelCandidate(At(10, "ASSAULT", {Actor("SAUGOV")}, {}), gold, cp), CandidateLabel::kWrong);
}

TEST(CandidateLabelTest, MayEventsAreLeftOut) {
  const std::vector<uint32_t> cp = CodePointOffsets(std::string(200, 'x'));
  const std::vector<GoldEventInstance> gold = {Gold("THREATEN", {"USA"}, {"PRK"}, /*must=*/false)};
  EXPECT_EQ(LabelCandidate(At(10, "THREATEN", {Actor("USAGOV")}, {Actor("PRKGOV")}), gold, cp),
            CandidateLabel::kLeftOut);
}

TEST(CodePointOffsetsTest, ContinuationBytesBelongToTheirCodePoint) {
  const std::string text = "a\xD8\xA8" "c";  // a ب c
  const std::vector<uint32_t> cp = CodePointOffsets(text);
  EXPECT_EQ(cp, (std::vector<uint32_t>{0, 1, 1, 2, 3}));
}

// The grammar's candidates (no decision) of one sentence, from the built-in engine.
std::vector<Candidate> CandidatesOf(const std::string& text, Document* doc) {
  static const std::unique_ptr<Engine> engine = std::move(Engine::Create().value());
  std::vector<Candidate> out;
  *doc = AnalyzeCandidates(*engine, text, AnalyzeOptions(), &out);
  return out;
}

TEST(CandidatesTest, TriggerListedUnderTwoTypesOffersBothReadings) {
  Document doc;
  std::vector<Candidate> cs = CandidatesOf("هاجم زعيم المعارضة التركية الرئيس أردوغان في خطاب أمام أنصاره.", &doc);
  bool accuse = false;
  for (const Candidate& c : cs) {
    if (c.event.type != "ASSAULT") continue;
    for (const LexEntry* alt : c.alternatives) accuse |= alt->value == "ACCUSE";
    for (const LexEntry* alt : c.alternatives) {
      const Candidate a = AsAlternative(c, *alt);
      EXPECT_EQ(a.event.type, alt->value);
      EXPECT_EQ(a.event.cameo, alt->cameo);
      EXPECT_TRUE(a.alternatives.empty());
    }
  }
  EXPECT_TRUE(accuse);
}

TEST(CandidatesTest, WordsCompletingAGappedPhraseAreNoTriggerOfTheirOwn) {
  Document doc;
  std::vector<Candidate> cs = CandidatesOf("أعرب وزير الخارجية الأردني أيمن الصفدي عن شكره للحكومة اليابانية.", &doc);
  ASSERT_FALSE(cs.empty());
  for (const Candidate& c : cs) {
    EXPECT_EQ(std::string(doc.Text(c.event.anchor)).find("\xD8\xB4\xD9\x83\xD8\xB1"), std::string::npos)  // شكر
        << doc.Text(c.event.anchor);
  }
}

// A verbal noun next to a future verb — its subject (الإضراب سيبدأ) or its object (ستواصل التنسيق) — is
// announced, not done.
TEST(CandidatesTest, NounNextToAFutureVerbIsFuture) {
  const std::pair<const char*, const char*> cases[] = {
      {"وقال متحدث باسم الاتحاد العام التونسي للشغل إن الإضراب العام سيبدأ الأسبوع المقبل.", "PROTEST"},
      {"وأكد الوزير الأردني أن بلاده ستواصل التنسيق مع الحكومة المصرية.", "COOPERATE"}};
  for (const auto& [text, type] : cases) {
    Document doc;
    bool found = false;
    for (const Candidate& c : CandidatesOf(text, &doc)) {
      if (c.event.type != type) continue;
      found = true;
      EXPECT_EQ(c.event.modality, "future") << text;
    }
    EXPECT_TRUE(found) << text;
  }
}

// evaluative_triggers.tsv: a verb of characterising is a candidate only when its clause holds an
// evaluations.tsv word, read as its polarity's event, and left to the decision.
TEST(CandidatesTest, EvaluativeVerbNeedsAnEvaluativeWord) {
  Document doc;
  auto evaluative = [](const std::vector<Candidate>& cs, const char* type) {
    int n = 0;
    for (const Candidate& c : cs) {
      if ((c.reasons & kEvaluative) && c.event.type == type) {
        ++n;
        EXPECT_FALSE(c.evaluations.empty());
      }
    }
    return n;
  };
  std::vector<Candidate> cs =
      CandidatesOf("ووصف وزير الخارجية البريطاني الحكومة الإيرانية بأنها \"خائنة وفاشلة\".", &doc);
  EXPECT_EQ(evaluative(cs, "ACCUSE"), 1);
  EXPECT_EQ(evaluative(cs, "SUPPORT"), 0);
  cs = CandidatesOf("ووصف الرئيس الأمريكي نظيره الكوري الشمالي بالرجل الشريف.", &doc);
  EXPECT_EQ(evaluative(cs, "SUPPORT"), 1);
  EXPECT_EQ(evaluative(cs, "ACCUSE"), 0);
  cs = CandidatesOf("ووصف وزير الخارجية البريطاني زيارته إلى طهران بأنها الأولى منذ عامين.", &doc);
  EXPECT_EQ(evaluative(cs, "ACCUSE") + evaluative(cs, "SUPPORT"), 0);
}

// Participles are listed in the masculine singular (مطالبا); the other genders and numbers match too.
TEST(CandidatesTest, ParticiplesInEveryGenderAndNumber) {
  Document doc;
  for (const char* text : {"تظاهر آلاف المصريين في القاهرة، مطالبين الحكومة المصرية بخفض الأسعار.",
                           "وعقدت الوزيرة الفرنسية مؤتمرا صحفيا، مطالبة الحكومة الإيرانية بالإفراج عن المعتقلين."}) {
    std::vector<Candidate> cs = CandidatesOf(text, &doc);
    bool request = false;
    for (const Candidate& c : cs) request |= c.event.type == "REQUEST";
    EXPECT_TRUE(request) << text;
  }
}

// A definite verbal noun's doer named in a relative clause on it (العقوبات التي فرضتها واشنطن على طهران);
// an indefinite noun's next word is its genitive, so the clause there is about that genitive.
TEST(CandidatesTest, RelativeClauseNamesTheDoer) {
  Document doc;
  auto sides = [&doc](const std::vector<Candidate>& cs, const char* type) {
    for (const Candidate& c : cs) {
      if (c.event.type != type) continue;
      const std::string a = c.actor >= 0 ? doc.entities[c.actor].country : "-";
      const std::string r = c.recipient >= 0 ? doc.entities[c.recipient].country : "-";
      return a + ">" + r;
    }
    return std::string("none");
  };
  std::vector<Candidate> cs = CandidatesOf("انتقد وزير الخارجية الروسي العقوبات التي فرضتها واشنطن على طهران.", &doc);
  EXPECT_EQ(sides(cs, "COERCE"), "USA>IRN");
  cs = CandidatesOf("وتسبب الحصار الذي تفرضه إسرائيل على قطاع غزة في أزمة إنسانية.", &doc);
  EXPECT_TRUE(sides(cs, "COERCE").starts_with("ISR>")) << sides(cs, "COERCE");
  cs = CandidatesOf("وأدانت المنظمة اعتقال الصحفيين الذين انتقدهم الرئيس المصري.", &doc);
  EXPECT_NE(sides(cs, "COERCE"), "none");
  EXPECT_FALSE(sides(cs, "COERCE").starts_with("EGY"));
}

// A detached object pronoun after the trigger (متهمة إياه) stands for the party named before it.
TEST(CandidatesTest, DetachedObjectPronounIsTheRecipient) {
  Document doc;
  bool found = false;
  for (const Candidate& c : CandidatesOf("طلبت وزارة الداخلية الإسرائيلية من ممثل منظمة هيومن رايتس ووتش المغادرة، "
                                         "متهمة إياه بدعم مقاطعة إسرائيل.", &doc)) {
    if (c.event.type != "ACCUSE") continue;
    found = true;
    ASSERT_GE(c.recipient, 0);
    EXPECT_TRUE(doc.entities[c.recipient].code.starts_with("NGO")) << doc.entities[c.recipient].code;
  }
  EXPECT_TRUE(found);
}

// What a threat names (هدد بفرض رسوم) has not happened, as what an appeal asks for; a noun a verb of
// intent governs across its subject (تعتزم الحكومة البريطانية فرض حظر) is planned.
TEST(CandidatesTest, ThreatenedAndPlannedActsAreNotFacts) {
  Document doc;
  bool threatened = false;
  for (const Candidate& c : CandidatesOf("هدد الرئيس الأمريكي بفرض رسوم جمركية إضافية على الواردات المكسيكية.", &doc)) {
    if (c.event.type == "COERCE") threatened = (c.reasons & kRequestedContent) != 0;
  }
  EXPECT_TRUE(threatened);
  bool planned = false;
  for (const Candidate& c : CandidatesOf("تعتزم الحكومة البريطانية فرض حظر سفر على مسؤولين بيلاروسيين.", &doc)) {
    if (c.event.type == "COERCE") planned = c.event.modality == "future";
  }
  EXPECT_TRUE(planned);
}

}  // namespace
}  // namespace rasd::internal
